package org.learninglog.thread;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.learninglog.Api.as;
import static org.learninglog.Api.badRequestAs;

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

import io.quarkus.test.junit.QuarkusTest;

/** Last week's question comes back in the reminder, and how the advice worked out reaches the answerer. */
@QuarkusTest
class LoopClosedTest extends ClockAndMailTest {

    @Inject
    ReminderJob reminders;

    @Inject
    MailDispatcher dispatcher;

    TestMember jonas;
    TestMember ana;
    TestMember ben;
    UUID groupId;
    String askedEntryId;

    @BeforeEach
    void aQuestionLastWeekWithAnAcceptedAnswer() {
        clock.set(Instant.parse("2026-11-17T10:00:00Z")); // Tuesday of 2026-W47
        jonas = data.member("Jonas");
        ana = data.member("Ana");
        ben = data.member("Ben");
        groupId = data.group("Loop " + TestData.suffix(), jonas, ana, ben);
        askedEntryId = as(jonas.token())
                .body(Entries.entry("Motion sensors", "They miss people in the cold store",
                        "Which sensors work below 2 °C?", null))
                .put("/api/v1/groups/{g}/weeks/current/entries/me", groupId).then().statusCode(201).extract()
                .path("id");
        as(ben.token()).body(Map.of("body", "We gave up on them")).post("/api/v1/entries/{id}/replies", askedEntryId)
                .then().statusCode(201);
        String answer = as(ana.token()).body(Map.of("body", "Steinel PIR sensors, mounted high"))
                .post("/api/v1/entries/{id}/replies", askedEntryId).then().statusCode(201).extract().path("id");
        as(jonas.token()).body(Map.of("replyId", answer)).put("/api/v1/entries/{id}/answer", askedEntryId).then()
                .statusCode(200);
    }

    @Test
    void shouldShowLastWeeksQuestionWithItsAcceptedAnswerInTheReminderAndAskHowItWorkedOut() {
        clock.set(Instant.parse("2026-11-24T08:00:00Z")); // Berlin: Tuesday 09:00 of 2026-W48
        reminders.enqueueDue();
        deliver();
        MimeMessage reminder = TestMailServer.messagesTo(jonas.email()).stream()
                .filter(m -> TestMailServer.subject(m).contains("your Learning Log for 2026-W48")).findFirst()
                .orElseThrow();
        String text = TestMailServer.part(reminder, "text/plain").replace("\r\n", "\n");
        assertThat(text, containsString("Which sensors work below 2 °C?"));
        assertThat(text, containsString("Ana (accepted answer):\n  Steinel PIR sensors, mounted high"));
        assertThat(text, containsString("Ben:\n  We gave up on them"));
        assertThat(text.indexOf("Ana (accepted answer)") < text.indexOf("Ben:"), equalTo(true));
        assertThat(text, containsString("How did the advice work out?"));
        assertThat(TestMailServer.part(reminder, "text/html"), containsString("Steinel PIR sensors"));
    }

    @Test
    void shouldTellTheAnswererTheOutcomeOnceInAppAndByEmail() {
        clock.set(Entries.TUESDAY_W48);
        Map<String, Object> entry = new java.util.HashMap<>(Entries.entry("Steinel sensors", "One was loose", null,
                null));
        entry.put("outcome", "PARTLY");
        entry.put("outcomeNote", "Works in the cold store, not yet in the freezer");
        as(jonas.token()).body(entry).put("/api/v1/groups/{g}/weeks/current/entries/me", groupId).then()
                .statusCode(201).body("outcome", equalTo("PARTLY")).body("outcomeOf", equalTo(askedEntryId))
                .body("outcomeNote", equalTo("Works in the cold store, not yet in the freezer"));
        as(jonas.token()).body(entry).put("/api/v1/groups/{g}/weeks/current/entries/me", groupId).then()
                .statusCode(200);
        deliver();

        List<Map<String, Object>> told = as(ana.token()).get("/api/v1/me/notifications").then().statusCode(200)
                .extract().path("items");
        List<Map<String, Object>> outcomes = told.stream().filter(n -> "OUTCOME_REPORTED".equals(n.get("kind")))
                .toList();
        assertEquals(1, outcomes.size());
        assertEquals("Works in the cold store, not yet in the freezer", outcomes.get(0).get("excerpt"));
        assertEquals("PARTLY", outcomes.get(0).get("outcome"));
        assertEquals("Jonas", ((Map<?, ?>) outcomes.get(0).get("actor")).get("displayName"));
        List<MimeMessage> emails = TestMailServer.messagesTo(ana.email()).stream()
                .filter(m -> TestMailServer.subject(m).contains("how your advice worked out")).toList();
        assertEquals(1, emails.size());
        assertThat(TestMailServer.subject(emails.get(0)), containsString("Jonas tells how your advice worked out: "
                + "It partly worked"));
        String text = TestMailServer.part(emails.get(0), "text/plain");
        assertThat(text, containsString("Steinel PIR sensors, mounted high"));
        assertThat(text, containsString("Works in the cold store, not yet in the freezer"));
        as(ben.token()).get("/api/v1/me/notifications").then().body("items.kind",
                org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("OUTCOME_REPORTED")));
    }

    @Test
    void shouldTellTheAnswererAnOutcomeWithoutANoteInTheNotificationItself() {
        clock.set(Entries.TUESDAY_W48);
        Map<String, Object> entry = new java.util.HashMap<>(Entries.entry("Steinel sensors", "None", null, null));
        entry.put("outcome", "WORKED");
        as(jonas.token()).body(entry).put("/api/v1/groups/{g}/weeks/current/entries/me", groupId).then()
                .statusCode(201);

        Map<String, Object> told = as(ana.token()).get("/api/v1/me/notifications").then().statusCode(200).extract()
                .path("items.find { it.kind == 'OUTCOME_REPORTED' }");
        assertEquals("WORKED", told.get("outcome"));
        assertEquals(null, told.get("excerpt"), "no note, no excerpt");
        as(ben.token()).get("/api/v1/me/notifications").then().body("items.outcome",
                org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.nullValue()));
    }

    @Test
    void shouldRefuseAnOutcomeWithoutLastWeeksQuestionAndANoteWithoutAnOutcome() {
        clock.set(Entries.TUESDAY_W48);
        Map<String, Object> entry = new java.util.HashMap<>(Entries.entry("Tried", "Failed", null, null));
        entry.put("outcome", "WORKED");
        as(ana.token()).body(entry).put("/api/v1/groups/{g}/weeks/current/entries/me", groupId).then()
                .statusCode(422);
        entry.remove("outcome");
        entry.put("outcomeNote", "It went well");
        badRequestAs(jonas.token()).body(entry).put("/api/v1/groups/{g}/weeks/current/entries/me", groupId).then()
                .statusCode(400).body("errors[0].field", equalTo("outcomeNote"));
    }

    private void deliver() {
        for (int round = 0; round < 100 && dispatcher.dispatchDue() > 0; round++) {
            // keep delivering
        }
    }
}
