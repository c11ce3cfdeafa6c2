package org.learninglog.reminder;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;

import java.time.Instant;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.learninglog.ClockAndMailTest;
import org.learninglog.TestData;
import org.learninglog.mail.MailDispatcher;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The reminder scan and the dispatcher at the size DESIGN.md budgets for (100,000 members; 200 emails/s).
 * Slow and data-heavy, so it only runs on request:
 * `./mvnw verify -Dtest=ReminderScanBenchmarkTest -Dlearninglog.benchmark=true`.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "learninglog.benchmark", matches = "true")
class ReminderScanBenchmarkTest extends ClockAndMailTest {

    private static final Logger LOG = Logger.getLogger(ReminderScanBenchmarkTest.class);

    @Inject
    EntityManager entityManager;

    @Inject
    ReminderJob job;

    @Inject
    MailDispatcher dispatcher;

    @Test
    void shouldScanAHundredThousandMembersWithinTenSecondsAndDispatchTwoHundredEmailsPerSecond() {
        seed(100_000, 50);
        clock.set(Instant.parse("2026-09-15T12:00:00Z")); // a Tuesday: due in Europe and Asia, not yet in America

        long started = System.nanoTime();
        int enqueued = job.enqueueDue();
        long firstRun = (System.nanoTime() - started) / 1_000_000;
        started = System.nanoTime();
        int again = job.enqueueDue();
        long secondRun = (System.nanoTime() - started) / 1_000_000;
        LOG.infof("Reminder scan of 100,000 members: %d enqueued in %d ms; rerun %d enqueued in %d ms",
                enqueued, firstRun, again, secondRun);
        assertThat(enqueued, greaterThan(10_000));
        assertThat(again, lessThan(1));
        assertThat(firstRun, lessThan(10_000L));
        assertThat(secondRun, lessThan(10_000L));

        started = System.nanoTime();
        int sent = dispatcher.dispatchDue();
        double seconds = (System.nanoTime() - started) / 1e9;
        LOG.infof("Dispatched %d emails in %.2f s: %.0f emails/s", sent, seconds, sent / seconds);
        assertThat(sent / seconds, greaterThanOrEqualTo(200.0));
    }

    /** Members in several time zones, groups of 50, and a third of them posted this week already. */
    private void seed(int members, int perGroup) {
        String run = TestData.suffix();
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("""
                    WITH g AS (SELECT gen_random_uuid() AS id, slot FROM generate_series(0, :groups - 1) AS slot),
                         m AS (SELECT gen_random_uuid() AS id, i FROM generate_series(1, :members) AS i),
                         new_groups AS (
                             INSERT INTO learning_group (id, name, created_at, updated_at)
                             SELECT id, 'Bench group ' || :run || ' ' || slot, now(), now() FROM g),
                         new_members AS (
                             INSERT INTO member (id, display_name, email, time_zone, role, reminders,
                                                 reply_notifications, active, created_at, updated_at)
                             SELECT id, 'Bench ' || i, 'bench' || i || '.' || :run || '@test.invalid',
                                    (ARRAY['Europe/Berlin','Asia/Tokyo','UTC','Europe/London','Asia/Kolkata',
                                           'America/New_York','Australia/Sydney','Africa/Nairobi'])[1 + i % 8],
                                    'MEMBER', true, 'IMMEDIATE', true, now(), now()
                             FROM m)
                    INSERT INTO membership (id, group_id, member_id, role, joined_at)
                    SELECT gen_random_uuid(), g.id, m.id, 'MEMBER', now()
                    FROM m JOIN g ON g.slot = (m.i - 1) / :perGroup""")
                    .setParameter("run", run).setParameter("members", members)
                    .setParameter("groups", members / perGroup).setParameter("perGroup", perGroup).executeUpdate();
            entityManager.createNativeQuery("""
                    INSERT INTO entry (id, group_id, member_id, week, tried, failed, created_at, updated_at)
                    SELECT gen_random_uuid(), ms.group_id, ms.member_id, '2026-W38', 'Tried', 'Failed', now(), now()
                    FROM membership ms JOIN member m ON m.id = ms.member_id
                    WHERE m.email LIKE 'bench%.' || :run || '@test.invalid' AND abs(hashtext(m.id::text)) % 3 = 0""")
                    .setParameter("run", run).executeUpdate();
            entityManager.createNativeQuery("ANALYZE").executeUpdate();
        });
    }
}
