package org.learninglog.retention;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.learninglog.api.IdempotencyRetention;
import org.learninglog.api.RateLimitRetention;
import org.learninglog.inbound.InboundRetention;
import org.learninglog.mail.OutboxRetention;
import org.learninglog.notification.NotificationRetention;
import org.learninglog.session.SessionRetention;

import io.quarkus.scheduler.Scheduled;

/**
 * Deletes what is kept no longer than needed. Each feature deletes its own rows (it owns their SQL), in batches of
 * `batch-size` rows per auto-committed statement with `FOR UPDATE SKIP LOCKED`: no long transaction, no lock on a
 * row anyone uses, and instances running it at once share the work.
 */
@ApplicationScoped
public class RetentionJob {

    /** Rows deleted by one run, per kind. */
    public record Purged(long sentEmails, long deadEmails, long readNotifications, long endedSessions,
            long signInLinks, long idempotencyKeys, long inboundMail, long rateLimitWindows) {
    }

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    private final RetentionConfig config;
    private final Clock clock;
    private final OutboxRetention outbox;
    private final NotificationRetention notifications;
    private final SessionRetention sessions;
    private final IdempotencyRetention idempotency;
    private final InboundRetention inbound;
    private final RateLimitRetention rateLimits;

    RetentionJob(RetentionConfig config, Clock clock, OutboxRetention outbox, NotificationRetention notifications,
            SessionRetention sessions, IdempotencyRetention idempotency, InboundRetention inbound,
            RateLimitRetention rateLimits) {
        this.config = config;
        this.clock = clock;
        this.outbox = outbox;
        this.notifications = notifications;
        this.sessions = sessions;
        this.idempotency = idempotency;
        this.inbound = inbound;
        this.rateLimits = rateLimits;
    }

    @Scheduled(identity = "retention", cron = "${learninglog.retention.cron:0 17 3 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Purged purged = purge();
        LOG.infof("Retention: deleted %s", purged);
    }

    /** Deletes every kind of row older than its setting, at the clock's now. */
    public Purged purge() {
        Instant now = clock.instant();
        int batch = config.batchSize();
        return new Purged(
                outbox.purgeSentBefore(now.minus(config.sentEmails()), batch),
                outbox.purgeDeadBefore(now.minus(config.deadEmails()), batch),
                notifications.purgeReadBefore(now.minus(config.readNotifications()), batch),
                sessions.purgeEndedBefore(now.minus(config.endedSessions()), batch),
                sessions.purgeSignInLinksExpiredBefore(now.minus(config.signInLinks()), batch),
                idempotency.purgeCreatedBefore(now.minus(config.idempotencyKeys()), batch),
                inbound.purgeProcessedBefore(now.minus(config.inboundMail()), batch),
                rateLimits.purgeWindowsBefore(now.minus(config.rateLimitWindows()), batch));
    }
}
