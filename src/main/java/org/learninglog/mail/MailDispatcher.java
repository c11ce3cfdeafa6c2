package org.learninglog.mail;

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
import java.util.concurrent.CompletionException;
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
import io.vertx.ext.mail.SMTPException;

/**
 * Delivers the outbox: claims due rows, renders them through their kind's {@link MailComposer}, sends them
 * with the Quarkus mailer and records the outcome. Runs on a schedule and can be called directly
 * ({@link #dispatchDue()}), e.g. by tests.
 *
 * <p><b>Claim, then send and record each email.</b> The claim is one statement in its own transaction: it picks
 * due rows with {@code FOR UPDATE SKIP LOCKED} (so concurrent dispatchers, in this instance or others, never pick
 * the same row and never wait for each other), counts the attempt and moves {@code next_attempt_at} forward by the
 * claim lease, and commits. No lock is held and no transaction stays open while SMTP is talked to. An email is sent
 * while at least half of its lease is left; later in a slow batch its lease is renewed just before it is sent
 * (unless another dispatcher claimed it meanwhile), and as soon as its SMTP
 * transaction ends a short transaction marks it SENT, or FAILED/DEAD with the next attempt and the error. An SMTP
 * 5xx reply is permanent: the email is DEAD at once.
 * <p>So a dispatcher that dies leaves its unsent rows to another within one lease (seconds), and the one case of a
 * duplicate is an email the SMTP server accepted just before the crash, before it was marked; its deterministic
 * Message-ID lets receiving systems recognise it. Nothing is ever lost: a row stays until it is SENT or DEAD.
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
                      o.dedupe_key, o.attempts, o.language
            """;

    /**
     * The outcomes of a round (see {@link #record}): SENT with the time (`?` 1), or FAILED/DEAD with the next attempt
     * and the error, by id.
     */
    private static final String RECORD = """
            UPDATE outbound_email o
               SET status = u.status,
                   sent_at = CASE WHEN u.status = 'SENT' THEN CAST(? AS timestamptz) END,
                   next_attempt_at = COALESCE(u.next_attempt_at, o.next_attempt_at),
                   last_error = u.last_error
              FROM unnest(CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS timestamptz[]), CAST(? AS text[]))
                   AS u(id, status, next_attempt_at, last_error)
             WHERE o.id = u.id
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
    private final ReplyAddresses replyAddresses;
    /** The right-hand side of the Message-IDs. */
    private final String host;
    /** Outcomes waiting for the writer of {@link #record}; guards {@link #recording} too. */
    private final List<Recording> recordings = new ArrayList<>();
    /** Whether a sender is writing outcomes right now. */
    private boolean recording;
    /** Threads that talk SMTP in parallel (the mailer pools its connections); null to send one by one. */
    private final ExecutorService senders;

    MailDispatcher(AgroalDataSource dataSource, Mailer mailer, MailConfig config, MailMetrics metrics, Clock clock,
            @All List<MailComposer> composers, ReplyAddresses replyAddresses, PublicLinks links) {
        this.replyAddresses = replyAddresses;
        this.host = links.host();
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
                Instant claimedAt = clock.instant();
                List<OutboundEmail> claimed = QuarkusTransaction.requiringNew().call(() -> claim(claimedAt));
                if (claimed.isEmpty()) {
                    break;
                }
                attempted += deliver(claimed, claimedAt.plus(config.claimLease()));
                if (claimed.size() < config.batchSize()) {
                    break;
                }
            }
        } finally {
            refreshBacklog();
        }
        return attempted;
    }

    List<OutboundEmail> claim() throws SQLException {
        return claim(clock.instant());
    }

    /** Claims a batch at {@code now}: its rows are this dispatcher's until {@code now} plus the claim lease. */
    private List<OutboundEmail> claim(Instant now) throws SQLException {
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
                            rows.getString(6), rows.getInt(7), rows.getString(8)));
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

    /** Claimed again by another dispatcher after this one's lease ran out: not ours to send. */
    private record TakenOver(UUID id) implements Outcome {
    }

    /**
     * Sends a claimed batch, `send-concurrency` emails at a time, and records each outcome as soon as its SMTP
     * transaction ends; returns how many were attempted.
     */
    private int deliver(List<OutboundEmail> claimed, Instant leasedUntil) {
        List<Outcome> outcomes;
        if (senders == null) {
            outcomes = claimed.stream().map(email -> attempt(email, leasedUntil)).toList();
        } else {
            List<CompletableFuture<Outcome>> running = claimed.stream()
                    .map(email -> CompletableFuture.supplyAsync(() -> attempt(email, leasedUntil), senders))
                    .toList();
            outcomes = running.stream().map(CompletableFuture::join).toList();
        }
        return (int) outcomes.stream().filter(outcome -> !(outcome instanceof TakenOver)).count();
    }

    private Outcome attempt(OutboundEmail email, Instant leasedUntil) {
        // The claim's lease covers the SMTP transaction as long as at least half of it is left (the lease is at least
        // two SMTP timeouts): no other dispatcher can claim the row before it ends, so there is nothing to check.
        // Later in a slow batch, renew the lease just before sending, so it needs to cover one SMTP transaction, not
        // a whole batch; a renewal that finds the row claimed again (its attempt count moved on) leaves it. The
        // renewal and the record are one statement each, auto-committed on a pooled connection: no JTA
        // transaction (BEGIN, COMMIT and the transaction manager's work) around a single statement.
        if (clock.instant().isAfter(leasedUntil.minus(config.claimLease().dividedBy(2))) && !renewLease(email)) {
            return new TakenOver(email.id());
        }
        Outcome outcome;
        try {
            mailer.send(toMail(email));
            outcome = new Sent(email.id());
        } catch (RuntimeException e) {
            outcome = failureOf(email, e, clock.instant());
        }
        record(outcome);
        if (outcome instanceof Failure failure) {
            if (failure.dead()) {
                metrics.dead();
            } else {
                metrics.failed();
            }
        } else {
            metrics.sent(1);
        }
        return outcome;
    }

    /** Moves the row's lease forward, unless another dispatcher claimed it since (its attempt count moved on). */
    private boolean renewLease(OutboundEmail email) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        UPDATE outbound_email SET next_attempt_at = ?
                         WHERE id = ? AND attempts = ? AND status IN ('PENDING', 'FAILED')
                        """)) {
            statement.setObject(1, utc(clock.instant().plus(config.claimLease())));
            statement.setObject(2, email.id());
            statement.setInt(3, email.attempts());
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not renew the lease of an email", e);
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
                .addHeader("Message-ID", email.messageId(host));
        composed.headers().forEach((name, value) -> mail.addHeader(name, value));
        if (composer.replyTarget(email).isPresent()) {
            replyAddresses.of(email.id()).ifPresent(mail::setReplyTo);
        }
        return mail;
    }

    private Failure failureOf(OutboundEmail email, RuntimeException e, Instant now) {
        boolean permanent = permanentRejection(e);
        boolean dead = permanent || backoff.givesUpAfter(email.attempts());
        String error = describe(e);
        if (permanent) {
            LOG.errorf("Giving up email %s (%s): the SMTP server refused it for good: %s", email.id(), email.kind(),
                    error);
        } else if (dead) {
            LOG.errorf("Giving up email %s (%s) after %d attempts: %s", email.id(), email.kind(), email.attempts(),
                    error);
        } else {
            LOG.warnf("Email %s (%s), attempt %d, failed: %s", email.id(), email.kind(), email.attempts(), error);
        }
        return new Failure(email.id(), dead, now.plus(backoff.delayAfter(email.attempts())), error);
    }

    /**
     * Records an outcome and returns once it is committed. The senders' outcomes are written together: the first
     * sender with an outcome to record writes it and every outcome the others queue while its statement runs, in one
     * auto-committed {@link #RECORD} per round, until none is left (a group commit). One email alone is recorded at
     * once, as before; at a thousand emails a second a round writes a few, so the dispatcher commits a few times
     * less often. An outcome waits for at most one round in flight before its own, and a crash loses at most the
     * outcomes of the round not yet committed: those emails are sent again, with the same Message-ID.
     */
    private void record(Outcome outcome) {
        Recording mine = new Recording(outcome, new CompletableFuture<>());
        boolean writer;
        synchronized (recordings) {
            recordings.add(mine);
            writer = !recording;
            recording = true;
        }
        if (writer) {
            writeRecordings();
        }
        try {
            mine.done().join();
        } catch (CompletionException e) {
            throw new IllegalStateException("Could not record the outcome of sending an email", e.getCause());
        }
    }

    /** An outcome waiting to be written, and what its sender waits for. */
    private record Recording(Outcome outcome, CompletableFuture<Void> done) {
    }

    /** Writes queued outcomes round by round until none is left; only one thread at a time (the writer). */
    private void writeRecordings() {
        while (true) {
            List<Recording> round;
            synchronized (recordings) {
                if (recordings.isEmpty()) {
                    recording = false;
                    return;
                }
                round = new ArrayList<>(recordings);
                recordings.clear();
            }
            try {
                write(round);
                round.forEach(r -> r.done().complete(null));
            } catch (SQLException | RuntimeException e) {
                round.forEach(r -> r.done().completeExceptionally(e));
            }
        }
    }

    private void write(List<Recording> round) throws SQLException {
        int size = round.size();
        Object[] ids = new Object[size];
        String[] statuses = new String[size];
        Object[] nextAttempts = new Object[size];
        String[] errors = new String[size];
        OffsetDateTime now = utc(clock.instant());
        for (int i = 0; i < size; i++) {
            Outcome outcome = round.get(i).outcome();
            if (outcome instanceof Sent sent) {
                ids[i] = sent.id();
                statuses[i] = "SENT";
            } else if (outcome instanceof Failure failure) {
                ids[i] = failure.id();
                statuses[i] = failure.dead() ? "DEAD" : "FAILED";
                nextAttempts[i] = utc(failure.nextAttemptAt());
                errors[i] = failure.error();
            }
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(RECORD)) {
            statement.setObject(1, now);
            statement.setArray(2, connection.createArrayOf("uuid", ids));
            statement.setArray(3, connection.createArrayOf("text", statuses));
            statement.setArray(4, connection.createArrayOf("timestamptz", nextAttempts));
            statement.setArray(5, connection.createArrayOf("text", errors));
            statement.executeUpdate();
        }
    }

    /** An SMTP reply in the 5xx range: the server will refuse the same email again, so retrying is pointless. */
    static boolean permanentRejection(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SMTPException smtp) {
                return smtp.isPermanent();
            }
        }
        return false;
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

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root == e ? String.valueOf(e) : e + " caused by " + root;
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }
}
