package org.learninglog.reminder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.learninglog.ClockAndMailTest;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Two instances scanning at the same instant, as they do when their schedulers tick together: each member is
 * enqueued once per week, never twice and never skipped, whichever scan gets which slice first.
 */
@QuarkusTest
class ReminderConcurrentScansTest extends ClockAndMailTest {

    private static final int ROUNDS = 12;

    @Inject
    ReminderJob job;

    @Inject
    ReminderFixtures fixtures;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldEnqueueEachMemberOnceAWeekWhenTwoScansRunAtTheSameTime() throws Exception {
        // Several members, so their random ids fall into different slices of the scan.
        List<TestMember> members = new ArrayList<>();
        for (int g = 0; g < 8; g++) {
            List<TestMember> group = new ArrayList<>();
            for (int m = 0; m < 4; m++) {
                group.add(data.member("Racer " + g + "." + m));
            }
            data.group("Racing scans " + g + " " + TestData.suffix(), null, group.toArray(TestMember[]::new));
            members.addAll(group);
        }
        ExecutorService scans = Executors.newFixedThreadPool(2);
        try {
            Instant tuesday = Instant.parse("2026-03-10T08:30:00Z");
            for (int round = 0; round < ROUNDS; round++) {
                clock.set(tuesday.plus(Duration.ofDays(7L * round)));
                CyclicBarrier start = new CyclicBarrier(2);
                List<CompletableFuture<Integer>> running = List.of(scan(scans, start), scan(scans, start));
                for (CompletableFuture<Integer> scan : running) {
                    scan.get(120, TimeUnit.SECONDS); // neither fails (no unique violation, no deadlock)
                }
            }
        } finally {
            scans.shutdownNow();
        }

        for (TestMember member : members) {
            List<String> keys = fixtures.outbox(member.id()).stream().map(ReminderFixtures.OutboxRow::dedupeKey)
                    .toList();
            Map<String, Long> perWeek = keys.stream()
                    .collect(Collectors.groupingBy(key -> key.substring(key.lastIndexOf(':') + 1), TreeMap::new,
                            Collectors.counting()));
            assertEquals(ROUNDS, perWeek.size(), member.name() + " is reminded every week: " + keys);
            assertEquals(Map.of(), perWeek.entrySet().stream().filter(week -> week.getValue() != 1)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
                    member.name() + " is reminded once a week: " + keys);
        }
        assertEquals(members.size() * ROUNDS,
                members.stream().map(member -> fixtures.outbox(member.id()).size()).mapToInt(Integer::intValue).sum());
    }

    @Test
    void shouldScanASliceAgainWhenOneOfItsRemindersIsEnqueuedMeanwhile() throws Exception {
        TestMember ana = data.member("Ana");
        TestMember bob = data.member("Bob");
        UUID group = data.group("Enqueued meanwhile " + TestData.suffix(), null, ana, bob);
        clock.set(Instant.parse("2026-03-10T08:30:00Z"));
        String anasKey = "reminder:" + ana.id() + ":" + group + ":2026-W11";

        // Another transaction enqueues Ana's reminder and has not committed when the scan's statement begins: the
        // statement cannot see it, selects it too, and waits on the key's index for the other to end.
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            ReminderFixtures.enqueueReminder(other, anasKey, ana);
            ExecutorService scanner = Executors.newSingleThreadExecutor();
            try {
                CompletableFuture<Integer> scan = CompletableFuture.supplyAsync(job::enqueueDue, scanner);
                awaitAnInsertWaitingForALock();
                other.commit();

                assertEquals(1, scan.get(60, TimeUnit.SECONDS), "Bob's reminder, and not Ana's again");
            } finally {
                scanner.shutdownNow();
            }
        }

        assertEquals(List.of(anasKey), fixtures.outbox(ana.id()).stream().map(ReminderFixtures.OutboxRow::dedupeKey)
                .toList());
        assertEquals(List.of("reminder:" + bob.id() + ":" + group + ":2026-W11"),
                fixtures.outbox(bob.id()).stream().map(ReminderFixtures.OutboxRow::dedupeKey).toList());
    }

    private void awaitAnInsertWaitingForALock() throws Exception {
        for (int i = 0; i < 300; i++) {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement waiting = connection.prepareStatement("""
                            SELECT count(*) FROM pg_stat_activity
                            WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO outbound_email%'""");
                    ResultSet count = waiting.executeQuery()) {
                count.next();
                if (count.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The scan never waited for the other transaction's reminder");
    }

    private CompletableFuture<Integer> scan(ExecutorService scans, CyclicBarrier start) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                start.await(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return job.enqueueDue();
        }, scans);
    }
}
