package org.learninglog.thread;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.learninglog.mail.MailKind;
import org.learninglog.mail.OutboundMail;
import org.learninglog.notification.Notification;
import org.learninglog.thread.ThreadMailData.Activity;
import org.learninglog.thread.ThreadMailData.Digest;
import org.learninglog.thread.ThreadMailData.Item;
import org.learninglog.thread.ThreadMailData.Questions;
import org.learninglog.thread.ThreadMailData.Unanswered;
import org.learninglog.time.ZoneClock;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * What the thread emails are made of, the thread-mail SQL in one place. Apart from replies it reads other
 * features through the views they own: `notification_unmailed` (notification), `member_recipient` and
 * `member_name` (member), `entry_thread` and `entry_question` (entry), `group_directory` and
 * `group_open_membership` (group).
 */
@ApplicationScoped
class ThreadMailQueries {

    /** Emails to enqueue, and the notifications they deal with. */
    record Emails<T extends Record>(List<OutboundMail<T>> mails, List<UUID> notificationIds) {
    }

    private static final String DIGEST_ZONES = "SELECT DISTINCT time_zone FROM member_recipient"
            + " WHERE (reply_notifications = 'DAILY_DIGEST' OR question_notifications = 'DAILY_DIGEST') AND active";

    /** Which preference decides a pending notification's email: new questions have their own. */
    private static final String PREFERENCE = "CASE WHEN n.kind = 'QUESTION_ASKED' THEN m.question_notifications"
            + " ELSE m.reply_notifications END";

    /** One pending notification with what an email shows of it, as {@link #item} reads it from column 4 on. */
    private static final String ITEM = """
            n.notification_id, e.entry_id, g.name, e.question, author.display_name, n.kind, actor.display_name,
                   r.body, n.created_at""";

    private static final String PENDING_JOINS = """
            FROM notification_unmailed n
            JOIN member_recipient m ON m.member_id = n.member_id
            JOIN entry_thread e ON e.entry_id = n.entry_id
            JOIN group_directory g ON g.group_id = e.group_id
            JOIN member_name author ON author.member_id = e.author_id
            LEFT JOIN member_name actor ON actor.member_id = n.actor_id
            LEFT JOIN reply r ON r.id = n.reply_id""";

    /**
     * IMMEDIATE: per member and thread whose first pending notification's window has closed, the
     * notifications of that window, oldest first.
     */
    private static final String THREAD_ACTIVITY = """
            WITH first AS (
                SELECT n.member_id, n.entry_id, min(n.created_at) AS first_at
                FROM notification_unmailed n JOIN member_recipient m ON m.member_id = n.member_id
                WHERE m.reply_notifications = 'IMMEDIATE' AND m.active AND n.kind <> 'QUESTION_ASKED'
                GROUP BY n.member_id, n.entry_id
                HAVING min(n.created_at) <= CAST(:closedBefore AS timestamptz)
            )
            SELECT 'replies:' || f.entry_id || ':' || f.member_id || ':'
                       || to_char(f.first_at AT TIME ZONE 'UTC', 'YYYYMMDD"T"HH24MISS.US') AS dedupe_key,
                   f.member_id, NULL, %s
            %s
            JOIN first f ON f.member_id = n.member_id AND f.entry_id = n.entry_id
            WHERE n.created_at < f.first_at + CAST(:window AS interval) AND n.kind <> 'QUESTION_ASKED'
            ORDER BY f.member_id, f.entry_id, n.created_at, n.notification_id""".formatted(ITEM, PENDING_JOINS);

    /**
     * Questions, IMMEDIATE: per member whose first pending question's window has closed, the questions of that
     * window, across their groups, oldest first.
     */
    private static final String QUESTIONS = """
            WITH first AS (
                SELECT n.member_id, min(n.created_at) AS first_at
                FROM notification_unmailed n JOIN member_recipient m ON m.member_id = n.member_id
                WHERE m.question_notifications = 'IMMEDIATE' AND m.active AND n.kind = 'QUESTION_ASKED'
                GROUP BY n.member_id
                HAVING min(n.created_at) <= CAST(:closedBefore AS timestamptz)
            )
            SELECT 'questions:' || f.member_id || ':'
                       || to_char(f.first_at AT TIME ZONE 'UTC', 'YYYYMMDD"T"HH24MISS.US') AS dedupe_key,
                   f.member_id, NULL, %s
            %s
            JOIN first f ON f.member_id = n.member_id
            WHERE n.created_at < f.first_at + CAST(:window AS interval) AND n.kind = 'QUESTION_ASKED'
            ORDER BY f.member_id, n.created_at, n.notification_id""".formatted(ITEM, PENDING_JOINS);

    /** DAILY_DIGEST: per member, everything pending from before their latest local digest time, by thread. */
    private static final String DIGESTS = """
            WITH digest AS (
                SELECT z.time_zone, CAST(z.day AS date) AS day, CAST(z.cutoff AS timestamptz) AS cutoff
                FROM jsonb_to_recordset(CAST(:zones AS jsonb)) AS z(time_zone text, day text, cutoff text)
            )
            SELECT 'digest:' || m.member_id || ':' || d.day AS dedupe_key, m.member_id, CAST(d.day AS text), %s
            %s
            JOIN digest d ON d.time_zone = m.time_zone
            WHERE %s = 'DAILY_DIGEST' AND m.active AND n.created_at < d.cutoff
            ORDER BY m.member_id, e.entry_id, n.created_at, n.notification_id""".formatted(ITEM, PENDING_JOINS,
            PREFERENCE);

    /** Questions without any reply for long enough, to the group's other members who want thread emails. */
    private static final String UNANSWERED = """
            SELECT 'nudge:' || e.id || ':' || m.member_id AS dedupe_key, m.member_id, e.id, ms.group_name,
                   e.question, author.display_name, e.week
            FROM entry_question e
            JOIN group_open_membership ms ON ms.group_id = e.group_id
            JOIN member_name author ON author.member_id = e.member_id
            JOIN member_recipient m ON m.member_id = ms.member_id
            WHERE e.reply_count = 0 AND e.nudged_at IS NULL
              AND e.created_at <= CAST(:askedBefore AS timestamptz) AND e.created_at > CAST(:askedAfter AS timestamptz)
              AND m.member_id <> e.member_id AND m.active AND m.reply_notifications <> 'OFF'""";

    private final EntityManager entityManager;
    private final ObjectMapper json;

    ThreadMailQueries(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /** One email per member and thread whose coalescing window, opened by its first reply, closed by now. */
    Emails<Activity> threadActivity(Instant now, Duration window) {
        List<Object[]> rows = rows(entityManager.createNativeQuery(THREAD_ACTIVITY)
                .setParameter("closedBefore", now.minus(window).toString())
                .setParameter("window", window.toSeconds() + " seconds"));
        return emails(rows, ThreadMailData.ACTIVITY, (row, items) -> new Activity(items));
    }

    /** One email per member whose question window, opened by the first new question, closed by now. */
    Emails<Questions> questions(Instant now, Duration window) {
        List<Object[]> rows = rows(entityManager.createNativeQuery(QUESTIONS)
                .setParameter("closedBefore", now.minus(window).toString())
                .setParameter("window", window.toSeconds() + " seconds"));
        return emails(rows, ThreadMailData.QUESTIONS, (row, items) -> new Questions(items));
    }

    /** One digest per member whose local digest time has come, of everything pending before it. */
    Emails<Digest> digests(Instant now, LocalTime digestTime) {
        @SuppressWarnings("unchecked")
        List<String> zones = entityManager.createNativeQuery(DIGEST_ZONES).getResultList();
        ArrayNode table = json.createArrayNode();
        for (ZoneClock clock : ZoneClock.at(now, zones)) {
            ZonedDateTime cutoff = clock.latest(digestTime);
            table.addObject().put("time_zone", clock.timeZone()).put("day", cutoff.toLocalDate().toString())
                    .put("cutoff", cutoff.toInstant().toString());
        }
        List<Object[]> rows = rows(entityManager.createNativeQuery(DIGESTS).setParameter("zones", table.toString()));
        return emails(rows, ThreadMailData.DIGEST, (row, items) -> new Digest(LocalDate.parse((String) row[2]), items));
    }

    /** One nudge per question asked in (askedAfter, askedBefore] nobody replied to, and per other member. */
    List<OutboundMail<Unanswered>> unanswered(Instant askedAfter, Instant askedBefore) {
        List<Object[]> rows = rows(entityManager.createNativeQuery(UNANSWERED)
                .setParameter("askedBefore", askedBefore.toString())
                .setParameter("askedAfter", askedAfter.toString()));
        return rows.stream().map(row -> new OutboundMail<>(ThreadMailData.UNANSWERED, uuid(row[1]), (String) row[0],
                new Unanswered(uuid(row[2]), (String) row[3], (String) row[4], (String) row[5], (String) row[6])))
                .toList();
    }

    /** Makes an email's data from its first row and its items. */
    private interface DataOf<T> {
        T of(Object[] firstRow, List<Item> items);
    }

    /** Rows of (dedupe key, member, extra, item…), ordered by email: one email per run of equal keys. */
    private static <T extends Record> Emails<T> emails(List<Object[]> rows, MailKind<T> kind, DataOf<T> data) {
        List<OutboundMail<T>> mails = new ArrayList<>();
        List<UUID> notificationIds = new ArrayList<>(rows.size());
        int start = 0;
        for (int i = 1; i <= rows.size(); i++) {
            if (i == rows.size() || !rows.get(i)[0].equals(rows.get(start)[0])) {
                Object[] first = rows.get(start);
                // A question removed since it was asked is news no more: handled, but not mailed.
                List<Item> items = rows.subList(start, i).stream().map(ThreadMailQueries::item)
                        .filter(item -> item.kind() != Notification.Kind.QUESTION_ASKED || item.question() != null)
                        .toList();
                if (!items.isEmpty()) {
                    mails.add(new OutboundMail<>(kind, uuid(first[1]), (String) first[0], data.of(first, items)));
                }
                start = i;
            }
        }
        rows.forEach(row -> notificationIds.add(uuid(row[3])));
        return new Emails<>(mails, notificationIds);
    }

    private static Item item(Object[] row) {
        return new Item(uuid(row[4]), (String) row[5], (String) row[6], (String) row[7],
                Notification.Kind.valueOf((String) row[8]), (String) row[9], (String) row[10], instant(row[11]));
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query query) {
        return query.getResultList();
    }

    private static UUID uuid(Object value) {
        return value instanceof UUID id ? id : UUID.fromString(value.toString());
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
