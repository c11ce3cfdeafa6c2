package org.learninglog.reminder;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.learninglog.api.Keyset;
import org.learninglog.api.Page;
import org.learninglog.mail.Outbox;
import org.learninglog.time.Week;
import org.learninglog.time.ZoneClock;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * The reminder rules as SQL, the reminder feature's only SQL, shared by the job and the preview so the two
 * cannot disagree. It reads other features through the views they own: `group_open_membership` and
 * `group_directory` (group), `member_recipient` (member), `entry_posted` (entry), `mail_enqueued` (mail).
 *
 * <p>For each membership of an open group, the member's local clock (a `zone_clock` table of
 * {@link ZoneClock}s, handed over as JSON) decides which nudge applies in the member's current ISO week: the
 * `FOLLOW_UP` once the group's follow-up day and time have come, else the `REMINDER` once the log day and
 * reminder time have come, else none. The comparison is between local wall-clock times: when a DST change
 * skips the reminder time (02:30 on a spring-forward night) the local clock jumps past it, and the reminder
 * fires at the first run after the jump; a repeated hour (fall back) passes the time twice but the dedupe key
 * enqueues it once. Only the current week is ever looked at, so a run after downtime catches up within the
 * week and never for a past week; a catch-up that finds the follow-up due sends only the follow-up.
 */
@ApplicationScoped
class ReminderQueries {

    private static final String ZONES = "SELECT DISTINCT time_zone FROM member_recipient";

    private static final String DAYS = "ARRAY['MONDAY','TUESDAY','WEDNESDAY','THURSDAY','FRIDAY','SATURDAY','SUNDAY']";

    /** The `zone_clock` table, from the `:zones` parameter. */
    private static final String ZONE_CLOCK = """
            zone_clock AS (
                SELECT z.time_zone, z.local_now, z.monday, z.week, z.previous_week
                FROM jsonb_to_recordset(CAST(:zones AS jsonb))
                     AS z(time_zone text, local_now timestamp, monday date, week text, previous_week text)
            )""";

    /** Memberships with their member, clock and applicable nudge; `%2$s` adds conditions. */
    private static final String NUDGE = """
            nudge AS (
                SELECT ms.group_id, ms.group_name, m.member_id, m.display_name, m.email, m.language, m.time_zone,
                       m.active, m.reminders, m.away_until, c.local_now, c.week, c.previous_week,
                       CASE
                           WHEN ms.follow_up_day IS NOT NULL
                                AND c.local_now >= (c.monday
                                                    + (array_position(%1$s, CAST(ms.follow_up_day AS text)) - 1))
                                                   + ms.follow_up_time
                               THEN 'FOLLOW_UP'
                           WHEN c.local_now >= (c.monday + (array_position(%1$s, CAST(ms.log_day AS text)) - 1))
                                               + ms.reminder_time
                               THEN 'REMINDER'
                       END AS nudge
                FROM group_open_membership ms
                JOIN member_recipient m ON m.member_id = ms.member_id
                JOIN zone_clock c ON c.time_zone = m.time_zone
                WHERE true %2$s
            )""";

    /**
     * The outbox dedupe key of a nudge row `n`: `reminder:{memberId}:{groupId}:{week}` (or `follow-up:…`). The member
     * comes first so that a scan inserting in member order fills both the key's index and the recipient's from left to
     * right (decision 140).
     */
    private static final String DEDUPE_KEY = "CASE n.nudge WHEN 'REMINDER' THEN 'reminder:' ELSE 'follow-up:' END"
            + " || n.member_id || ':' || n.group_id || ':' || n.week";

    private static final String POSTED = """
            EXISTS (SELECT 1 FROM entry_posted e
                     WHERE e.group_id = n.group_id AND e.member_id = n.member_id AND e.week = n.week)""";

    private static final String AWAY = "(n.away_until IS NOT NULL AND n.away_until > CAST(n.local_now AS date))";

    private static final String ENQUEUED = "EXISTS (SELECT 1 FROM mail_enqueued o WHERE o.dedupe_key = "
            + DEDUPE_KEY + ")";

    /**
     * The reminders due at the `:zones` clock among the memberships of members from `:fromMember` to `:toMember`
     * (inclusive): members who are active, want reminders, are not away, have not posted this week and
     * have not had this nudge yet, with last week's question of the member in the group and its first replies (read
     * only for those who asked one: a lateral join ran the replies' subquery for each of 760,000 rows). It
     * yields the outbox's columns ({@link Outbox#enqueueSelected}): `data` is the {@link ReminderMail} as its kind
     * writes it, every component present. The rows come in the order of their dedupe keys (member, then group: the
     * key starts with both, and a uuid's text sorts as its value), so the outbox's unique index on the key and its index
     * of recipients are filled from left to right, a page at a time, instead of at random places all over them
     * (decisions 131, 140).
     */
    private static final String DUE = "WITH " + ZONE_CLOCK + ",\n"
            + NUDGE.formatted(DAYS, "AND m.active AND m.reminders AND ms.member_id BETWEEN CAST(:fromMember AS uuid)"
                    + " AND CAST(:toMember AS uuid)")
            + """
                    ,
                    due AS (
                        SELECT n.*, %s AS dedupe_key
                        FROM nudge n
                        WHERE n.nudge IS NOT NULL
                          AND NOT %s
                          AND NOT %s
                          AND NOT %s
                    )
                    SELECT d.dedupe_key, d.nudge AS kind, d.member_id, d.email AS address, d.language,
                           jsonb_build_object('displayName', d.display_name, 'groupId', d.group_id,
                                              'groupName', d.group_name, 'week', d.week,
                                              'lastQuestion', last.question,
                                              'lastQuestionAnswered', COALESCE(last.answered, false),
                                              'lastReplies', CASE WHEN last.entry_id IS NULL THEN CAST('[]' AS jsonb) ELSE
                        COALESCE((
                            SELECT jsonb_agg(jsonb_build_object('authorName', a.display_name, 'body', left(r.body, 600),
                                                                'accepted', r.accepted) ORDER BY r.accepted DESC, r.created_at)
                            FROM (SELECT t.author_id, t.body, t.created_at,
                                         COALESCE(t.reply_id = last.accepted_reply_id, false) AS accepted
                                  FROM thread_reply t WHERE t.entry_id = last.entry_id
                                  ORDER BY COALESCE(t.reply_id = last.accepted_reply_id, false) DESC, t.created_at
                                  LIMIT 3) r
                            JOIN member_name a ON a.member_id = r.author_id), CAST('[]' AS jsonb)) END) AS data
                    FROM due d
                    LEFT JOIN entry_posted last ON last.group_id = d.group_id AND last.member_id = d.member_id
                                               AND last.week = d.previous_week AND last.question IS NOT NULL
                    ORDER BY d.member_id, d.group_id
                    """.formatted(DEDUPE_KEY, AWAY, POSTED, ENQUEUED);

    /**
     * The scan goes through the members in this many slices of their ids, one transaction each: a transaction stays
     * bounded, and instances scanning at the same time share the slices. As many as {@link ReminderJob#SCANNERS}: each
     * slice reads every member and the outbox's keys whatever its size (at a million members, 4 slices cost 15 % more
     * of PostgreSQL's CPU than 2, decision 131), and a slice of half a million memberships takes seconds.
     */
    static final int SLICES = 2;

    /**
     * The preview of the members of the groups in `:groupIds` (comma-separated), with the outcome for each;
     * the reasons are checked in the order the contract documents.
     */
    private static final String PREVIEW = "WITH " + ZONE_CLOCK + ",\n"
            + NUDGE.formatted(DAYS, "AND ms.group_id = ANY (CAST(string_to_array(:groupIds, ',') AS uuid[]))") + """

            SELECT n.group_id, n.member_id, n.display_name, n.time_zone,
                   to_char(n.local_now, 'YYYY-MM-DD"T"HH24:MI') AS local_time, n.week, n.nudge,
                   CASE
                       WHEN NOT n.active THEN 'INACTIVE'
                       WHEN NOT n.reminders THEN 'OPTED_OUT'
                       WHEN %s THEN 'POSTED'
                       WHEN %s THEN 'AWAY'
                       WHEN n.nudge IS NULL THEN 'NOT_YET'
                       WHEN %s THEN 'ALREADY_SENT'
                       ELSE 'REMIND'
                   END AS outcome
            FROM nudge n
            ORDER BY lower(n.display_name), n.member_id
            """.formatted(POSTED, AWAY, ENQUEUED);

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Outbox outbox;

    ReminderQueries(EntityManager entityManager, ObjectMapper json, Outbox outbox) {
        this.entityManager = entityManager;
        this.json = json;
        this.outbox = outbox;
    }

    /** The `:zones` parameter: the clock at the instant of every time zone a member lives in. */
    String zoneClocks(Instant instant) {
        @SuppressWarnings("unchecked")
        List<String> zones = entityManager.createNativeQuery(ZONES).getResultList();
        ArrayNode table = json.createArrayNode();
        for (ZoneClock clock : ZoneClock.at(instant, zones)) {
            Week week = clock.week();
            table.addObject()
                    .put("time_zone", clock.timeZone())
                    // The database keeps microseconds; truncating never makes a reminder time come early.
                    .put("local_now", clock.localNow().truncatedTo(ChronoUnit.MICROS).toString())
                    .put("monday", week.monday().toString())
                    .put("week", week.toString())
                    .put("previous_week", week.previous().toString());
        }
        return table.toString();
    }

    /**
     * Enqueues the reminders due at the `:zones` clock in one slice of the members (0 to {@link #SLICES} - 1), which
     * no other enqueue may be writing at the same time (the caller holds the slice's lock).
     *
     * @throws Outbox.AlreadyEnqueued when a reminder was enqueued after the statement began: nothing of the slice was
     *                                written, and a new attempt leaves that reminder out
     */
    int enqueueDue(String zones, int slice) {
        return outbox.enqueueSelected(DUE, query -> query.setParameter("zones", zones)
                .setParameter("fromMember", "%08x-0000-0000-0000-000000000000".formatted(sliceStart(slice)))
                .setParameter("toMember", "%08x-ffff-ffff-ffff-ffffffffffff".formatted(sliceStart(slice + 1) - 1)));
    }

    /** The first 32 bits of a slice's first member id: slices split them evenly. */
    private static long sliceStart(int slice) {
        return 0x1_0000_0000L / SLICES * slice;
    }

    /** An open group as the preview pages them. */
    record OpenGroup(UUID groupId, String name) {
    }

    /** Open groups (or the one asked for) by name, a page after the cursor's. */
    Page<OpenGroup> openGroups(UUID groupId, String cursor, Integer limit) {
        // Both sides of the name comparison are lower-cased by the database: the cursor holds the name as stored.
        Keyset keyset = Keyset.of(cursor, limit, Keyset.Key.ignoringCase("g.name"), Keyset.Key.uuid("g.group_id"));
        String one = groupId == null ? "" : " AND g.group_id = :groupId";
        Query query = keyset.bind(entityManager.createNativeQuery("SELECT g.group_id, g.name FROM group_directory g"
                + " WHERE NOT g.archived" + one + keyset.and() + " ORDER BY " + keyset.orderBy()))
                .setMaxResults(keyset.fetchSize());
        if (groupId != null) {
            query.setParameter("groupId", groupId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> found = query.getResultList();
        List<OpenGroup> groups = found.stream().map(r -> new OpenGroup(uuid(r[0]), (String) r[1])).toList();
        return keyset.page(groups, g -> List.of(g.name(), g.groupId()));
    }

    /** What the reminder job would do for each member of these groups at the `:zones` clock, by group. */
    Map<UUID, List<ReminderPreview.MemberPreview>> outcomes(String zones, List<UUID> groupIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(PREVIEW)
                .setParameter("zones", zones)
                .setParameter("groupIds", groupIds.stream().map(UUID::toString).collect(Collectors.joining(",")))
                .getResultList();
        Map<UUID, List<ReminderPreview.MemberPreview>> byGroup = new LinkedHashMap<>();
        for (Object[] row : rows) {
            byGroup.computeIfAbsent(uuid(row[0]), id -> new ArrayList<>()).add(new ReminderPreview.MemberPreview(
                    uuid(row[1]), (String) row[2], (String) row[3], (String) row[4], (String) row[5], (String) row[6],
                    (String) row[7]));
        }
        return byGroup;
    }

    private static UUID uuid(Object value) {
        return value instanceof UUID id ? id : UUID.fromString(value.toString());
    }
}
