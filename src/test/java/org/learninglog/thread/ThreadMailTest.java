package org.learninglog.thread;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.learninglog.Api.anonymous;
import static org.learninglog.Api.as;
import static org.learninglog.thread.Threads.question;
import static org.learninglog.thread.Threads.reply;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.learninglog.ClockAndMailTest;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;
import org.learninglog.mail.MailDispatcher;
import org.learninglog.mail.TestMailServer;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ThreadMailTest extends ClockAndMailTest {

    @Inject
    ThreadMailJob job;

    @Inject
    MailDispatcher dispatcher;

    @Test
    void shouldCoalesceThreeRepliesInFiveMinutesIntoOneEmail() {
        clock.set(Instant.parse("2026-11-24T10:00:00Z"));
        TestMember asker = data.member("Asker");
        TestMember ana = data.member("Ana");
        TestMember ben = data.member("Ben");
        UUID groupId = data.group("Coalesce " + TestData.suffix(), asker, ana, ben);
        String entryId = question(asker, groupId);

        clock.set(Instant.parse("2026-11-24T11:00:00Z"));
        reply(ana, entryId, "Pool the orders with another region");
        clock.advance(Duration.ofMinutes(2));
        reply(ben, entryId, "Ask for a two-year contract");
        clock.advance(Duration.ofMinutes(3));
        reply(ana, entryId, "And check the recycled-board option");

        runAt("2026-11-24T11:09:59Z");
        assertEquals(0, TestMailServer.messagesTo(asker.email()).size(), "not before the window closed");

        runAt("2026-11-24T11:10:00Z");
        runAt("2026-11-24T11:11:00Z");
        List<MimeMessage> toAsker = TestMailServer.messagesTo(asker.email());
        assertEquals(1, toAsker.size());
        assertThat(TestMailServer.subject(toAsker.get(0)), containsString("3 new replies"));
        String text = TestMailServer.part(toAsker.get(0), "text/plain");
        assertThat(text, containsString("Pool the orders with another region"));
        assertThat(text, containsString("Ask for a two-year contract"));
        assertThat(text, containsString("And check the recycled-board option"));
        // Ana replied first and follows the thread: her window opened with Ben's reply at 11:02.
        assertEquals(0, TestMailServer.messagesTo(ana.email()).size());
        runAt("2026-11-24T11:12:00Z");
        List<MimeMessage> toAna = TestMailServer.messagesTo(ana.email());
        assertEquals(1, toAna.size());
        assertThat(TestMailServer.subject(toAna.get(0)), containsString("a new reply"));
        assertThat(TestMailServer.part(toAna.get(0), "text/plain"), containsString("Ask for a two-year contract"));
        assertThat(TestMailServer.part(toAna.get(0), "text/plain"), not(containsString("Pool the orders")));

        clock.set(Instant.parse("2026-11-24T11:30:00Z"));
        reply(ben, entryId, "One more idea");
        runAt("2026-11-24T11:40:00Z");
        assertEquals(2, TestMailServer.messagesTo(asker.email()).size(), "a later reply starts a new email");
    }

    @Test
    void shouldEscapeRepliesAndOfferOneClickUnsubscribe() throws Exception {
        clock.set(Instant.parse("2026-11-24T10:00:00Z"));
        TestMember asker = data.member("Asker");
        TestMember mallory = data.member("<script>alert('name')</script>");
        UUID groupId = data.group("Escape " + TestData.suffix(), asker, mallory);
        String entryId = question(asker, groupId);
        reply(mallory, entryId, "<script>alert('body')</script>");
        runAt("2026-11-24T10:10:00Z");

        MimeMessage message = TestMailServer.messagesTo(asker.email()).get(0);
        String html = TestMailServer.part(message, "text/html");
        assertThat(html, not(containsString("<script>")));
        assertThat(html, containsString("&lt;script&gt;alert("));
        String unsubscribe = TestMailServer.header(message, "List-Unsubscribe");
        assertEquals("List-Unsubscribe=One-Click", TestMailServer.header(message, "List-Unsubscribe-Post"));
        String token = unsubscribe.substring(unsubscribe.indexOf("token=") + 6, unsubscribe.length() - 1);

        anonymous().contentType("application/x-www-form-urlencoded").formParam("List-Unsubscribe", "One-Click")
                .post("/unsubscribe?token={t}", token).then().statusCode(200);
        as(asker.token()).get("/api/v1/me").then().body("replyNotifications", org.hamcrest.Matchers.equalTo("OFF"))
                .body("reminders", org.hamcrest.Matchers.equalTo(true));
    }

    @Test
    void shouldSendNothingToMembersWhoTurnedThreadEmailsOff() {
        clock.set(Instant.parse("2026-11-24T10:00:00Z"));
        TestMember asker = data.member("Asker");
        TestMember ana = data.member("Ana");
        UUID groupId = data.group("Off " + TestData.suffix(), asker, ana);
        as(asker.token()).body(Map.of("replyNotifications", "OFF")).patch("/api/v1/me").then().statusCode(200);
        String entryId = question(asker, groupId);
        reply(ana, entryId, "Pool the orders");
        runAt("2026-11-25T12:00:00Z");
        assertEquals(0, TestMailServer.messagesTo(asker.email()).size());
        as(asker.token()).get("/api/v1/me/notifications").then().body("unreadCount", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void shouldSendTheDigestOnceADayAtEightInTheMembersTimeZone() {
        clock.set(Instant.parse("2026-11-24T10:00:00Z"));
        TestMember asker = data.member("Asker", "Asia/Tokyo");
        TestMember ana = data.member("Ana");
        UUID groupId = data.group("Digest " + TestData.suffix(), asker, ana);
        as(asker.token()).body(Map.of("replyNotifications", "DAILY_DIGEST")).patch("/api/v1/me").then().statusCode(200);
        String entryId = question(asker, groupId);
        reply(ana, entryId, "Pool the orders");
        clock.advance(Duration.ofHours(1));
        reply(ana, entryId, "Or a longer contract");

        runAt("2026-11-24T22:59:00Z"); // Tokyo: Wednesday 07:59
        assertEquals(0, TestMailServer.messagesTo(asker.email()).size());
        runAt("2026-11-24T23:00:00Z"); // Tokyo: Wednesday 08:00
        runAt("2026-11-25T05:00:00Z");
        List<MimeMessage> toAsker = TestMailServer.messagesTo(asker.email());
        assertEquals(1, toAsker.size(), "one digest a day");
        assertThat(TestMailServer.subject(toAsker.get(0)), containsString("25 November 2026"));
        String text = TestMailServer.part(toAsker.get(0), "text/plain");
        assertThat(text, containsString("Pool the orders"));
        assertThat(text, containsString("Or a longer contract"));

        runAt("2026-11-25T23:00:00Z"); // the next morning, nothing happened
        assertEquals(1, TestMailServer.messagesTo(asker.email()).size(), "no digest without activity");
    }

    @Test
    void shouldNudgeTheGroupOnceAboutAQuestionNobodyAnswered() {
        clock.set(Instant.parse("2026-11-24T10:00:00Z"));
        TestMember asker = data.member("Asker");
        TestMember ana = data.member("Ana");
        TestMember quiet = data.member("Quiet");
        TestMember answered = data.member("Answered");
        UUID groupId = data.group("Nudge " + TestData.suffix(), asker, ana, quiet);
        UUID otherGroup = data.group("Answered " + TestData.suffix(), answered, ana);
        as(quiet.token()).body(Map.of("replyNotifications", "OFF", "questionNotifications", "OFF")).patch("/api/v1/me")
                .then().statusCode(200);
        question(asker, groupId);
        String repliedTo = question(answered, otherGroup);
        reply(ana, repliedTo, "Here is an answer");

        runAt("2026-11-25T09:59:00Z");
        assertEquals(0, TestMailServer.messagesTo(ana.email()).stream()
                .filter(m -> TestMailServer.subject(m).contains("still waiting")).count());
        runAt("2026-11-25T10:00:00Z");
        runAt("2026-11-25T11:00:00Z");
        List<MimeMessage> nudges = TestMailServer.messagesTo(ana.email()).stream()
                .filter(m -> TestMailServer.subject(m).contains("still waiting")).toList();
        assertEquals(1, nudges.size(), "once per question, only for the one without replies");
        assertThat(TestMailServer.subject(nudges.get(0)), containsString("Asker is still waiting"));
        assertEquals(0, TestMailServer.messagesTo(quiet.email()).size());
        assertEquals(0, TestMailServer.messagesTo(asker.email()).stream()
                .filter(m -> TestMailServer.subject(m).contains("still waiting")).count());
    }

    @Test
    void shouldWriteAThreadEmailInTheFollowersLanguage() {
        clock.set(Instant.parse("2026-11-24T10:00:00Z"));
        TestMember marta = data.member("Marta", "Europe/Madrid");
        TestMember ana = data.member("Ana");
        UUID groupId = data.group("En español " + TestData.suffix(), marta, ana);
        as(marta.token()).body(Map.of("language", "es")).patch("/api/v1/me").then().statusCode(200);
        String entryId = question(marta, groupId);

        clock.set(Instant.parse("2026-11-24T11:00:00Z"));
        reply(ana, entryId, "Pool the orders");
        runAt("2026-11-24T11:10:00Z");
        runAt("2026-11-24T11:11:00Z");

        List<MimeMessage> toMarta = TestMailServer.messagesTo(marta.email());
        assertEquals(1, toMarta.size());
        assertThat(TestMailServer.subject(toMarta.get(0)), containsString(": una respuesta nueva a «"));
        String text = TestMailServer.part(toMarta.get(0), "text/plain");
        assertThat(text, containsString("Ana respondió:"));
        assertThat(text, containsString("Abrir el hilo: http"));
        assertThat(text, containsString("Recibes este correo porque sigues este hilo en Learning Log."));
    }

    private void runAt(String instant) {
        clock.set(Instant.parse(instant));
        job.enqueueDue();
        // Other tests leave mail due too; deliver everything, in bounded rounds.
        for (int round = 0; round < 100 && dispatcher.dispatchDue() > 0; round++) {
            // keep delivering
        }
    }
}
