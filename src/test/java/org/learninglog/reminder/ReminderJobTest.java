package org.learninglog.reminder;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.learninglog.Api.as;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.learninglog.ClockAndMailTest;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;
import org.learninglog.mail.TestMailServer;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ReminderJobTest extends ClockAndMailTest {

    @Inject
    ReminderFixtures fixtures;

    @Inject
    ReminderJob job;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldRemindEachMemberAtTheirOwnTuesdayMorning() {
        TestMember ana = data.member("Ana", "Asia/Tokyo");
        TestMember bob = data.member("Bob", "America/New_York");
        UUID group = data.group("Own mornings " + TestData.suffix(), null, ana, bob);

        runAt("2026-03-09T23:59:00Z"); // Tokyo: Tuesday 08:59; New York: Monday 19:59
        assertThat(fixtures.outbox(ana.id()), empty());
        assertThat(fixtures.outbox(bob.id()), empty());

        runAt("2026-03-10T00:00:00Z"); // Tokyo: Tuesday 09:00
        assertEquals(List.of("reminder:" + ana.id() + ":" + group + ":2026-W11"), keys(ana));
        assertThat(fixtures.outbox(bob.id()), empty());

        runAt("2026-03-10T12:59:00Z"); // New York: Tuesday 08:59 (daylight saving time since Sunday)
        assertThat(fixtures.outbox(bob.id()), empty());

        runAt("2026-03-10T13:00:00Z"); // New York: Tuesday 09:00
        assertEquals(List.of("reminder:" + bob.id() + ":" + group + ":2026-W11"), keys(bob));

        fixtures.deliverAll();
        List<MimeMessage> toAna = TestMailServer.messagesTo(ana.email());
        assertEquals(1, toAna.size());
        assertThat(TestMailServer.subject(toAna.get(0)), containsString("2026-W11"));
        assertThat(TestMailServer.part(toAna.get(0), "text/plain"), containsString("(2026-W11, 9 – 15 March 2026)"));
        assertThat(TestMailServer.part(toAna.get(0), "text/plain"), containsString("Hello Ana,"));
        assertEquals(1, TestMailServer.messagesTo(bob.email()).size());
    }

    @Test
    void shouldRemindInTheMembersLanguageWithTheWeekWrittenInIt() {
        TestMember zofia = data.member("Zofia", "Europe/Warsaw");
        as(zofia.token()).body(Map.of("language", "pl")).patch("/api/v1/me").then().statusCode(200);
        data.group("Po polsku " + TestData.suffix(), null, zofia);

        runAt("2026-03-10T08:00:00Z"); // Warsaw: Tuesday 09:00
        fixtures.deliverAll();

        List<MimeMessage> toZofia = TestMailServer.messagesTo(zofia.email());
        assertEquals(1, toZofia.size());
        assertThat(TestMailServer.subject(toZofia.get(0)), containsString(": Twój Learning Log za 2026-W11"));
        String text = TestMailServer.part(toZofia.get(0), "text/plain");
        assertThat(text, containsString("Dzień dobry, Zofia,"));
        assertThat(text, containsString("(2026-W11, 9 – 15 marca 2026)"));
        assertThat(text, containsString("Wypisz się z przypomnień: http"));
        assertThat(TestMailServer.part(toZofia.get(0), "text/html"), containsString("<html lang=\"pl\">"));
    }

    @Test
    void shouldNotRemindMembersWhoPostedAreAwayOptedOutOrDeactivated() {
        TestMember waiting = data.member("Waiting");
        TestMember posted = data.member("Posted");
        TestMember away = data.member("Away");
        TestMember back = data.member("Back today");
        TestMember optedOut = data.member("Opted out");
        TestMember deactivated = data.member("Deactivated");
        TestMember deletedEntry = data.member("Deleted entry");
        UUID group = data.group("Who is reminded " + TestData.suffix(), null,
                waiting, posted, away, back, optedOut, deactivated, deletedEntry);
        fixtures.post(group, posted.id(), "2026-W11");
        fixtures.delete(fixtures.post(group, deletedEntry.id(), "2026-W11"));
        fixtures.post(group, waiting.id(), "2026-W10"); // last week's entry does not count
        fixtures.awayUntil(away.id(), LocalDate.parse("2026-03-11"));
        fixtures.awayUntil(back.id(), LocalDate.parse("2026-03-10"));
        fixtures.reminders(optedOut.id(), false);
        fixtures.deactivate(deactivated.id());

        runAt("2026-03-10T08:00:00Z"); // Berlin: Tuesday 09:00

        assertThat(keys(waiting), not(empty()));
        assertThat(keys(back), not(empty()));
        assertThat(keys(deletedEntry), not(empty()));
        assertThat(keys(posted), empty());
        assertThat(keys(away), empty());
        assertThat(keys(optedOut), empty());
        assertThat(keys(deactivated), empty());
    }

    @Test
    void shouldNotRemindMembersOfAnArchivedGroup() {
        TestMember ana = data.member("Ana");
        UUID group = data.group("Archived " + TestData.suffix(), null, ana);
        fixtures.archive(group);

        runAt("2026-03-10T08:00:00Z");

        assertThat(keys(ana), empty());
    }

    @Test
    void shouldEnqueueOneReminderWhenTheJobRunsTwiceForTheSameInstant() {
        TestMember ana = data.member("Ana");
        TestMember bob = data.member("Bob");
        data.group("Twice " + TestData.suffix(), null, ana, bob);

        runAt("2026-03-10T08:30:00Z");
        assertEquals(0, job.enqueueDue());
        runAt("2026-03-10T08:31:00Z");
        fixtures.deliverAll();
        fixtures.deliverAll();

        assertEquals(1, keys(ana).size());
        assertEquals(1, keys(bob).size());
        assertEquals(1, TestMailServer.messagesTo(ana.email()).size());
        assertEquals(1, TestMailServer.messagesTo(bob.email()).size());
    }

    @Test
    void shouldFireAReminderWhoseTimeFallsIntoTheDaylightSavingGap() {
        // New York springs forward on Sunday 2026-03-08 from 02:00 EST to 03:00 EDT: 02:30 never happens.
        TestMember ana = data.member("Ana", "America/New_York");
        UUID group = data.group("Spring forward " + TestData.suffix(), null, ana);
        fixtures.cadence(group, DayOfWeek.SUNDAY, LocalTime.of(2, 30), null, null);

        runAt("2026-03-08T06:59:00Z"); // 01:59 EST
        assertThat(keys(ana), empty());

        runAt("2026-03-08T07:00:00Z"); // 03:00 EDT, the first minute after the gap
        assertEquals(List.of("reminder:" + ana.id() + ":" + group + ":2026-W10"), keys(ana));
    }

    @Test
    void shouldRemindOnceWhenTheReminderTimeComesTwiceAsClocksFallBack() {
        // New York falls back on Sunday 2026-11-01 from 02:00 EDT to 01:00 EST: 01:30 happens twice.
        TestMember ana = data.member("Ana", "America/New_York");
        UUID group = data.group("Fall back " + TestData.suffix(), null, ana);
        fixtures.cadence(group, DayOfWeek.SUNDAY, LocalTime.of(1, 30), null, null);

        runAt("2026-11-01T05:29:00Z"); // 01:29 EDT
        assertThat(keys(ana), empty());
        runAt("2026-11-01T05:30:00Z"); // 01:30 EDT
        runAt("2026-11-01T06:30:00Z"); // 01:30 EST, the second time
        runAt("2026-11-01T07:30:00Z"); // 02:30 EST

        assertEquals(List.of("reminder:" + ana.id() + ":" + group + ":2026-W44"), keys(ana));
    }

    @Test
    void shouldRemindAtTheSameLocalTimeInTheWeekAfterClocksChange() {
        // Berlin springs forward on Sunday 2026-03-29; Tuesday 09:00 is now 07:00 UTC instead of 08:00.
        TestMember ana = data.member("Ana", "Europe/Berlin");
        data.group("Summer time " + TestData.suffix(), null, ana);

        runAt("2026-03-31T06:59:00Z");
        assertThat(keys(ana), empty());
        runAt("2026-03-31T07:00:00Z");
        assertThat(keys(ana).get(0), containsString(":2026-W14"));
    }

    @Test
    void shouldCatchUpAMissedReminderLaterInTheSameWeek() {
        TestMember ana = data.member("Ana");
        UUID group = data.group("Catch up " + TestData.suffix(), null, ana);

        runAt("2026-03-09T10:00:00Z"); // Monday
        assertThat(keys(ana), empty());
        runAt("2026-03-11T10:00:00Z"); // Wednesday: the service was down on Tuesday

        assertEquals(List.of("reminder:" + ana.id() + ":" + group + ":2026-W11"), keys(ana));
    }

    @Test
    void shouldNotRemindForAWeekThatHasPassed() {
        TestMember ana = data.member("Ana");
        UUID group = data.group("Past week " + TestData.suffix(), null, ana);

        runAt("2026-03-09T07:00:00Z"); // Monday of 2026-W11
        runAt("2026-03-16T07:00:00Z"); // down until Monday of 2026-W12, before its reminder time
        assertThat(keys(ana), empty());

        runAt("2026-03-17T08:00:00Z"); // Tuesday 09:00 of 2026-W12
        assertEquals(List.of("reminder:" + ana.id() + ":" + group + ":2026-W12"), keys(ana));
    }

    @Test
    void shouldNudgeOnlyThoseWhoStillHaveNotPostedAtTheFollowUpTime() {
        TestMember ana = data.member("Ana");
        TestMember bob = data.member("Bob");
        UUID group = data.group("Follow up " + TestData.suffix(), null, ana, bob);
        fixtures.cadence(group, DayOfWeek.TUESDAY, LocalTime.of(9, 0), DayOfWeek.THURSDAY, LocalTime.of(9, 0));

        runAt("2026-03-10T08:00:00Z"); // Tuesday 09:00
        fixtures.post(group, ana.id(), "2026-W11");
        runAt("2026-03-12T07:59:00Z"); // Thursday 08:59
        assertEquals(1, keys(bob).size());
        runAt("2026-03-12T08:00:00Z"); // Thursday 09:00

        assertEquals(List.of("reminder:" + ana.id() + ":" + group + ":2026-W11"), keys(ana));
        assertEquals(List.of("reminder:" + bob.id() + ":" + group + ":2026-W11",
                "follow-up:" + bob.id() + ":" + group + ":2026-W11"), keys(bob));
        fixtures.deliverAll();
        List<MimeMessage> toBob = TestMailServer.messagesTo(bob.email());
        assertEquals(2, toBob.size());
        assertThat(toBob.stream().map(TestMailServer::subject).toList().toString(), containsString("still time"));
    }

    @Test
    void shouldSendOnlyTheFollowUpWhenACatchUpFindsItDueAlready() {
        TestMember ana = data.member("Ana");
        UUID group = data.group("Late catch up " + TestData.suffix(), null, ana);
        fixtures.cadence(group, DayOfWeek.TUESDAY, LocalTime.of(9, 0), DayOfWeek.THURSDAY, LocalTime.of(9, 0));

        runAt("2026-03-09T10:00:00Z"); // Monday
        runAt("2026-03-13T10:00:00Z"); // Friday: down from Monday to Friday

        assertEquals(List.of("follow-up:" + ana.id() + ":" + group + ":2026-W11"), keys(ana));
    }

    @Test
    void shouldRemindOfLastWeeksQuestionAndWhetherItWasAnswered() {
        TestMember ana = data.member("Ana");
        TestMember bob = data.member("Bob");
        TestMember cem = data.member("Cem");
        UUID group = data.group("Last question " + TestData.suffix(), null, ana, bob, cem);
        fixtures.postWithQuestion(group, ana.id(), "2026-W10", "How do we measure <waste> per store?", true);
        fixtures.postWithQuestion(group, bob.id(), "2026-W10", "Who audits the suppliers?", false);

        runAt("2026-03-10T08:00:00Z");
        fixtures.deliverAll();

        String toAna = TestMailServer.part(TestMailServer.messagesTo(ana.email()).get(0), "text/html");
        assertThat(toAna, containsString("How do we measure &lt;waste&gt; per store?"));
        assertThat(toAna, containsString("has an accepted answer"));
        String toBob = TestMailServer.part(TestMailServer.messagesTo(bob.email()).get(0), "text/plain");
        assertThat(toBob, containsString("Who audits the suppliers?"));
        assertThat(toBob, containsString("no accepted answer yet"));
        String toCem = TestMailServer.part(TestMailServer.messagesTo(cem.email()).get(0), "text/plain");
        assertThat(toCem, not(containsString("Last week you asked")));
        assertThat(toCem, containsString("http://localhost:8080/groups/" + group + "/weeks/2026-W11"));
    }

    @Test
    void shouldNotRemindAgainAfterAnUpgradeTurnsTheKeysEnqueuedBeforeRound() throws Exception {
        TestMember ana = data.member("Ana");
        UUID group = data.group("Upgraded " + TestData.suffix(), null, ana);
        // Ana's reminder as the scan enqueued it before V40: the group first.
        try (Connection connection = dataSource.getConnection()) {
            ReminderFixtures.enqueueReminder(connection, "reminder:" + group + ":" + ana.id() + ":2026-W11", ana);
        }

        try (Connection connection = dataSource.getConnection();
                Statement migration = connection.createStatement();
                InputStream file = getClass().getResourceAsStream("/db/migration/V40__Reminder_keys_by_member.sql")) {
            migration.executeUpdate(new String(file.readAllBytes(), StandardCharsets.UTF_8));
        }
        runAt("2026-03-10T09:00:00Z"); // Berlin: Tuesday 10:00, the reminder due

        assertEquals(List.of("reminder:" + ana.id() + ":" + group + ":2026-W11"), keys(ana));
    }

    private void runAt(String instant) {
        clock.set(Instant.parse(instant));
        job.enqueueDue();
    }

    private List<String> keys(TestMember member) {
        return fixtures.outbox(member.id()).stream().map(ReminderFixtures.OutboxRow::dedupeKey).toList();
    }
}
