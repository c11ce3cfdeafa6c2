package org.learninglog.insights;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.learninglog.time.Week;

/**
 * The SQL of the insights: aggregates over the views the entry, thread, group and member features publish (V24),
 * so no entry is ever loaded. One statement answers every week, every period's totals, per group and for all
 * groups, by GROUPING SETS.
 */
@ApplicationScoped
class InsightQueries {

    /** The period a week belongs to: the one asked for, or the one of the same length just before it. */
    enum Period {
        PREVIOUS, CURRENT
    }

    /**
     * Which figures a row of counts is for.
     *
     * @param groupId null for all groups together
     * @param week    null for the period's totals
     */
    record Key(UUID groupId, Period period, String week) {
    }

    /**
     * The counts the figures are made of; the percentiles in seconds, null without a reply; the outcomes told of
     * accepted answers, in all and by outcome.
     */
    record Counts(long members, long posted, long late, long away, long questions, long questionsReplied,
            long questionsAnswered, Double medianSeconds, Double p90Seconds, long withinHour, long withinDay,
            long repliers, Outcomes outcomes) {

        static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, null, null, 0, 0, 0, Outcomes.NONE);
    }

    /** How many outcomes of accepted answers were told, and how many of each. */
    record Outcomes(long told, long worked, long partly, long didNotWork, long notTriedYet) {

        static final Outcomes NONE = new Outcomes(0, 0, 0, 0, 0);

        Outcomes plus(Outcomes other) {
            return new Outcomes(told + other.told, worked + other.worked, partly + other.partly,
                    didNotWork + other.didNotWork, notTriedYet + other.notTriedYet);
        }
    }

    /** A group as the organisation's insights list it, with its active members now. */
    record GroupRow(UUID groupId, String name, boolean archived, long activeMembers) {
    }

    // The weeks come as parallel lists: the week, its Monday, its period. A member counts for a week when they
    // joined before it ended (Monday 00:00 UTC after it) or posted for it; away when they did not post and their
    // awayUntil is after the group's log day of that week (what the reminders skip, decision 83).
    private static final String FIGURES = """
            WITH weeks AS MATERIALIZED (
                SELECT w.week, w.monday, w.period
                FROM unnest(string_to_array(:weeks, ','), CAST(string_to_array(:mondays, ',') AS date[]),
                            CAST(string_to_array(:periods, ',') AS int[])) AS w(week, monday, period)
            ),
            groups AS MATERIALIZED (
                SELECT c.group_id,
                       array_position(ARRAY['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY',
                                            'SUNDAY']::text[], CAST(c.log_day AS text)) - 1 AS log_offset
                FROM group_cadence c
                %s
            ),
            -- The groups' current active members: the Monday of the week they joined in (UTC), until when they
            -- are away. A member counts for a week when they joined before it ended, i.e. in it or before.
            roster AS MATERIALIZED (
                SELECT ms.group_id, ms.member_id,
                       CAST(date_trunc('week', ms.joined_at AT TIME ZONE 'UTC') AS date) AS joined_monday,
                       r.away_until, g.log_offset
                FROM groups g
                JOIN group_member_since ms ON ms.group_id = g.group_id
                JOIN member_recipient r ON r.member_id = ms.member_id AND r.active
            ),
            -- Per group and week: the members who had joined by its end, and those of them away on its log day;
            -- the roster first counted by what decides both, so each week joins a few rows per group.
            joined AS (
                SELECT r.group_id, w.period, w.week,
                       sum(r.n) AS members,
                       coalesce(sum(r.n) FILTER (WHERE r.away_until > w.monday + r.log_offset), 0) AS away
                FROM (SELECT group_id, joined_monday, away_until, log_offset, count(*) AS n
                      FROM roster GROUP BY group_id, joined_monday, away_until, log_offset) r
                JOIN weeks w ON r.joined_monday <= w.monday
                GROUP BY r.group_id, w.period, w.week
            ),
            -- Per group and week: the roster's members who posted; those who joined later count too, the away ones
            -- not as away. A left join: the planner cannot guess fewer rows than entries (the inner join on two
            -- columns it guessed at 133 of 57,600, and sorted them on disk), so it counts them in one hash.
            posted AS (
                SELECT e.group_id, w.period, w.week,
                       count(r.member_id) AS posted,
                       count(r.member_id) FILTER (WHERE e.late) AS late,
                       count(r.member_id) FILTER (WHERE r.joined_monday > w.monday) AS joined_later,
                       count(r.member_id) FILTER (WHERE r.joined_monday <= w.monday
                                                   AND r.away_until > w.monday + r.log_offset) AS away_posted
                FROM groups g
                JOIN entry_activity e ON e.group_id = g.group_id
                JOIN weeks w ON w.week = e.week
                LEFT JOIN roster r ON r.group_id = e.group_id AND r.member_id = e.member_id
                WHERE e.week BETWEEN :first AND :last
                GROUP BY e.group_id, w.period, w.week
            ),
            people AS (
                SELECT coalesce(j.group_id, p.group_id) AS group_id, coalesce(j.period, p.period) AS period,
                       coalesce(j.week, p.week) AS week,
                       coalesce(j.members, 0) + coalesce(p.joined_later, 0) AS members,
                       coalesce(p.posted, 0) AS posted, coalesce(p.late, 0) AS late,
                       coalesce(j.away, 0) - coalesce(p.away_posted, 0) AS away
                FROM joined j
                FULL JOIN posted p ON p.group_id = j.group_id AND p.period = j.period AND p.week = j.week
                WHERE j.group_id IS NOT NULL OR p.posted > 0
            ),
            -- The questions of those weeks.
            asked AS (
                SELECT e.group_id, w.period, w.week, e.entry_id, e.answered, e.first_reply_at IS NOT NULL AS replied,
                       CASE WHEN e.first_reply_at IS NOT NULL
                            THEN extract(epoch FROM greatest(e.first_reply_at - e.created_at, interval '0')) END AS wait
                FROM groups g
                JOIN entry_activity e ON e.group_id = g.group_id
                JOIN weeks w ON w.week = e.week
                WHERE e.asked AND e.week BETWEEN :first AND :last
            )
            SELECT 'P', grouping(group_id), grouping(week), group_id, period, week,
                   sum(members), sum(posted), sum(late), sum(away),
                   CAST(NULL AS bigint), CAST(NULL AS bigint), CAST(NULL AS bigint),
                   CAST(NULL AS double precision), CAST(NULL AS double precision), CAST(NULL AS bigint),
                   CAST(NULL AS bigint), CAST(NULL AS bigint),
                   CAST(NULL AS bigint), CAST(NULL AS bigint), CAST(NULL AS bigint), CAST(NULL AS bigint),
                   CAST(NULL AS bigint)
            FROM people
            GROUP BY GROUPING SETS ((group_id, period, week), (group_id, period), (period, week), (period))
            UNION ALL
            SELECT 'Q', grouping(group_id), grouping(week), group_id, period, week,
                   NULL, NULL, NULL, NULL,
                   count(*), count(*) FILTER (WHERE replied), count(*) FILTER (WHERE answered),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY wait), percentile_cont(0.9) WITHIN GROUP (ORDER BY wait),
                   count(*) FILTER (WHERE wait <= 3600), count(*) FILTER (WHERE wait <= 86400), NULL,
                   NULL, NULL, NULL, NULL, NULL
            FROM asked
            GROUP BY GROUPING SETS ((group_id, period, week), (group_id, period), (period, week), (period))
            UNION ALL
            SELECT 'R', grouping(a.group_id), grouping(a.week), a.group_id, a.period, a.week,
                   NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, count(DISTINCT t.member_id),
                   NULL, NULL, NULL, NULL, NULL
            FROM asked a
            JOIN thread_replier t ON t.entry_id = a.entry_id
            GROUP BY GROUPING SETS ((a.group_id, a.period, a.week), (a.group_id, a.period), (a.period, a.week),
                                    (a.period))
            UNION ALL
            -- The outcomes of accepted answers, in the week of the question (told in the asker's next entry).
            SELECT 'O', grouping(a.group_id), grouping(a.week), a.group_id, a.period, a.week,
                   NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                   count(*), count(*) FILTER (WHERE o.outcome = 'WORKED'), count(*) FILTER (WHERE o.outcome = 'PARTLY'),
                   count(*) FILTER (WHERE o.outcome = 'DID_NOT_WORK'),
                   count(*) FILTER (WHERE o.outcome = 'NOT_TRIED_YET')
            FROM asked a
            JOIN entry_outcome o ON o.outcome_of = a.entry_id
            WHERE a.answered
            GROUP BY GROUPING SETS ((a.group_id, a.period, a.week), (a.group_id, a.period), (a.period, a.week),
                                    (a.period))
            """;

    private static final String GROUPS = """
            SELECT c.group_id, c.name, c.archived, count(r.member_id)
            FROM group_cadence c
            LEFT JOIN group_member_since ms ON ms.group_id = c.group_id
            LEFT JOIN member_recipient r ON r.member_id = ms.member_id AND r.active
            GROUP BY c.group_id, c.name, c.archived
            ORDER BY lower(c.name), c.group_id
            """;

    private final EntityManager entityManager;

    InsightQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The time zone of a member, for their current week. */
    Optional<ZoneId> zoneOf(UUID memberId) {
        List<?> zones = entityManager
                .createNativeQuery("SELECT r.time_zone FROM member_recipient r WHERE r.member_id = ?1")
                .setParameter(1, memberId).getResultList();
        return zones.stream().findFirst().map(zone -> ZoneId.of((String) zone));
    }

    /** The group's name. */
    String groupName(UUID groupId) {
        return (String) entityManager.createNativeQuery("SELECT c.name FROM group_cadence c WHERE c.group_id = ?1")
                .setParameter(1, groupId).getSingleResult();
    }

    /** Every group, by name, with its number of active members. */
    List<GroupRow> groups() {
        List<Object[]> rows = rows(entityManager.createNativeQuery(GROUPS).getResultList());
        return rows.stream().map(r -> new GroupRow((UUID) r[0], (String) r[1], (Boolean) r[2],
                ((Number) r[3]).longValue())).toList();
    }

    /**
     * The counts of every week of both periods and of each period, for each group and for all of them.
     *
     * @param groupId one group, or null for all
     */
    Map<Key, Counts> counts(UUID groupId, List<Week> previous, List<Week> current) {
        StringBuilder weeks = new StringBuilder();
        StringBuilder mondays = new StringBuilder();
        StringBuilder periods = new StringBuilder();
        append(previous, Period.PREVIOUS, weeks, mondays, periods);
        append(current, Period.CURRENT, weeks, mondays, periods);
        var query = entityManager.createNativeQuery(
                FIGURES.formatted(groupId == null ? "" : "WHERE c.group_id = CAST(:groupId AS uuid)"))
                .setParameter("weeks", weeks.toString())
                .setParameter("mondays", mondays.toString())
                .setParameter("periods", periods.toString())
                .setParameter("first", (previous.isEmpty() ? current : previous).get(0).toString())
                .setParameter("last", current.get(current.size() - 1).toString());
        if (groupId != null) {
            query.setParameter("groupId", groupId.toString());
        }
        Map<Key, Counts> counts = new HashMap<>();
        for (Object[] row : rows(query.getResultList())) {
            boolean allGroups = ((Number) row[1]).intValue() == 1;
            boolean allWeeks = ((Number) row[2]).intValue() == 1;
            Key key = new Key(allGroups ? null : (UUID) row[3], Period.values()[((Number) row[4]).intValue()],
                    allWeeks ? null : (String) row[5]);
            counts.merge(key, counts((String) row[0], row), InsightQueries::add);
        }
        return counts;
    }

    private static Counts counts(String kind, Object[] r) {
        return switch (kind) {
            case "P" -> new Counts(count(r[6]), count(r[7]), count(r[8]), count(r[9]), 0, 0, 0, null, null, 0, 0, 0,
                    Outcomes.NONE);
            case "Q" -> new Counts(0, 0, 0, 0, count(r[10]), count(r[11]), count(r[12]), seconds(r[13]),
                    seconds(r[14]), count(r[15]), count(r[16]), 0, Outcomes.NONE);
            case "O" -> new Counts(0, 0, 0, 0, 0, 0, 0, null, null, 0, 0, 0,
                    new Outcomes(count(r[18]), count(r[19]), count(r[20]), count(r[21]), count(r[22])));
            default -> new Counts(0, 0, 0, 0, 0, 0, 0, null, null, 0, 0, count(r[17]), Outcomes.NONE);
        };
    }

    /** Two rows of the same key come from different parts of the statement, so each figure is in one of them. */
    private static Counts add(Counts a, Counts b) {
        return new Counts(a.members() + b.members(), a.posted() + b.posted(), a.late() + b.late(),
                a.away() + b.away(), a.questions() + b.questions(), a.questionsReplied() + b.questionsReplied(),
                a.questionsAnswered() + b.questionsAnswered(),
                a.medianSeconds() != null ? a.medianSeconds() : b.medianSeconds(),
                a.p90Seconds() != null ? a.p90Seconds() : b.p90Seconds(), a.withinHour() + b.withinHour(),
                a.withinDay() + b.withinDay(), a.repliers() + b.repliers(), a.outcomes().plus(b.outcomes()));
    }

    private static void append(List<Week> weeks, Period period, StringBuilder texts, StringBuilder mondays,
            StringBuilder periods) {
        for (Week week : weeks) {
            String separator = texts.isEmpty() ? "" : ",";
            texts.append(separator).append(week);
            mondays.append(separator).append(week.monday());
            periods.append(separator).append(period.ordinal());
        }
    }

    private static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Double seconds(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(List<?> rows) {
        return (List<Object[]>) rows;
    }
}
