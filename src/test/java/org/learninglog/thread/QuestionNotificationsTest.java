package org.learninglog.thread;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.learninglog.Api.as;
import static org.learninglog.thread.Threads.question;
import static org.learninglog.thread.Threads.reply;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.learninglog.ClockAndMailTest;
import org.learninglog.Race;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;
import org.learninglog.entry.Entries;
import org.learninglog.mail.MailDispatcher;
import org.learninglog.mail.TestMailServer;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class QuestionNotificationsTest extends ClockAndMailTest {

    @Inject
    ThreadMailJob job;

    @Inject
    MailDispatcher dispatcher;

    @Test
    void shouldTellTheGroupsOtherMembersInAppWhoAskedWhatWhere() {
        clock.set(Entries.TUESDAY_W48);
        TestMember asker = data.member("Asker");
        TestMember ana = data.member("Ana");
        String groupName = "Asked " + TestData.suffix();
        UUID groupId = data.group(groupName, asker, ana);
        String entryId = question(asker, groupId);

        List<Map<String, Object>> toAna = as(ana.token()).get("/api/v1/me/notifications").then().statusCode(200)
                .extract().path("items");
        assertEquals(1, toAna.size());
        Map<String, Object> notification = toAna.get(0);
        assertEquals("QUESTION_ASKED", notification.get("kind"));
        assertEquals(entryId, notification.get("entryId"));
        assertEquals(Map.of("id", asker.id().toString(), "displayName", "Asker"), notification.get("actor"));
        assertEquals(Map.of("id", groupId.toString(), "name", groupName), notification.get("group"));
        assertEquals("Has anyone found a workaround?", notification.get("excerpt"));
        assertEquals("/entries/" + entryId, notification.get("link"));
        as(asker.token()).get("/api/v1/me/notifications").then().body("items.size()", org.hamcrest.Matchers.is(0));
    }

    @Test
    void shouldCarryAnExcerptOfTheReplyAndItsLink() {
        clock.set(Entries.TUESDAY_W48);
        TestMember asker = data.member("Asker");
        TestMember ana = data.member("Ana");
        UUID groupId = data.group("Excerpt " + TestData.suffix(), asker, ana);
        String entryId = question(asker, groupId);
        String long_ = "Pool the orders with another region. ".repeat(10);
        String replyId = reply(ana, entryId, long_);

        Map<String, Object> notification = as(asker.token()).get("/api/v1/me/notifications").then().statusCode(200)
                .extract().path("items[0]");
        assertEquals("REPLY_ON_MY_ENTRY", notification.get("kind"));
        assertEquals(replyId, notification.get("replyId"));
        String excerpt = (String) notification.get("excerpt");
        assertThat(excerpt, containsString("Pool the orders with another region."));
        assertThat("at most 140 characters and the ellipsis", excerpt.codePointCount(0, excerpt.length()),
                org.hamcrest.Matchers.lessThanOrEqualTo(141));
        assertThat(excerpt, org.hamcrest.Matchers.endsWith("…"));
        assertEquals("/entries/" + entryId + "#reply-" + replyId, notification.get("link"));
    }

    @Test
    void shouldEmailImmediateMembersOneEmailPerWindowWithEveryQuestionInIt() {
        clock.set(Instant.parse("2026-11-24T09:00:00Z"));
        TestMember ana = data.member("Ana");
        TestMember ben = data.member("Ben");
        TestMember cleo = data.member("Cleo");
        TestMember dan = data.member("Dan");
        UUID groupId = data.group("Busy Tuesday " + TestData.suffix(), ana, ben, cleo, dan);
        preference(ana, "IMMEDIATE");

        question(ben, groupId);
        clock.advance(Duration.ofMinutes(20));
        question(cleo, groupId);
        clock.advance(Duration.ofMinutes(30));
        question(dan, groupId);

        runAt("2026-11-24T09:59:59Z");
        assertEquals(0, questionEmailsTo(ana).size(), "not before the window closed");
        runAt("2026-11-24T10:00:00Z");
        runAt("2026-11-24T10:30:00Z");
        List<MimeMessage> toAna = questionEmailsTo(ana);
        assertEquals(1, toAna.size(), "one email for the window");
        assertThat(TestMailServer.subject(toAna.get(0)), containsString("3 new questions"));
        String text = TestMailServer.part(toAna.get(0), "text/plain");
        assertThat(text, containsString("Ben asked:"));
        assertThat(text, containsString("Cleo asked:"));
        assertThat(text, containsString("Dan asked:"));
        assertThat(TestMailServer.header(toAna.get(0), "List-Unsubscribe"), containsString("/unsubscribe?token="));

        TestMember eve = data.member("Eve");
        data.join(groupId, eve, org.learninglog.group.Membership.Role.MEMBER);
        clock.set(Instant.parse("2026-11-24T12:00:00Z"));
        question(eve, groupId);
        runAt("2026-11-24T13:00:00Z");
        assertEquals(2, questionEmailsTo(ana).size(), "a later question opens a new window");
        assertThat(TestMailServer.subject(questionEmailsTo(ana).get(1)), containsString("Eve asks"));
    }

    @Test
    void shouldPutQuestionsInTheDailyDigestByDefaultAndSendNoneWhenOff() {
        clock.set(Instant.parse("2026-11-24T09:00:00Z"));
        TestMember asker = data.member("Asker");
        TestMember ana = data.member("Ana");
        TestMember ben = data.member("Ben");
        UUID groupId = data.group("Digest questions " + TestData.suffix(), asker, ana, ben);
        preference(ben, "OFF");
        question(asker, groupId);

        runAt("2026-11-24T11:00:00Z");
        assertEquals(0, TestMailServer.messagesTo(ana.email()).size(), "the default is the digest");
        runAt("2026-11-25T07:00:00Z"); // Berlin: Wednesday 08:00
        runAt("2026-11-25T08:00:00Z"); // (the nudge about the unanswered question comes at 09:00)
        List<MimeMessage> toAna = TestMailServer.messagesTo(ana.email());
        assertEquals(1, toAna.size());
        String text = TestMailServer.part(toAna.get(0), "text/plain");
        assertThat(text, containsString("Asker asked:"));
        assertThat(text, containsString("Has anyone found a workaround?"));
        assertThat(text, containsString("A new question in your group"));

        assertEquals(0, TestMailServer.messagesTo(ben.email()).size(), "OFF: no email");
        as(ben.token()).get("/api/v1/me/notifications").then().body("items[0].kind",
                org.hamcrest.Matchers.equalTo("QUESTION_ASKED"));
    }

    @Test
    void shouldTellOfAQuestionAddedLaterOnceHoweverOftenTheEntryIsSaved() {
        clock.set(Entries.TUESDAY_W48);
        TestMember asker = data.member("Asker");
        TestMember ana = data.member("Ana");
        UUID groupId = data.group("Added later " + TestData.suffix(), asker, ana);
        String entryId = as(asker.token())
                .body(Entries.entry("Motion sensors", "They miss people in the cold store", null, null))
                .put("/api/v1/groups/{g}/weeks/current/entries/me", groupId).then().statusCode(201).extract()
                .path("id");
        assertEquals(0, questionNotificationsOf(ana));

        as(asker.token()).header("If-Match", "\"1\"").body(Map.of("question", "Which sensors work below 2 °C?"))
                .patch("/api/v1/entries/{id}", entryId).then().statusCode(200);
        assertEquals(1, questionNotificationsOf(ana));
        as(asker.token()).header("If-Match", "\"2\"").body(Map.of("question", "Which sensors work below 0 °C?"))
                .patch("/api/v1/entries/{id}", entryId).then().statusCode(200);
        as(asker.token()).body(Entries.packagingEntry()).put("/api/v1/groups/{g}/weeks/current/entries/me", groupId)
                .then().statusCode(200);
        assertEquals(1, questionNotificationsOf(ana), "changing the words is no new question");
    }

    @Test
    void shouldTellOfAQuestionOnceWhenItIsPostedByRacingRequests() throws Exception {
        clock.set(Entries.TUESDAY_W48);
        TestMember asker = data.member("Asker");
        TestMember ana = data.member("Ana");
        UUID groupId = data.group("Race " + TestData.suffix(), asker, ana);
        preference(ana, "IMMEDIATE");
        List<Callable<Integer>> puts = java.util.stream.IntStream.range(0, 6)
                .<Callable<Integer>>mapToObj(i -> () -> as(asker.token()).body(Entries.packagingEntry())
                        .put("/api/v1/groups/{g}/weeks/current/entries/me", groupId).then().extract().statusCode())
                .toList();
        assertThat(Race.all(puts), not(org.hamcrest.Matchers.hasItem(500)));
        assertEquals(1, questionNotificationsOf(ana));
        runAt("2026-11-24T11:00:00Z");
        runAt("2026-11-24T12:00:00Z");
        assertEquals(1, questionEmailsTo(ana).size());
    }

    @Test
    void shouldTellMembersAwayInAppOnly() {
        clock.set(Entries.TUESDAY_W48);
        TestMember asker = data.member("Asker");
        TestMember ana = data.member("Ana");
        UUID groupId = data.group("Away " + TestData.suffix(), asker, ana);
        preference(ana, "IMMEDIATE");
        as(ana.token()).body(Map.of("awayUntil", LocalDate.of(2026, 12, 7).toString())).patch("/api/v1/me").then()
                .statusCode(200);
        question(asker, groupId);
        runAt("2026-11-24T12:00:00Z");
        runAt("2026-11-25T08:00:00Z");
        assertEquals(0, TestMailServer.messagesTo(ana.email()).size());
        assertEquals(1, questionNotificationsOf(ana));
    }

    private static void preference(TestMember member, String questionNotifications) {
        as(member.token()).body(Map.of("questionNotifications", questionNotifications)).patch("/api/v1/me").then()
                .statusCode(200).body("questionNotifications", org.hamcrest.Matchers.equalTo(questionNotifications));
    }

    private static int questionNotificationsOf(TestMember member) {
        List<String> kinds = as(member.token()).get("/api/v1/me/notifications").then().statusCode(200).extract()
                .path("items.kind");
        return (int) kinds.stream().filter("QUESTION_ASKED"::equals).count();
    }

    private static List<MimeMessage> questionEmailsTo(TestMember member) {
        return TestMailServer.messagesTo(member.email()).stream()
                .filter(m -> TestMailServer.subject(m).contains("question")
                        || TestMailServer.subject(m).contains("asks"))
                .toList();
    }

    private void runAt(String instant) {
        clock.set(Instant.parse(instant));
        job.enqueueDue();
        for (int round = 0; round < 100 && dispatcher.dispatchDue() > 0; round++) {
            // keep delivering
        }
    }
}
