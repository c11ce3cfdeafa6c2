package org.learninglog.reminder;

/**
 * The reminder rules as SQL, shared by the reminder job and the preview so the two cannot disagree.
 *
 * <p>For each membership of a non-archived group, the member's local clock (from {@link ZoneClocks}) decides
 * which nudge applies in the member's current ISO week: the `FOLLOW_UP` once the group's follow-up day and
 * time have come, else the `REMINDER` once the log day and reminder time have come, else none. The
 * comparison is between local wall-clock times: when a DST change skips the reminder time (02:30 on a
 * spring-forward night) the local clock jumps past it, and the reminder fires at the first run after the
 * jump; a repeated hour (fall back) passes the time twice but the dedupe key enqueues it once. Only the
 * current week is ever looked at, so a run after downtime catches up within the week and never for a past
 * week; a catch-up that finds the follow-up due sends only the follow-up, not both at once.
 */
final class ReminderSql {

    private ReminderSql() {
    }

    private static final String DAYS = "ARRAY['MONDAY','TUESDAY','WEDNESDAY','THURSDAY','FRIDAY','SATURDAY','SUNDAY']";

    /** Memberships with their member, clock and applicable nudge; `%s` adds conditions. */
    private static final String NUDGE = """
            nudge AS (
                SELECT ms.group_id, g.name AS group_name, m.id AS member_id, m.display_name, m.time_zone,
                       m.active, m.reminders, m.away_until, c.local_now, c.week, c.previous_week,
                       CASE
                           WHEN g.follow_up_day IS NOT NULL
                                AND c.local_now >= (c.monday + (array_position(%1$s, CAST(g.follow_up_day AS text)) - 1))
                                                   + g.follow_up_time
                               THEN 'FOLLOW_UP'
                           WHEN c.local_now >= (c.monday + (array_position(%1$s, CAST(g.log_day AS text)) - 1))
                                               + g.reminder_time
                               THEN 'REMINDER'
                       END AS nudge
                FROM membership ms
                JOIN learning_group g ON g.id = ms.group_id
                JOIN member m ON m.id = ms.member_id
                JOIN zone_clock c ON c.time_zone = m.time_zone
                WHERE NOT g.archived %2$s
            )""";

    /** The outbox dedupe key of a nudge row `n`. */
    static final String DEDUPE_KEY = "CASE n.nudge WHEN 'REMINDER' THEN 'reminder:' ELSE 'follow-up:' END"
            + " || n.group_id || ':' || n.member_id || ':' || n.week";

    private static final String POSTED = """
            EXISTS (SELECT 1 FROM entry e
                     WHERE e.group_id = n.group_id AND e.member_id = n.member_id AND e.week = n.week
                       AND e.deleted_at IS NULL)""";

    private static final String AWAY = "(n.away_until IS NOT NULL AND n.away_until > CAST(n.local_now AS date))";

    private static final String ENQUEUED = "EXISTS (SELECT 1 FROM outbound_email o WHERE o.dedupe_key = " + DEDUPE_KEY + ")";

    /**
     * The reminders due at the `:zones` clock, as an {@link org.learninglog.mail.Outbox#enqueueAll} source:
     * members who are active, want reminders, are not away, have not posted this week and have not had this
     * nudge yet. The template data carries last week's question of the member in the group, if any.
     */
    static final String DUE = "WITH " + ZoneClocks.CTE + ",\n"
            + NUDGE.formatted(DAYS, "AND m.active AND m.reminders") + """
            ,
            due AS (
                SELECT n.*, %s AS dedupe_key
                FROM nudge n
                WHERE n.nudge IS NOT NULL
                  AND NOT %s
                  AND NOT %s
                  AND NOT %s
            )
            SELECT d.dedupe_key, d.nudge AS kind, d.member_id,
                   jsonb_build_object('displayName', d.display_name, 'groupId', d.group_id, 'groupName', d.group_name,
                                      'week', d.week, 'lastQuestion', last.question,
                                      'lastQuestionAnswered', last.accepted_reply_id IS NOT NULL) AS template_data
            FROM due d
            LEFT JOIN entry last ON last.group_id = d.group_id AND last.member_id = d.member_id
                                AND last.week = d.previous_week AND last.deleted_at IS NULL
                                AND last.question IS NOT NULL
            """.formatted(DEDUPE_KEY, AWAY, POSTED, ENQUEUED);

    /**
     * The preview of the members of the groups in `:groupIds` (comma-separated), with the outcome for each;
     * the reasons are checked in the order the contract documents.
     */
    static final String PREVIEW = "WITH " + ZoneClocks.CTE + ",\n"
            + NUDGE.formatted(DAYS, "AND g.id = ANY (CAST(string_to_array(:groupIds, ',') AS uuid[]))") + """

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
}
