package org.learninglog.mail;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.All;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Delivers the outbox: claims due rows, renders them through their kind's {@link MailComposer}, sends them
 * with the Quarkus mailer and records the outcome. Runs on a schedule and can be called directly
 * ({@link #dispatchDue()}), e.g. by tests.
 *
 * <p><b>Claim, then send, then record — three steps, two short transactions.</b> The claim is one statement
 * in its own transaction: it picks due rows with {@code FOR UPDATE SKIP LOCKED} (so concurrent dispatchers,
 * in this instance or others, never pick the same row and never wait for each other), counts the attempt and
 * moves {@code next_attempt_at} forward by the claim lease, and commits. From then on the row is no longer
 * due for anyone else, although no lock is held and no transaction stays open while SMTP is talked to. After
 * sending, a second transaction marks the rows SENT, or FAILED/DEAD with the next attempt and the error.
 * <p>Why not hold the row locks while sending? A transaction open across network calls ties up a database
 * connection per dispatcher for seconds, and if it rolls back after the SMTP server accepted a message (a
 * lost connection, a restart mid-batch) every message of the batch is sent again. With the lease, a
 * dispatcher that dies between sending and recording leaves only its own batch due again once the lease has
 * passed; that is the one case of a duplicate, and the deterministic Message-ID lets receiving systems
 * recognise it. Nothing is ever lost: a row stays in the table until it is SENT or DEAD.
 */
@ApplicationScoped
public class MailDispatcher {

    private static final Logger LOG = Logger.getLogger(MailDispatcher.class);

    private static final String CLAIM = """
            UPDATE outbound_email o
               SET attempts = o.attempts + 1, next_attempt_at = ?
              FROM (SELECT id FROM outbound_email
                     WHERE status IN ('PENDING', 'FAILED') AND next_attempt_at <= ?
                     ORDER BY next_attempt_at
                     LIMIT ?
                     FOR UPDATE SKIP LOCKED) due
             WHERE o.id = due.id
            RETURNING o.id, o.kind, o.recipient_member_id, o.recipient_address, o.template_data::text,
                      o.message_id, o.dedupe_key, o.attempts, o.language
            """;

    private static final int MAX_ERROR_LENGTH = 2000;
    private static final AtomicInteger SENDER_THREADS = new AtomicInteger();

    private record Failure(UUID id, boolean dead, Instant nextAttemptAt, String error) implements Outcome {
    }

    private final AgroalDataSource dataSource;
    private final Mailer mailer;
    private final MailConfig config;
    private final MailMetrics metrics;
    private final Clock clock;
    private final Backoff backoff;
    private final Map<String, MailComposer> composers = new HashMap<>();
    /** Threads that talk SMTP in parallel (the mailer pools its connections); null to send one by one. */
    private final ExecutorService senders;

    MailDispatcher(AgroalDataSource dataSource, Mailer mailer, MailConfig config, MailMetrics metrics, Clock clock,
            @All List<MailComposer> composers) {
        this.dataSource = dataSource;
        this.mailer = mailer;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
        this.backoff = Backoff.of(config);
        this.senders = config.sendConcurrency() <= 1 ? null
                : Executors.newFixedThreadPool(config.sendConcurrency(), runnable -> {
                    Thread thread = new Thread(runnable, "mail-sender-" + SENDER_THREADS.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        for (MailComposer composer : composers) {
            composer.kinds().forEach(kind -> {
                if (this.composers.putIfAbsent(kind.name(), composer) != null) {
                    throw new IllegalStateException("Two mail composers for kind " + kind);
                }
            });
        }
    }

    @PreDestroy
    void stopSenders() {
        if (senders != null) {
            senders.shutdown();
        }
    }

    @Scheduled(identity = "mail-dispatch", every = "${learninglog.mail.dispatch-every:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        dispatchDue();
    }

    /**
     * Sends what is due now, batch by batch, up to `max-batches-per-run` batches.
     *
     * @return how many rows were attempted (sent or failed)
     */
    public int dispatchDue() {
        int attempted = 0;
        try {
            for (int batch = 0; batch < config.maxBatchesPerRun(); batch++) {
                List<OutboundEmail> claimed = QuarkusTransaction.requiringNew().call(this::claim);
                if (claimed.isEmpty()) {
                    break;
                }
                attempted += deliver(claimed);
                if (claimed.size() < config.batchSize()) {
                    break;
                }
            }
        } finally {
            refreshBacklog();
        }
        return attempted;
    }

    private List<OutboundEmail> claim() throws SQLException {
        Instant now = clock.instant();
        List<OutboundEmail> claimed = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(CLAIM)) {
            statement.setObject(1, utc(now.plus(config.claimLease())));
            statement.setObject(2, utc(now));
            statement.setInt(3, config.batchSize());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    claimed.add(new OutboundEmail(rows.getObject(1, UUID.class), rows.getString(2),
                            rows.getObject(3, UUID.class), rows.getString(4), rows.getString(5),
                            rows.getString(6), rows.getString(7), rows.getInt(8), rows.getString(9)));
                }
            }
        }
        return claimed;
    }

    /** What became of one claimed row. */
    private sealed interface Outcome {
    }

    private record Sent(UUID id) implements Outcome {
    }

    private record Released(UUID id) implements Outcome {
    }

    /** Sends a claimed batch, `send-concurrency` emails at a time, and records each outcome; returns how many were attempted. */
    private int deliver(List<OutboundEmail> claimed) {
        Instant claimedAt = clock.instant();
        long deadline = System.nanoTime() + config.claimLease().dividedBy(2).toNanos();
        List<Outcome> outcomes;
        if (senders == null) {
            outcomes = claimed.stream().map(email -> attempt(email, claimedAt, deadline)).toList();
        } else {
            List<CompletableFuture<Outcome>> running = claimed.stream()
                    .map(email -> CompletableFuture.supplyAsync(() -> attempt(email, claimedAt, deadline), senders))
                    .toList();
            outcomes = running.stream().map(CompletableFuture::join).toList();
        }
        List<UUID> sent = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        List<UUID> released = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            if (outcome instanceof Sent s) {
                sent.add(s.id());
            } else if (outcome instanceof Failure f) {
                failures.add(f);
            } else if (outcome instanceof Released r) {
                released.add(r.id());
            }
        }
        QuarkusTransaction.requiringNew().run(() -> record(sent, failures, released));
        metrics.sent(sent.size());
        for (Failure failure : failures) {
            if (failure.dead()) {
                metrics.dead();
            } else {
                metrics.failed();
            }
        }
        return sent.size() + failures.size();
    }

    private Outcome attempt(OutboundEmail email, Instant claimedAt, long deadline) {
        // Never send once the lease may run out: another dispatcher could claim the row by then.
        if (System.nanoTime() - deadline > 0) {
            return new Released(email.id());
        }
        try {
            mailer.send(toMail(email));
            return new Sent(email.id());
        } catch (RuntimeException e) {
            return failureOf(email, e, claimedAt);
        }
    }

    private Mail toMail(OutboundEmail email) {
        MailComposer composer = composers.get(email.kind());
        if (composer == null) {
            throw new IllegalStateException("No mail composer for kind " + email.kind());
        }
        ComposedMail composed = composer.compose(email);
        Mail mail = new Mail()
                .addTo(email.recipientAddress())
                .setSubject(composed.subject())
                .setHtml(composed.html())
                .setText(composed.text())
                .addHeader("Message-ID", email.messageId());
        composed.headers().forEach((name, value) -> mail.addHeader(name, value));
        return mail;
    }

    private Failure failureOf(OutboundEmail email, RuntimeException e, Instant now) {
        boolean dead = backoff.givesUpAfter(email.attempts());
        String error = describe(e);
        if (dead) {
            LOG.errorf("Giving up email %s (%s) after %d attempts: %s", email.id(), email.kind(), email.attempts(),
                    error);
        } else {
            LOG.warnf("Email %s (%s), attempt %d, failed: %s", email.id(), email.kind(), email.attempts(), error);
        }
        return new Failure(email.id(), dead, now.plus(backoff.delayAfter(email.attempts())), error);
    }

    private void record(List<UUID> sent, List<Failure> failures, List<UUID> released) {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            if (!sent.isEmpty()) {
                try (PreparedStatement statement = connection.prepareStatement(
                        "UPDATE outbound_email SET status = 'SENT', sent_at = ?, last_error = NULL WHERE id = ANY (?)")) {
                    statement.setObject(1, utc(now));
                    statement.setArray(2, uuids(connection, sent));
                    statement.executeUpdate();
                }
            }
            if (!failures.isEmpty()) {
                try (PreparedStatement statement = connection.prepareStatement(
                        "UPDATE outbound_email SET status = ?, next_attempt_at = ?, last_error = ? WHERE id = ?")) {
                    for (Failure failure : failures) {
                        statement.setString(1, failure.dead() ? "DEAD" : "FAILED");
                        statement.setObject(2, utc(failure.nextAttemptAt()));
                        statement.setString(3, failure.error());
                        statement.setObject(4, failure.id());
                        statement.addBatch();
                    }
                    statement.executeBatch();
                }
            }
            if (!released.isEmpty()) {
                // Not attempted after all: give the attempt back and make the rows due at once.
                try (PreparedStatement statement = connection.prepareStatement(
                        "UPDATE outbound_email SET attempts = attempts - 1, next_attempt_at = ? WHERE id = ANY (?)")) {
                    statement.setObject(1, utc(now));
                    statement.setArray(2, uuids(connection, released));
                    statement.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the outcome of sending emails", e);
        }
    }

    /** Counts the backlog for the gauge: PENDING and FAILED rows, through the index of undelivered rows. */
    public void refreshBacklog() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT count(*) FROM outbound_email WHERE status IN ('PENDING', 'FAILED')");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            metrics.backlog(rows.getLong(1));
        } catch (SQLException e) {
            LOG.warn("Could not count the outbox backlog", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Array uuids(Connection connection, List<UUID> ids) throws SQLException {
        return connection.createArrayOf("uuid", ids.toArray());
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root == e ? String.valueOf(e) : e + " caused by " + root;
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }
}
