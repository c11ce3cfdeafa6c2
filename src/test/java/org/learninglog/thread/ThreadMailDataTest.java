package org.learninglog.thread;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.learninglog.mail.MailTexts;
import org.learninglog.mail.TemplateFiles;
import org.learninglog.notification.Notification.Kind;
import org.learninglog.thread.ThreadMailData.Activity;
import org.learninglog.thread.ThreadMailData.Digest;
import org.learninglog.thread.ThreadMailData.Item;
import org.learninglog.thread.ThreadMailData.Unanswered;
import org.learninglog.thread.ThreadMails.Footer;
import org.learninglog.thread.ThreadMails.ThreadView;

/** The data of each kind of thread email, stored and read back, and the emails made of it; no Quarkus. */
class ThreadMailDataTest {

    private static final UUID ENTRY = UUID.fromString("3d1f0a52-8b6e-4b8f-9c1a-2f4e6d8a0b13");
    private static final UUID OTHER_ENTRY = UUID.fromString("7e2a1b63-9c7f-4c90-8d2b-3a5f7e9b1c24");
    private static final Function<UUID, String> URL = id -> "https://ll.example" + ThreadMails.threadPath(id);
    private static final Footer FOOTER = new Footer("https://ll.example/unsubscribe?token=t", "en");
    private static final MailTexts EN = TemplateFiles.texts(Locale.ENGLISH);

    private final Item poolOrders = new Item(ENTRY, "Ops & Co", "How do we cut <packaging>?", "Asker",
            Kind.REPLY_ON_MY_ENTRY, "Ana", "Pool the orders <now>", Instant.parse("2026-11-24T11:00:00Z"));
    private final Item contract = new Item(ENTRY, "Ops & Co", "How do we cut <packaging>?", "Asker",
            Kind.REPLY_ON_MY_ENTRY, "Ben", "Ask for a two-year contract", Instant.parse("2026-11-24T11:02:00.123456Z"));
    private final Item accepted = new Item(OTHER_ENTRY, "Ops & Co", null, "Ben", Kind.ANSWER_ACCEPTED, "Ben", "Mine",
            Instant.parse("2026-11-24T12:00:00Z"));
    private final Unanswered waiting = new Unanswered(ENTRY, "Ops & Co", "Who audits <the> suppliers?", "Asker",
            "2026-W48");

    @Test
    void shouldReadThreadActivityBackAsItWasStored() {
        Activity activity = new Activity(List.of(poolOrders, contract));

        assertEquals(activity, ThreadMailData.ACTIVITY.read(ThreadMailData.ACTIVITY.write(activity)));
    }

    @Test
    void shouldReadADigestBackAsItWasStored() {
        Digest digest = new Digest(LocalDate.parse("2026-11-25"), List.of(poolOrders, contract, accepted));

        assertEquals(digest, ThreadMailData.DIGEST.read(ThreadMailData.DIGEST.write(digest)));
    }

    @Test
    void shouldReadAnUnansweredQuestionBackAsItWasStored() {
        assertEquals(waiting, ThreadMailData.UNANSWERED.read(ThreadMailData.UNANSWERED.write(waiting)));
    }

    @Test
    void shouldFailLoudlyWhenAFieldIsMissing() {
        String activity = ThreadMailData.ACTIVITY.write(new Activity(List.of(accepted)));
        assertThrows(IllegalStateException.class, () -> ThreadMailData.ACTIVITY.read("{}"));
        assertThrows(IllegalStateException.class,
                () -> ThreadMailData.ACTIVITY.read(activity.replace("\"question\":null,", "")));
        String digest = ThreadMailData.DIGEST.write(new Digest(LocalDate.parse("2026-11-25"), List.of(accepted)));
        assertThrows(IllegalStateException.class,
                () -> ThreadMailData.DIGEST.read(digest.replace("\"day\":\"2026-11-25\",", "")));
        assertThrows(IllegalStateException.class,
                () -> ThreadMailData.DIGEST.read(digest.replace("\"actorName\":\"Ben\",", "")));
        String unanswered = ThreadMailData.UNANSWERED.write(waiting);
        assertThrows(IllegalStateException.class,
                () -> ThreadMailData.UNANSWERED.read(unanswered.replace(",\"week\":\"2026-W48\"", "")));
    }

    @Test
    void shouldReadWhatThePreviousVersionStored() {
        // As the thread-mail SQL wrote it with jsonb_build_object: a timestamptz, keys in jsonb's order.
        String stored = "{\"items\": [{\"at\": \"2026-11-24T11:02:00.123456+00:00\", \"body\": \"Ask for a two-year"
                + " contract\", \"kind\": \"REPLY_ON_MY_ENTRY\", \"entryId\": \"" + ENTRY + "\", \"question\":"
                + " \"How do we cut <packaging>?\", \"actorName\": \"Ben\", \"groupName\": \"Ops & Co\","
                + " \"authorName\": \"Asker\"}]}";

        assertEquals(new Activity(List.of(contract)), ThreadMailData.ACTIVITY.read(stored));
    }

    @Test
    void shouldRenderTheRepliesToOneThread() {
        ThreadView thread = ThreadMails.threads(EN, List.of(poolOrders, contract), URL).get(0);

        assertEquals("Ops & Co: 2 new replies to \"How do we cut <packaging>?\"", ThreadMails.subject(EN, thread));
        String html = TemplateFiles.render("ThreadMails/activity.html", Map.of("thread", thread, "footer", FOOTER));
        assertThat(html, containsString("<strong>Ops &amp; Co</strong> · Asker asked:"));
        assertThat(html, containsString("How do we cut &lt;packaging&gt;?"));
        assertThat(html, containsString("<strong>Ana replied</strong>:"));
        assertThat(html, containsString("Pool the orders &lt;now&gt;"));
        assertThat(html, containsString("<a href=\"https://ll.example/entries/" + ENTRY + "\">Open the thread</a>"));
        assertThat(html, containsString("<a href=\"https://ll.example/unsubscribe?token=t\">"));
        String text = TemplateFiles.render("ThreadMails/activity.txt", Map.of("thread", thread, "footer", FOOTER));
        assertThat(text, containsString("Ops & Co · Asker asked:\n  How do we cut <packaging>?"));
        assertThat(text, containsString("Ana replied:\n  Pool the orders <now>"));
        assertThat(text, containsString("Ben replied:\n  Ask for a two-year contract"));
        assertThat(text, containsString("Unsubscribe from thread emails: https://ll.example/unsubscribe?token=t"));
    }

    @Test
    void shouldRenderADigestThreadByThread() {
        Digest digest = new Digest(LocalDate.parse("2026-11-25"), List.of(poolOrders, contract, accepted));
        List<ThreadView> threads = ThreadMails.threads(EN, digest.items(), URL);

        assertEquals(2, threads.size());
        assertEquals("Learning Log: activity in your threads, 25 November 2026", ThreadMails.subject(EN, digest));
        Map<String, Object> data = Map.of("day", EN.date(digest.day()), "threads", threads, "moreThreads", 0,
                "footer", FOOTER);
        String html = TemplateFiles.render("ThreadMails/digest.html", data);
        assertThat(html, containsString("up to 25 November 2026."));
        assertThat(html, containsString("Pool the orders &lt;now&gt;"));
        assertThat(html, containsString("<strong>Ben accepted your reply as the answer</strong>.</p>"));
        String text = TemplateFiles.render("ThreadMails/digest.txt", data);
        assertThat(text, containsString("Ben replied:\n  Ask for a two-year contract"));
        assertThat(text, containsString("Ben accepted your reply as the answer."));
        assertThat(text, not(containsString("Mine")));
        assertThat(text, containsString("Open the thread: https://ll.example/entries/" + OTHER_ENTRY));
    }

    @Test
    void shouldRenderTheNudgeAboutAnUnansweredQuestion() {
        Map<String, Object> data = Map.of("question", waiting, "url", URL.apply(waiting.entryId()), "footer", FOOTER);

        assertEquals("Ops & Co: Asker is still waiting for an answer", ThreadMails.subject(EN, waiting));
        String html = TemplateFiles.render("ThreadMails/unanswered.html", data);
        assertThat(html, containsString("<p>Asker asked in Ops &amp; Co (2026-W48)"));
        assertThat(html, containsString("Who audits &lt;the&gt; suppliers?"));
        assertThat(html, containsString("href=\"https://ll.example/entries/" + ENTRY + "\""));
        String text = TemplateFiles.render("ThreadMails/unanswered.txt", data);
        assertThat(text, containsString("  Who audits <the> suppliers?"));
        assertThat(text, containsString("A few lines help. https://ll.example/entries/" + ENTRY));
    }

    @Test
    void shouldShortenALongQuestionInTheSubject() {
        String question = "Which of our suppliers can deliver recycled board in the quantities we need next year?";
        Item item = new Item(ENTRY, "Ops", question, "Asker", Kind.REPLY_ON_FOLLOWED_THREAD, "Ana", "Try X",
                Instant.parse("2026-11-24T11:00:00Z"));

        assertEquals("Ops: a new reply to \"Which of our suppliers can deliver recycled board in the ...\"",
                ThreadMails.subject(EN, ThreadMails.threads(EN, List.of(item), URL).get(0)));
    }

    @Test
    void shouldWriteTheRepliesToOneThreadInSpanish() {
        MailTexts spanish = TemplateFiles.texts(Locale.forLanguageTag("es"));
        ThreadView thread = ThreadMails.threads(spanish, List.of(poolOrders, contract), URL).get(0);
        Footer footer = new Footer("https://ll.example/unsubscribe?token=t", "es");

        assertEquals("Ops & Co: 2 respuestas nuevas a «How do we cut <packaging>?»",
                ThreadMails.subject(spanish, thread));
        String text = TemplateFiles.render("ThreadMails/activity.txt", Map.of("thread", thread, "footer", footer),
                spanish.locale());
        assertThat(text, containsString("Ops & Co · Asker preguntó:\n  How do we cut <packaging>?"));
        assertThat(text, containsString("Ana respondió:\n  Pool the orders <now>"));
        assertThat(text, containsString("Abrir el hilo: https://ll.example/entries/" + ENTRY));
        assertThat(text,
                containsString("Darse de baja de los correos de hilos: https://ll.example/unsubscribe?token=t"));
        assertEquals("Learning Log: actividad en tus hilos, 25 de noviembre de 2026",
                ThreadMails.subject(spanish, new Digest(LocalDate.parse("2026-11-25"), List.of(poolOrders))));
    }

    @Test
    void shouldCapAVeryLongThreadAndLinkToTheRest() {
        List<Item> replies = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            replies.add(new Item(ENTRY, "Ops", "Why?", "Asker", Kind.REPLY_ON_MY_ENTRY, "Replier " + i,
                    "x".repeat(4_000), Instant.parse("2026-11-24T11:00:00Z").plusSeconds(i)));
        }

        ThreadView thread = ThreadMails.threads(EN, replies, URL).get(0);
        String html = TemplateFiles.render("ThreadMails/activity.html", Map.of("thread", thread, "footer", FOOTER));
        String text = TemplateFiles.render("ThreadMails/activity.txt", Map.of("thread", thread, "footer", FOOTER));

        assertEquals(2, thread.lines().size());
        assertEquals(498, thread.moreLines());
        assertEquals("Ops: 500 new replies to \"Why?\"", ThreadMails.subject(EN, thread));
        assertThat(html.length() + text.length(), lessThan(4 * ThreadMails.MAX_THREAD_TEXT));
        assertThat(html, containsString("… and 498 more: <a href=\"https://ll.example/entries/" + ENTRY
                + "\">read the rest in the thread</a>"));
        assertThat(text, containsString("… and 498 more: read the rest in the thread."));
    }

    @Test
    void shouldAlwaysShowTheFirstReplyHoweverLong() {
        Item huge = new Item(ENTRY, "Ops", "Why?", "Asker", Kind.REPLY_ON_MY_ENTRY, "Ana", "y".repeat(9_000),
                Instant.parse("2026-11-24T11:00:00Z"));

        ThreadView thread = ThreadMails.threads(EN, List.of(huge), URL).get(0);

        assertEquals(1, thread.lines().size());
        assertEquals(0, thread.moreLines());
    }

    @Test
    void shouldNeverSplitACharacterBeyondTheBasicPlaneWhenShortening() {
        String question = "🌱".repeat(80); // each is two UTF-16 units

        String shortened = ThreadMails.shorten(question);

        assertEquals("🌱".repeat(57) + "...", shortened);
        assertEquals(60, shortened.codePointCount(0, shortened.length()));
        assertEquals("🌱".repeat(60), ThreadMails.shorten("🌱".repeat(60)));
    }
}
