package org.learninglog.mail;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learninglog.ClockAndMailTest;
import org.learninglog.TestData.TestMember;
import org.learninglog.reminder.ReminderFixtures;
import org.learninglog.reminder.ReminderFixtures.OutboxRow;
import org.learninglog.reminder.ReminderMail;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** What the dispatcher makes of an SMTP server's refusals and of a dispatcher that dies mid-batch. */
@QuarkusTest
class MailFailuresTest extends ClockAndMailTest {

    @Inject
    ReminderFixtures fixtures;

    @Inject
    Outbox outbox;

    @Inject
    MailDispatcher dispatcher;

    @Inject
    MailMetrics metrics;

    private final Map<String, String> replies = new ConcurrentHashMap<>();
    private ScriptedSmtpServer smtp;

    @BeforeEach
    void replaceTheSmtpServer() throws Exception {
        clock.set(Instant.parse("2026-06-01T10:00:00Z"));
        TestMailServer.stop();
        smtp = new ScriptedSmtpServer(address -> replies.getOrDefault(address, "250 2.1.5 ok"));
        // Each of the mailer's pooled connections to the stopped server fails once; let them, on emails of no
        // interest, until one goes out at its first attempt (the pool holds a few).
        for (int round = 0; round < 12; round++) {
            TestMember warmUp = data.member("Warm-up");
            enqueueTo(warmUp);
            deliverUntilAnswered(warmUp);
            if (fixtures.outbox(warmUp.id()).get(0).attempts() == 1) {
                break;
            }
        }
    }

    @AfterEach
    void closeTheSmtpServer() throws Exception {
        smtp.close();
    }

    @Test
    void shouldGiveUpAnEmailAtOnceWhenTheSmtpServerRejectsItPermanently() {
        TestMember ana = data.member("Ana");
        replies.put(ana.email(), "550 5.1.1 No such user here");
        enqueueTo(ana);
        double deadBefore = metrics.deadCount();

        deliverUntilAnswered(ana);
        clock.advance(Duration.ofDays(2));
        fixtures.deliverAll();

        OutboxRow row = fixtures.outbox(ana.id()).get(0);
        assertEquals("DEAD", row.status());
        assertThat(row.lastError(), containsString("550"));
        assertEquals(1, smtp.refused().stream().filter(ana.email()::equals).count(), "refused once, never retried");
        assertEquals(1.0, metrics.deadCount() - deadBefore);
    }

    @Test
    void shouldBackOffAndRetryWhenTheSmtpServerRejectsAnEmailTemporarily() {
        TestMember ana = data.member("Ana");
        replies.put(ana.email(), "451 4.3.0 Try again later");
        enqueueTo(ana);

        deliverUntilAnswered(ana);
        OutboxRow failed = fixtures.outbox(ana.id()).get(0);
        assertEquals("FAILED", failed.status());
        assertThat(failed.lastError(), containsString("451"));
        assertTrue(failed.nextAttemptAt().isAfter(clock.instant()), "backing off");

        replies.remove(ana.email());
        clock.advance(Duration.ofHours(1));
        fixtures.deliverAll();
        assertEquals("SENT", fixtures.outbox(ana.id()).get(0).status());
        assertEquals(List.of(ana.email()), smtp.accepted().stream().filter(ana.email()::equals).toList());
    }

    @Test
    void shouldMarkEachEmailSentAsSoonAsItsSmtpTransactionEndsNotWithItsBatch() throws Exception {
        TestMember ana = data.member("Ana");
        TestMember bob = data.member("Bob");
        smtp.holdDataOf(bob.email());
        enqueueTo(ana);
        enqueueTo(bob);

        CompletableFuture<Integer> dispatching = CompletableFuture.supplyAsync(dispatcher::dispatchDue);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!"SENT".equals(fixtures.outbox(ana.id()).get(0).status()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        assertEquals("SENT", fixtures.outbox(ana.id()).get(0).status(), "Ana's email is marked while Bob's hangs");
        assertFalse(dispatching.isDone());
        assertEquals("PENDING", fixtures.outbox(bob.id()).get(0).status());
        smtp.release();
        dispatching.get(30, TimeUnit.SECONDS);
        assertEquals("SENT", fixtures.outbox(bob.id()).get(0).status());
    }

    @Test
    void shouldSendTheEmailsOfADeadDispatcherOnceItsShortLeaseHasPassed() throws Exception {
        TestMember ana = data.member("Ana");
        enqueueTo(ana);
        // A dispatcher claims the email and dies before sending it.
        QuarkusTransaction.requiringNew().call(dispatcher::claim);

        clock.advance(Duration.ofSeconds(29));
        fixtures.deliverAll();
        assertEquals("PENDING", fixtures.outbox(ana.id()).get(0).status(), "still leased to the dead dispatcher");

        clock.advance(Duration.ofSeconds(2));
        fixtures.deliverAll();
        assertEquals(2, fixtures.outbox(ana.id()).get(0).attempts(),
                "taken by another dispatcher once the lease ended");
        // On a busy machine that attempt may time out against the local SMTP server; then it backs off as any would.
        deliverUntilAnswered(ana);
        assertEquals("SENT", fixtures.outbox(ana.id()).get(0).status());
        assertEquals(List.of(ana.email()), smtp.accepted().stream().filter(ana.email()::equals).toList());
    }

    /** Delivers, moving the clock past each backoff, until the SMTP server has answered this member's email. */
    private void deliverUntilAnswered(TestMember member) {
        for (int round = 0; round < 4; round++) {
            fixtures.deliverAll();
            if (smtp.accepted().contains(member.email()) || smtp.refused().contains(member.email())) {
                return;
            }
            clock.advance(Duration.ofHours(7));
        }
        throw new AssertionError("The SMTP server never saw the email to " + member.name());
    }

    private void enqueueTo(TestMember member) {
        QuarkusTransaction.requiringNew()
                .run(() -> outbox.enqueue(new OutboundMail<>(ReminderMail.REMINDER, member.id(),
                        "test:failures:" + UUID.randomUUID(),
                        new ReminderMail(member.name(), UUID.randomUUID(), "Mail test", "2026-W01", null, false))));
    }
}
