package org.learninglog.reminder;

import java.time.Clock;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.learninglog.mail.Outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Enqueues the log-day reminders and follow-up nudges that are due, for all members at once, in one
 * set-based statement (see {@link ReminderSql}); the dispatcher delivers them. Running it again, on this or
 * another instance, enqueues nothing twice: every nudge has a dedupe key
 * (`reminder:{groupId}:{memberId}:{week}`, `follow-up:…`).
 */
@ApplicationScoped
public class ReminderJob {

    private static final Logger LOG = Logger.getLogger(ReminderJob.class);

    /** Instances take turns: one scan at a time is enough, and the others skip theirs. */
    private static final long SCAN_LOCK = 7410002L;

    private final Outbox outbox;
    private final ZoneClocks zoneClocks;
    private final EntityManager entityManager;
    private final Clock clock;

    ReminderJob(Outbox outbox, ZoneClocks zoneClocks, EntityManager entityManager, Clock clock) {
        this.outbox = outbox;
        this.zoneClocks = zoneClocks;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Scheduled(identity = "reminders", every = "${learninglog.reminders.every:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        enqueueDue();
    }

    /**
     * Enqueues every nudge due at the clock's current instant.
     *
     * @return how many were enqueued (0 as well when another instance is scanning right now)
     */
    public int enqueueDue() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Boolean locked = (Boolean) entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(" + SCAN_LOCK + ")")
                    .getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            int enqueued = outbox.enqueueAll(ReminderSql.DUE, Map.of("zones", zoneClocks.at(clock.instant())));
            if (enqueued > 0) {
                LOG.infof("Enqueued %d reminder emails", enqueued);
            }
            return enqueued;
        });
    }
}
