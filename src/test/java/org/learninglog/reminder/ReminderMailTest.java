package org.learninglog.reminder;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.learninglog.mail.MailKind;
import org.learninglog.mail.MailTexts;
import org.learninglog.mail.TemplateFiles;

/** The data of reminders and follow-ups, stored and read back, and the emails made of it; no Quarkus. */
class ReminderMailTest {

    private static final UUID GROUP = UUID.fromString("0b9a4f4e-6d7c-4a43-a3f1-4c2e9d7b8a10");

    private static final MailTexts EN = TemplateFiles.texts(Locale.ENGLISH);

    private final ReminderMail asked = new ReminderMail("Ana <Admin>", GROUP, "Ops & <b>Co</b>", "2026-W11",
            "How do we measure <waste> per store?", true);

    private final ReminderMail first = new ReminderMail("Bob", GROUP, "Ops", "2026-W53", null, false);

    @Test
    void shouldReadAReminderBackAsItWasStored() {
        assertEquals(asked, ReminderMail.REMINDER.read(ReminderMail.REMINDER.write(asked)));
        assertEquals(first, ReminderMail.REMINDER.read(ReminderMail.REMINDER.write(first)));
    }

    @Test
    void shouldReadAFollowUpBackAsItWasStored() {
        assertEquals(asked, ReminderMail.FOLLOW_UP.read(ReminderMail.FOLLOW_UP.write(asked)));
        assertEquals(first, ReminderMail.FOLLOW_UP.read(ReminderMail.FOLLOW_UP.write(first)));
    }

    @Test
    void shouldFailLoudlyWhenAFieldIsMissing() {
        for (MailKind<ReminderMail> kind : new MailKind[] { ReminderMail.REMINDER, ReminderMail.FOLLOW_UP }) {
            String json = kind.write(first);
            assertThrows(IllegalStateException.class, () -> kind.read(json.replace("\"groupName\":\"Ops\",", "")));
            assertThrows(IllegalStateException.class, () -> kind.read(json.replace("\"lastQuestion\":null,", "")));
            assertThrows(IllegalStateException.class,
                    () -> kind.read(json.replace(",\"lastQuestionAnswered\":false", "")));
        }
    }

    @Test
    void shouldReadWhatThePreviousVersionStored() {
        // As the reminder SQL wrote it with jsonb_build_object, keys in jsonb's order.
        String stored = "{\"week\": \"2026-W11\", \"groupId\": \"" + GROUP + "\", \"groupName\": \"Ops\","
                + " \"displayName\": \"Bob\", \"lastQuestion\": null, \"lastQuestionAnswered\": false}";

        assertEquals(new ReminderMail("Bob", GROUP, "Ops", "2026-W11", null, false),
                ReminderMail.REMINDER.read(stored));
    }

    @Test
    void shouldRenderTheReminderEscapedInHtmlAndAsWrittenInText() {
        ReminderMails.View view = ReminderMails.view(EN, asked,
                "https://ll.example/groups/" + GROUP + "/weeks/2026-W11",
                "https://ll.example/unsubscribe?token=t");

        assertEquals("Ops & <b>Co</b>: your Learning Log for 2026-W11",
                ReminderMails.subject(EN, ReminderMail.REMINDER, asked));
        assertEquals("/groups/" + GROUP + "/weeks/2026-W11", ReminderMails.postPath(asked));
        String html = TemplateFiles.render("ReminderMails/reminder.html", Map.of("view", view));
        assertThat(html, containsString("<p>Hello Ana &lt;Admin&gt;,</p>"));
        assertThat(html, containsString("it is log day in Ops &amp; &lt;b&gt;Co&lt;/b&gt;. Take"));
        assertThat(html, containsString("(2026-W11, 9 – 15 March 2026)"));
        assertThat(html, containsString("How do we measure &lt;waste&gt; per store?"));
        assertThat(html, containsString("Your question has an accepted answer."));
        assertThat(html, containsString("<a href=\"https://ll.example/unsubscribe?token=t\">"));
        String text = TemplateFiles.render("ReminderMails/reminder.txt", Map.of("view", view));
        assertThat(text, containsString("Hello Ana <Admin>,"));
        assertThat(text, containsString("it is log day in Ops & <b>Co</b>."));
        assertThat(text, containsString("Write this week's entry: https://ll.example/groups/" + GROUP
                + "/weeks/2026-W11"));
        assertThat(text, containsString("  How do we measure <waste> per store?\n"
                + "Your question has an accepted answer."));
        assertThat(text, containsString("Unsubscribe from reminders: https://ll.example/unsubscribe?token=t"));
    }

    @Test
    void shouldRenderTheFollowUpWithoutALastQuestionWhenThereWasNone() {
        ReminderMails.View view = ReminderMails.view(EN, first, "https://ll.example/post", "https://ll.example/unsub");

        assertEquals("Ops: there is still time for your Learning Log of 2026-W53",
                ReminderMails.subject(EN, ReminderMail.FOLLOW_UP, first));
        String html = TemplateFiles.render("ReminderMails/followUp.html", Map.of("view", view));
        assertThat(html, containsString("<p>Hello Bob,</p>"));
        assertThat(html, containsString("(2026-W53, 28 December 2026 – 3 January 2027)"));
        assertThat(html, not(containsString("Last week you asked")));
        String text = TemplateFiles.render("ReminderMails/followUp.txt", Map.of("view", view));
        assertThat(text, containsString("There is still time to add yours"));
        assertThat(text, containsString("Write this week's entry: https://ll.example/post"));
        assertThat(text, not(containsString("Last week you asked")));
    }

    @Test
    void shouldNameTheFollowUpsAnsweredStateOfLastWeeksQuestion() {
        ReminderMail open = new ReminderMail("Cem", GROUP, "Ops", "2026-W14", "Who audits the suppliers?", false);
        ReminderMails.View view = ReminderMails.view(EN, open, "https://ll.example/post", "https://ll.example/unsub");

        assertThat(TemplateFiles.render("ReminderMails/followUp.html", Map.of("view", view)),
                containsString("<q>Who audits the suppliers?</q> —\nIt has no accepted answer yet."));
        assertThat(TemplateFiles.render("ReminderMails/followUp.txt", Map.of("view", view)),
                containsString("It has no accepted answer yet."));
        assertThat(EN.weekDates("2026-W14"), containsString("30 March – 5 April 2026"));
    }

    @Test
    void shouldWriteTheReminderInPolishWithTheWeekInPolish() {
        MailTexts polish = TemplateFiles.texts(Locale.forLanguageTag("pl"));
        ReminderMails.View view = ReminderMails.view(polish, asked, "https://ll.example/post",
                "https://ll.example/unsub");

        assertEquals("Ops & <b>Co</b>: Twój Learning Log za 2026-W11",
                ReminderMails.subject(polish, ReminderMail.REMINDER, asked));
        String html = TemplateFiles.render("ReminderMails/reminder.html", Map.of("view", view), polish.locale());
        assertThat(html, containsString("<html lang=\"pl\">"));
        assertThat(html, containsString("<p>Dzień dobry, Ana &lt;Admin&gt;,</p>"));
        assertThat(html, containsString("(2026-W11, 9 – 15 marca 2026)"));
        assertThat(html, containsString("Twoje pytanie ma zaakceptowaną odpowiedź."));
        String text = TemplateFiles.render("ReminderMails/reminder.txt", Map.of("view", view), polish.locale());
        assertThat(text, containsString("Napisz wpis na ten tydzień: https://ll.example/post"));
        assertThat(text, containsString("Wypisz się z przypomnień: https://ll.example/unsub"));
    }

    @Test
    void shouldWriteWeeksAsEachLanguageWritesDates() {
        assertEquals("9. – 15. März 2026", TemplateFiles.texts(Locale.GERMAN).weekDates("2026-W11"));
        assertEquals("30 de marzo – 5 de abril de 2026",
                TemplateFiles.texts(Locale.forLanguageTag("es")).weekDates("2026-W14"));
        assertEquals("28 grudnia 2026 – 3 stycznia 2027",
                TemplateFiles.texts(Locale.forLanguageTag("pl")).weekDates("2026-W53"));
    }
}
