package org.learninglog.thread;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.learninglog.entry.QuestionNudges;
import org.learninglog.mail.Outbox;
import org.learninglog.notification.NotificationService;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Turns thread activity into emails through the outbox, set-based, by each member's preference:
 * IMMEDIATE members get one email per thread once its coalescing window has passed, DAILY_DIGEST members one
 * email a day at their local digest time, and a question nobody answered nudges the rest of the group once.
 * Each run marks what it emailed in the same REPEATABLE READ transaction, so nothing is mailed twice or lost;
 * dedupe keys make concurrent runs on several instances harmless. What goes into the emails is selected by
 * {@link ThreadMailQueries}; the notification and entry features record what was emailed.
 */
@ApplicationScoped
public class ThreadMailJob {

    private static final Logger LOG = Logger.getLogger(ThreadMailJob.class);
    private static final int LOCK = 7410003;

    private final Outbox outbox;
    private final ThreadMailQueries queries;
    private final NotificationService notifications;
    private final QuestionNudges nudges;
    private final EntityManager entityManager;
    private final ThreadMailConfig config;
    private final Clock clock;

    ThreadMailJob(Outbox outbox, ThreadMailQueries queries, NotificationService notifications, QuestionNudges nudges,
            EntityManager entityManager, ThreadMailConfig config, Clock clock) {
        this.outbox = outbox;
        this.queries = queries;
        this.notifications = notifications;
        this.nudges = nudges;
        this.entityManager = entityManager;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "thread-mail", every = "${learninglog.thread-mail.every:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        enqueueDue();
    }

    /** Enqueues every thread email due at the clock's current instant; returns how many. */
    public int enqueueDue() {
        return QuarkusTransaction.requiringNew().call(() -> {
            // One snapshot for each selection and its marking: what is marked is exactly what was mailed.
            entityManager.createNativeQuery("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ").executeUpdate();
            Boolean locked = (Boolean) entityManager
                    .createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtext(current_schema()), " + LOCK + ")")
                    .getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            Instant now = clock.instant();
            var activity = queries.threadActivity(now, config.coalesceWindow());
            int enqueued = outbox.enqueueAll(activity.mails());
            notifications.markEmailed(activity.notificationIds(), now);

            var questions = queries.questions(now, config.questionWindow());
            enqueued += outbox.enqueueAll(questions.mails());
            notifications.markEmailed(questions.notificationIds(), now);

            var digests = queries.digests(now, config.digestTime());
            enqueued += outbox.enqueueAll(digests.mails());
            notifications.markEmailed(digests.notificationIds(), now);

            Instant askedBefore = now.minus(config.nudgeAfter());
            Instant askedAfter = askedBefore.minus(config.nudgeAtMostAfter());
            enqueued += outbox.enqueueAll(queries.unanswered(askedAfter, askedBefore));
            nudges.markNudged(askedAfter, askedBefore, now);
            if (enqueued > 0) {
                LOG.infof("Enqueued %d thread emails", enqueued);
            }
            return enqueued;
        });
    }
}
