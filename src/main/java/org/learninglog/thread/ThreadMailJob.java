package org.learninglog.thread;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.learninglog.mail.Outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Turns thread activity into emails through the outbox, set-based, by each member's preference:
 * IMMEDIATE members get one email per thread once its coalescing window has passed, DAILY_DIGEST members one
 * email a day at their local digest time, and a question nobody answered nudges the rest of the group once.
 * Each run marks what it emailed in the same REPEATABLE READ transaction, so nothing is mailed twice or lost;
 * dedupe keys make concurrent runs on several instances harmless.
 */
@ApplicationScoped
public class ThreadMailJob {

    static final String ACTIVITY = "THREAD_ACTIVITY";
    static final String DIGEST = "THREAD_DIGEST";
    static final String UNANSWERED = "UNANSWERED_QUESTION";

    private static final Logger LOG = Logger.getLogger(ThreadMailJob.class);
    private static final long LOCK = 7410003L;

    /** One pending notification with what an email shows of it. */
    private static final String ITEM = """
            jsonb_build_object('entryId', e.id, 'groupName', g.name, 'question', e.question,
                               'authorName', author.display_name, 'kind', n.kind,
                               'actorName', actor.display_name, 'body', r.body, 'at', n.created_at)""";

    private static final String PENDING_JOINS = """
            FROM notification n
            JOIN member m ON m.id = n.member_id
            JOIN entry e ON e.id = n.entry_id
            JOIN learning_group g ON g.id = e.group_id
            JOIN member author ON author.id = e.member_id
            LEFT JOIN member actor ON actor.id = n.actor_id
            LEFT JOIN reply r ON r.id = n.reply_id""";

    /** IMMEDIATE: per member and thread, the first pending notification, if its window has closed. */
    private static final String CLOSED_WINDOWS = """
            WITH first AS (
                SELECT n.member_id, n.entry_id, min(n.created_at) AS first_at
                FROM notification n JOIN member m ON m.id = n.member_id
                WHERE n.email_handled_at IS NULL AND m.reply_notifications = 'IMMEDIATE' AND m.active
                GROUP BY n.member_id, n.entry_id
                HAVING min(n.created_at) <= CAST(:closedBefore AS timestamptz)
            )
            """;

    /** IMMEDIATE: per member and thread, the notifications of the window opened by the first pending one. */
    private static final String THREAD_BATCHES = CLOSED_WINDOWS + """
            SELECT 'replies:' || f.entry_id || ':' || f.member_id || ':' || to_char(f.first_at AT TIME ZONE 'UTC', 'YYYYMMDD"T"HH24MISS.US') AS dedupe_key,
                   CAST(:activity AS text) AS kind, f.member_id,
                   jsonb_build_object('items', jsonb_agg(%s ORDER BY n.created_at)) AS template_data
            %s
            JOIN first f ON f.member_id = n.member_id AND f.entry_id = n.entry_id
            WHERE n.email_handled_at IS NULL AND n.created_at < f.first_at + CAST(:window AS interval)
            GROUP BY f.member_id, f.entry_id, f.first_at""".formatted(ITEM, PENDING_JOINS);

    private static final String MARK_THREAD_BATCHES = CLOSED_WINDOWS + """
            UPDATE notification n SET email_handled_at = CAST(:now AS timestamptz)
            FROM first f
            WHERE f.member_id = n.member_id AND f.entry_id = n.entry_id
              AND n.email_handled_at IS NULL AND n.created_at < f.first_at + CAST(:window AS interval)""";

    /** DAILY_DIGEST: per member, everything pending from before their latest local digest time. */
    private static final String DIGESTS = """
            WITH digest AS (
                SELECT z.time_zone, CAST(z.day AS date) AS day, CAST(z.cutoff AS timestamptz) AS cutoff
                FROM jsonb_to_recordset(CAST(:zones AS jsonb)) AS z(time_zone text, day text, cutoff text)
            )
            SELECT 'digest:' || m.id || ':' || d.day AS dedupe_key, CAST(:digestKind AS text) AS kind, m.id AS member_id,
                   jsonb_build_object('day', d.day, 'items', jsonb_agg(%s ORDER BY e.id, n.created_at)) AS template_data
            %s
            JOIN digest d ON d.time_zone = m.time_zone
            WHERE n.email_handled_at IS NULL AND m.reply_notifications = 'DAILY_DIGEST' AND m.active
              AND n.created_at < d.cutoff
            GROUP BY m.id, d.day""".formatted(ITEM, PENDING_JOINS);

    private static final String MARK_DIGESTS = """
            WITH digest AS (
                SELECT z.time_zone, CAST(z.cutoff AS timestamptz) AS cutoff
                FROM jsonb_to_recordset(CAST(:zones AS jsonb)) AS z(time_zone text, day text, cutoff text)
            )
            UPDATE notification n SET email_handled_at = CAST(:now AS timestamptz)
            FROM member m JOIN digest d ON d.time_zone = m.time_zone
            WHERE m.id = n.member_id AND n.email_handled_at IS NULL AND m.reply_notifications = 'DAILY_DIGEST'
              AND m.active AND n.created_at < d.cutoff""";

    /** Questions without any reply for long enough, to the group's other members who want thread emails. */
    private static final String UNANSWERED_QUESTIONS = """
            SELECT 'nudge:' || e.id || ':' || m.id AS dedupe_key, CAST(:unansweredKind AS text) AS kind, m.id AS member_id,
                   jsonb_build_object('entryId', e.id, 'groupName', g.name, 'question', e.question,
                                      'authorName', author.display_name, 'week', e.week) AS template_data
            FROM entry e
            JOIN learning_group g ON g.id = e.group_id AND NOT g.archived
            JOIN member author ON author.id = e.member_id
            JOIN membership ms ON ms.group_id = e.group_id
            JOIN member m ON m.id = ms.member_id
            WHERE e.question IS NOT NULL AND e.deleted_at IS NULL AND e.reply_count = 0 AND e.nudged_at IS NULL
              AND e.created_at <= CAST(:askedBefore AS timestamptz) AND e.created_at > CAST(:askedAfter AS timestamptz)
              AND m.id <> e.member_id AND m.active AND m.reply_notifications <> 'OFF'""";

    private static final String MARK_UNANSWERED = """
            UPDATE entry e SET nudged_at = CAST(:now AS timestamptz)
            WHERE e.question IS NOT NULL AND e.deleted_at IS NULL AND e.reply_count = 0 AND e.nudged_at IS NULL
              AND e.created_at <= CAST(:askedBefore AS timestamptz) AND e.created_at > CAST(:askedAfter AS timestamptz)""";

    private final Outbox outbox;
    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final ThreadMailConfig config;
    private final Clock clock;

    ThreadMailJob(Outbox outbox, EntityManager entityManager, ObjectMapper json, ThreadMailConfig config, Clock clock) {
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.json = json;
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
            // One snapshot for each enqueue and its marking: what is marked is exactly what was mailed.
            entityManager.createNativeQuery("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ").executeUpdate();
            Boolean locked = (Boolean) entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(" + LOCK + ")")
                    .getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            Instant now = clock.instant();
            String window = config.coalesceWindow().toSeconds() + " seconds";
            int enqueued = outbox.enqueueAll(THREAD_BATCHES, Map.of("closedBefore", now.minus(config.coalesceWindow()).toString(),
                    "window", window, "activity", ACTIVITY));
            run(MARK_THREAD_BATCHES, Map.of("closedBefore", now.minus(config.coalesceWindow()).toString(),
                    "window", window, "now", now.toString()));

            String zones = digestZones(now);
            enqueued += outbox.enqueueAll(DIGESTS, Map.of("zones", zones, "digestKind", DIGEST));
            run(MARK_DIGESTS, Map.of("zones", zones, "now", now.toString()));

            Map<String, Object> asked = Map.of("askedBefore", now.minus(config.nudgeAfter()).toString(),
                    "askedAfter", now.minus(config.nudgeAfter()).minus(config.nudgeAtMostAfter()).toString());
            enqueued += outbox.enqueueAll(UNANSWERED_QUESTIONS, withKind(asked));
            run(MARK_UNANSWERED, with(asked, "now", now.toString()));
            if (enqueued > 0) {
                LOG.infof("Enqueued %d thread emails", enqueued);
            }
            return enqueued;
        });
    }

    /** Per time zone of digest readers: the day of their latest digest time that has come, and that instant. */
    private String digestZones(Instant now) {
        @SuppressWarnings("unchecked")
        List<String> zones = entityManager.createNativeQuery(
                "SELECT DISTINCT time_zone FROM member WHERE reply_notifications = 'DAILY_DIGEST' AND active")
                .getResultList();
        ArrayNode table = json.createArrayNode();
        for (String zone : zones) {
            ZoneId id = ZoneId.of(zone);
            LocalDate day = now.atZone(id).toLocalDate();
            // ZonedDateTime moves a digest time that falls into a daylight-saving gap forward, never skips it.
            ZonedDateTime cutoff = ZonedDateTime.of(day, config.digestTime(), id);
            if (cutoff.toInstant().isAfter(now)) {
                day = day.minusDays(1);
                cutoff = ZonedDateTime.of(day, config.digestTime(), id);
            }
            table.addObject().put("time_zone", zone).put("day", day.toString()).put("cutoff", cutoff.toInstant().toString());
        }
        return table.toString();
    }

    private void run(String sql, Map<String, Object> parameters) {
        var query = entityManager.createNativeQuery(sql);
        parameters.forEach(query::setParameter);
        query.executeUpdate();
    }

    private static Map<String, Object> withKind(Map<String, Object> parameters) {
        return with(parameters, "unansweredKind", UNANSWERED);
    }

    private static Map<String, Object> with(Map<String, Object> parameters, String key, Object value) {
        var all = new java.util.HashMap<>(parameters);
        all.put(key, value);
        return all;
    }
}
