package org.learninglog.inbound;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.learninglog.Api.anonymous;
import static org.learninglog.Api.as;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learninglog.ClockAndMailTest;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;
import org.learninglog.entry.Entries;
import org.learninglog.mail.MailDispatcher;
import org.learninglog.mail.TestMailServer;
import org.learninglog.reminder.ReminderJob;
import org.learninglog.thread.ThreadMailJob;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class ReplyByEmailTest extends ClockAndMailTest {

    @Inject
    ThreadMailJob threadMails;

    @Inject
    ReminderJob reminders;

    @Inject
    MailDispatcher dispatcher;

    TestMember admin;
    TestMember asker;
    TestMember ana;
    UUID groupId;
    String entryId;

    @BeforeEach
    void aThreadWithAReply() {
        clock.set(Entries.TUESDAY_W48);
        admin = data.admin();
        asker = data.member("Asker");
        ana = data.member("Ana");
        groupId = data.group("By email " + TestData.suffix(), asker, ana);
        entryId = as(asker.token()).body(Entries.packagingEntry())
                .put("/api/v1/groups/{g}/weeks/current/entries/me", groupId).then().statusCode(201).extract()
                .path("id");
        as(ana.token()).body(Map.of("body", "Pool the orders with another region"))
                .post("/api/v1/entries/{id}/replies", entryId).then().statusCode(201);
    }

    @Test
    void shouldPostAReplyToAThreadEmailOnceCutAboveTheQuote() {
        String replyTo = threadEmailReplyTo(asker);
        assertThat(replyTo, matchesPattern("reply\\+[a-z2-7]{42}@reply\\.test\\.invalid"));
        String messageId = Inbound.messageId();
        byte[] raw = Inbound.reply(asker.email(), replyTo, messageId,
                "Thanks, we will try that next week.\n\nOn Tue, 24 Nov 2026 at 11:10, Learning Log wrote:\n"
                        + "> Ana replied:\n> Pool the orders\n");

        handIn(raw).then().statusCode(201).body("status", equalTo("POSTED")).body("entryId", equalTo(entryId))
                .body("messageId", equalTo(messageId));
        handIn(raw).then().statusCode(200).body("status", equalTo("POSTED"));

        List<String> bodies = replies();
        assertEquals(List.of("Pool the orders with another region", "Thanks, we will try that next week."), bodies);
        as(ana.token()).get("/api/v1/me/notifications").then().body("items[0].kind",
                equalTo("REPLY_ON_FOLLOWED_THREAD"));
    }

    @Test
    void shouldChangeNothingForASpoofedSenderATamperedOrExpiredAddressAnAutoReplyOrABounce() {
        String replyTo = threadEmailReplyTo(asker);
        handIn(Inbound.reply(ana.email(), replyTo, Inbound.messageId(), "I am not the asker")).then().statusCode(201)
                .body("status", equalTo("REJECTED")).body("reason", containsString("is not the member"));
        char last = replyTo.charAt(replyTo.indexOf('@') - 1);
        String tampered = replyTo.replace(last + "@", (last == 'a' ? 'b' : 'a') + "@");
        handIn(Inbound.reply(asker.email(), tampered, Inbound.messageId(), "Tampered")).then()
                .body("status", equalTo("REJECTED")).body("reason", containsString("not one this service signed"));
        handIn(Inbound.reply(asker.email(), "reply+" + "a".repeat(42) + "@reply.test.invalid", Inbound.messageId(),
                "Forged")).then().body("status", equalTo("REJECTED"));
        handIn(Inbound.reply(asker.email(), replyTo, Inbound.messageId(), "I am away until Monday.",
                "Auto-Submitted: auto-replied\r\n")).then().body("status", equalTo("IGNORED"));
        handIn(Inbound.reply(asker.email(), replyTo, Inbound.messageId(), "Out of office", "Precedence: bulk\r\n"))
                .then().body("status", equalTo("IGNORED"));
        handIn(Inbound.bounce(replyTo, Inbound.messageId())).then().body("status", equalTo("IGNORED"));

        clock.advance(Duration.ofDays(31));
        handIn(Inbound.reply(asker.email(), replyTo, Inbound.messageId(), "Too late")).then()
                .body("status", equalTo("REJECTED")).body("reason", containsString("expired"));

        assertEquals(List.of("Pool the orders with another region"), replies());
        deliver();
        assertEquals(1, TestMailServer.messagesTo(asker.email()).size(), "only the thread email, no answers");
        assertEquals(0, TestMailServer.messagesTo(ana.email()).stream()
                .filter(m -> TestMailServer.subject(m).contains("not posted")).count());
    }

    @Test
    void shouldTurnHtmlOnlyMailIntoTextAndDropAttachmentsWithANote() {
        String replyTo = threadEmailReplyTo(asker);
        handIn(Inbound.htmlWithAttachment(asker.email(), replyTo, Inbound.messageId(),
                "<div>Here are <b>our</b> prices<br>&lt;script&gt; stays text</div>"
                        + "<blockquote type=\"cite\">Ana replied</blockquote>"))
                                .then().body("status", equalTo("POSTED"));
        String posted = replies().get(1);
        assertThat(posted, startsWith("Here are our prices\n<script> stays text"));
        assertThat(posted, containsString("1 attachment(s) left out"));
    }

    @Test
    void shouldTellASenderNoLongerInTheGroupWhyNothingWasPosted() {
        String replyTo = threadEmailReplyTo(asker);
        as(admin.token()).delete("/api/v1/groups/{g}/members/{m}", groupId, ana.id()).then().statusCode(204);
        TestMember other = data.member("Facilitator");
        data.join(groupId, other, org.learninglog.group.Membership.Role.FACILITATOR);
        as(admin.token()).delete("/api/v1/groups/{g}/members/{m}", groupId, asker.id()).then().statusCode(204);

        handIn(Inbound.reply(asker.email(), replyTo, Inbound.messageId(), "Still here?")).then()
                .body("status", equalTo("REJECTED")).body("reason", containsString("no longer in"));
        deliver();
        List<MimeMessage> answers = TestMailServer.messagesTo(asker.email()).stream()
                .filter(m -> TestMailServer.subject(m).contains("not posted")).toList();
        assertEquals(1, answers.size());
        assertThat(TestMailServer.part(answers.get(0), "text/plain"), containsString("no longer a member"));
        assertEquals("auto-replied", TestMailServer.header(answers.get(0), "Auto-Submitted"));
    }

    @Test
    void shouldPostTheWeeksEntryFromAReplyToTheReminderUnderItsHeadings() {
        TestMember jonas = data.member("Jonas");
        data.join(groupId, jonas, org.learninglog.group.Membership.Role.MEMBER);
        String replyTo = reminderReplyTo(jonas);
        handIn(Inbound.reply(jonas.email(), replyTo, Inbound.messageId(),
                "Tried:\nLED lights in the back office\n\nFailed:\nThe motion sensors miss people\n\n"
                        + "Question: Which sensors work below 2 °C?\n\n-- \nJonas\n"))
                                .then().statusCode(201).body("status", equalTo("POSTED"));
        as(jonas.token()).get("/api/v1/groups/{g}/weeks/2026-W48/entries/me", groupId).then().statusCode(200)
                .body("tried", equalTo("LED lights in the back office"))
                .body("failed", equalTo("The motion sensors miss people"))
                .body("question", equalTo("Which sensors work below 2 °C?"));
    }

    @Test
    void shouldAcceptTheGermanHeadingsAndExplainTheFormatWithoutThem() {
        TestMember jonas = data.member("Jonas");
        data.join(groupId, jonas, org.learninglog.group.Membership.Role.MEMBER);
        String replyTo = reminderReplyTo(jonas);
        handIn(Inbound.reply(jonas.email(), replyTo, Inbound.messageId(), "Diese Woche war ruhig, nichts Neues."))
                .then().body("status", equalTo("REJECTED")).body("reason", containsString("headings"));
        deliver();
        List<MimeMessage> answers = TestMailServer.messagesTo(jonas.email()).stream()
                .filter(m -> TestMailServer.subject(m).contains("not posted")).toList();
        assertEquals(1, answers.size());
        String text = TestMailServer.part(answers.get(0), "text/plain");
        assertThat(text, containsString("Tried:"));
        assertThat(text, containsString("Question:"));
        as(jonas.token()).get("/api/v1/groups/{g}/weeks/2026-W48/entries/me", groupId).then().statusCode(404);

        handIn(Inbound.reply(jonas.email(), replyTo, Inbound.messageId(),
                "**Ausprobiert:** Mehrweg-Kisten\n**Nicht geklappt:** Die Rücknahme\n")).then()
                        .body("status", equalTo("POSTED"));
        as(jonas.token()).get("/api/v1/groups/{g}/weeks/2026-W48/entries/me", groupId).then().statusCode(200)
                .body("tried", equalTo("Mehrweg-Kisten")).body("failed", equalTo("Die Rücknahme"));
    }

    @Test
    void shouldPostAReplyToAQuestionEmailInTheThreadOfItsQuestion() {
        TestMember cleo = data.member("Cleo");
        TestMember ben = data.member("Ben");
        data.join(groupId, cleo, org.learninglog.group.Membership.Role.MEMBER);
        data.join(groupId, ben, org.learninglog.group.Membership.Role.MEMBER);
        as(cleo.token()).body(Map.of("questionNotifications", "IMMEDIATE")).patch("/api/v1/me").then()
                .statusCode(200);
        String bensEntry = as(ben.token()).body(Entries.packagingEntry())
                .put("/api/v1/groups/{g}/weeks/current/entries/me", groupId).then().statusCode(201).extract()
                .path("id");
        clock.set(Entries.TUESDAY_W48.plus(Duration.ofHours(1)));
        threadMails.enqueueDue();
        deliver();
        MimeMessage questionEmail = TestMailServer.messagesTo(cleo.email()).stream()
                .filter(m -> TestMailServer.subject(m).contains("Ben asks")).findFirst().orElseThrow();
        String replyTo = TestMailServer.header(questionEmail, "Reply-To");
        assertThat(replyTo, matchesPattern("reply\\+[a-z2-7]{42}@reply\\.test\\.invalid"));

        handIn(Inbound.reply(cleo.email(), replyTo, Inbound.messageId(),
                "Ask the supplier for a yearly contract.\n\nOn Tue, 24 Nov 2026 at 12:00, Learning Log wrote:\n"
                        + "> Ben asks\n")).then().statusCode(201).body("status", equalTo("POSTED"))
                                .body("entryId", equalTo(bensEntry));
        List<Map<String, Object>> replies = as(ben.token()).get("/api/v1/entries/{id}/replies", bensEntry).then()
                .statusCode(200).extract().path("items");
        assertEquals(1, replies.size());
        assertEquals("Ask the supplier for a yearly contract.", replies.get(0).get("body"));
        assertEquals(cleo.id().toString(), ((Map<?, ?>) replies.get(0).get("author")).get("id"));
    }

    @Test
    void shouldExplainThatAReplyToADigestOfSeveralThreadsCannotBePlaced() {
        TestMember cleo = data.member("Cleo");
        TestMember ben = data.member("Ben");
        TestMember dan = data.member("Dan");
        for (TestMember member : List.of(cleo, ben, dan)) {
            data.join(groupId, member, org.learninglog.group.Membership.Role.MEMBER);
        }
        String bensEntry = as(ben.token()).body(Entries.packagingEntry())
                .put("/api/v1/groups/{g}/weeks/current/entries/me", groupId).then().statusCode(201).extract()
                .path("id");
        String dansEntry = as(dan.token()).body(Entries.packagingEntry())
                .put("/api/v1/groups/{g}/weeks/current/entries/me", groupId).then().statusCode(201).extract()
                .path("id");
        clock.set(Instant.parse("2026-11-25T07:00:00Z")); // Berlin: Wednesday 08:00, the digest
        threadMails.enqueueDue();
        deliver();
        List<MimeMessage> toCleo = TestMailServer.messagesTo(cleo.email());
        assertEquals(1, toCleo.size(), "the default: both questions in the daily digest");
        String replyTo = TestMailServer.header(toCleo.get(0), "Reply-To");
        assertThat(replyTo, matchesPattern("reply\\+[a-z2-7]{42}@reply\\.test\\.invalid"));

        handIn(Inbound.reply(cleo.email(), replyTo, Inbound.messageId(), "Which one did I answer?")).then()
                .statusCode(201).body("status", equalTo("REJECTED")).body("reason", containsString("several"));
        deliver();
        List<MimeMessage> answers = TestMailServer.messagesTo(cleo.email()).stream()
                .filter(m -> TestMailServer.subject(m).contains("not posted")).toList();
        assertEquals(1, answers.size());
        assertThat(TestMailServer.part(answers.get(0), "text/plain"), containsString("several threads"));
        for (String entry : List.of(bensEntry, dansEntry)) {
            as(ben.token()).get("/api/v1/entries/{id}/replies", entry).then().statusCode(200).body("items.size()",
                    equalTo(0));
        }
    }

    @Test
    void shouldPostTheWeeksEntryFromAReplyUnderSpanishOrPolishHeadings() {
        TestMember marta = data.member("Marta");
        data.join(groupId, marta, org.learninglog.group.Membership.Role.MEMBER);
        String replyTo = reminderReplyTo(marta);
        handIn(Inbound.reply(marta.email(), replyTo, Inbound.messageId(),
                "Probado:\nCajas reutilizables\n\nNo funcionó:\nLa devolución\n\nPregunta:\n¿Quién conoce un "
                        + "proveedor?\n\nEl mar, 24 nov 2026 a las 9:00, Learning Log escribió:\n> Tried:\n"))
                                .then().statusCode(201).body("status", equalTo("POSTED"));
        as(marta.token()).get("/api/v1/groups/{g}/weeks/2026-W48/entries/me", groupId).then().statusCode(200)
                .body("tried", equalTo("Cajas reutilizables")).body("failed", equalTo("La devolución"))
                .body("question", equalTo("¿Quién conoce un proveedor?"));

        handIn(Inbound.reply(marta.email(), replyTo, Inbound.messageId(),
                "Wypróbowane: Skrzynki wielokrotnego użytku\nNie wyszło: Zwroty\n")).then()
                        .body("status", equalTo("POSTED"));
        as(marta.token()).get("/api/v1/groups/{g}/weeks/2026-W48/entries/me", groupId).then().statusCode(200)
                .body("tried", equalTo("Skrzynki wielokrotnego użytku")).body("failed", equalTo("Zwroty"));
    }

    @Test
    void shouldKeepAReplyTheEntryRulesRefuseWithTheirReasonForAdministrators() {
        TestMember jonas = data.member("Jonas");
        data.join(groupId, jonas, org.learninglog.group.Membership.Role.MEMBER);
        String replyTo = reminderReplyTo(jonas);
        clock.set(Instant.parse("2026-12-08T10:00:00Z")); // 2026-W50: the reminder's week is no longer open
        String messageId = Inbound.messageId();
        String reason = handIn(Inbound.reply(jonas.email(), replyTo, messageId,
                "Tried: LED lights\nFailed: The motion sensors\n")).then().statusCode(201)
                        .body("status", equalTo("REJECTED")).extract().path("reason");
        assertThat(reason, containsString("2026-W48"));

        List<Map<String, Object>> kept = as(admin.token()).get("/api/v1/admin/inbound-messages?status=REJECTED")
                .then().statusCode(200).extract().path("items");
        Map<String, Object> row = kept.stream().filter(m -> messageId.equals(m.get("messageId"))).findFirst()
                .orElseThrow();
        assertEquals(reason, row.get("reason"));
        assertEquals(jonas.email(), row.get("from"));
        assertEquals(jonas.id().toString(), row.get("memberId"));
        as(jonas.token()).get("/api/v1/groups/{g}/weeks/2026-W48/entries/me", groupId).then().statusCode(404);
    }

    @Test
    void shouldListReceivedMessagesForAdministratorsOnly() {
        handIn(Inbound.reply(asker.email(), "someone@example.org", Inbound.messageId(), "Lost?")).then()
                .statusCode(201).body("status", equalTo("REJECTED"));
        List<Map<String, Object>> rejected = as(admin.token()).get("/api/v1/admin/inbound-messages?status=REJECTED")
                .then().statusCode(200).extract().path("items");
        List<Map<String, Object>> mine = rejected.stream().filter(m -> asker.email().equals(m.get("from")))
                .toList();
        assertEquals(1, mine.size());
        assertEquals("Not addressed to a reply address of this service", mine.get(0).get("reason"),
                "kept with the reason, for the administrators");
        as(asker.token()).get("/api/v1/admin/inbound-messages").then().statusCode(403);
        anonymous().get("/api/v1/admin/inbound-messages").then().statusCode(401);
        as(asker.token()).contentType("message/rfc822").body(Inbound.reply(asker.email(), "x@example.org",
                Inbound.messageId(), "Me")).post("/api/v1/admin/inbound-messages").then().statusCode(403);
    }

    private io.restassured.response.Response handIn(byte[] raw) {
        RequestSpecification request = as(admin.token()).contentType("message/rfc822").body(raw);
        return request.post("/api/v1/admin/inbound-messages");
    }

    private List<String> replies() {
        return as(asker.token()).get("/api/v1/entries/{id}/replies", entryId).then().statusCode(200).extract()
                .path("items.body");
    }

    /** The Reply-To of the thread email the member gets once the coalescing window has passed. */
    private String threadEmailReplyTo(TestMember member) {
        clock.set(Entries.TUESDAY_W48.plus(Duration.ofMinutes(11)));
        threadMails.enqueueDue();
        deliver();
        MimeMessage email = TestMailServer.messagesTo(member.email()).get(0);
        return TestMailServer.header(email, "Reply-To");
    }

    /** The Reply-To of the member's log-day reminder (Berlin: Tuesday 09:00). */
    private String reminderReplyTo(TestMember member) {
        clock.set(Instant.parse("2026-11-24T08:00:00Z"));
        reminders.enqueueDue();
        deliver();
        MimeMessage email = TestMailServer.messagesTo(member.email()).stream()
                .filter(m -> TestMailServer.subject(m).contains("your Learning Log")).findFirst().orElseThrow();
        assertThat(TestMailServer.part(email, "text/plain"), containsString("Tried:"));
        clock.set(Entries.TUESDAY_W48);
        return TestMailServer.header(email, "Reply-To");
    }

    private void deliver() {
        for (int round = 0; round < 100 && dispatcher.dispatchDue() > 0; round++) {
            // keep delivering
        }
    }
}
