package org.learninglog.reminder;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.learninglog.mail.OutboundMail;
import org.learninglog.mail.Outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Enqueues the log-day reminders and follow-up nudges that are due, for all members at once: one set-based
 * statement selects them (see {@link ReminderQueries}), and they go to the outbox batch by batch as they are
 * read; the dispatcher delivers them. Running it again, on this or another instance, enqueues nothing twice:
 * every nudge has a dedupe key (`reminder:{groupId}:{memberId}:{week}`, `follow-up:…`).
 */
@ApplicationScoped
public class ReminderJob {

    private static final Logger LOG = Logger.getLogger(ReminderJob.class);

    /** Instances take turns: one scan at a time is enough, and the others skip theirs. */
    private static final int SCAN_LOCK = 7410002;

    private final Outbox outbox;
    private final ReminderQueries queries;
    private final EntityManager entityManager;
    private final Clock clock;

    ReminderJob(Outbox outbox, ReminderQueries queries, EntityManager entityManager, Clock clock) {
        this.outbox = outbox;
        this.queries = queries;
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
            Boolean locked = (Boolean) entityManager
                    .createNativeQuery(
                            "SELECT pg_try_advisory_xact_lock(hashtext(current_schema()), " + SCAN_LOCK + ")")
                    .getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            int enqueued = 0;
            try (Stream<OutboundMail<ReminderMail>> due = queries.due(queries.zoneClocks(clock.instant()))) {
                Iterator<OutboundMail<ReminderMail>> rows = due.iterator();
                List<OutboundMail<ReminderMail>> batch = new ArrayList<>(ReminderQueries.BATCH);
                while (rows.hasNext()) {
                    batch.add(rows.next());
                    if (batch.size() == ReminderQueries.BATCH || !rows.hasNext()) {
                        enqueued += outbox.enqueueAll(batch);
                        batch.clear();
                    }
                }
            }
            if (enqueued > 0) {
                LOG.infof("Enqueued %d reminder emails", enqueued);
            }
            return enqueued;
        });
    }
}
