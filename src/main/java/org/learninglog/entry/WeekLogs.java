package org.learninglog.entry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.learninglog.api.ETags;
import org.learninglog.api.Problems;
import org.learninglog.identity.Actor;
import org.learninglog.time.Week;

import io.agroal.api.AgroalDataSource;

/**
 * The week's log as one auto-committed statement on a pooled connection (decision 113): the membership check, the
 * entries, the members and the ETag (decision 114), the JSON built by PostgreSQL and passed on as it comes. No JTA
 * transaction, no persistence context, no entities: a single statement reads one snapshot. Its JSON is the
 * contract's `WeekLog`, field for field what {@link EntryViews} writes for an entry (WeekLogTest compares them).
 */
@ApplicationScoped
class WeekLogs {

    /** The log's JSON (null when the client's copy is current) and its ETag. */
    record Log(String json, String etag) {
    }

    // An instant as Jackson writes it (ISO_OFFSET_DATE_TIME in UTC): seconds always, the fraction without trailing
    // zeros, `Z`; PostgreSQL's JSON writes a timestamp so. (No to_char: a colon before a letter, as in `HH24:MI`,
    // would be a variable to the benchmark's pgbench.)
    private static String instant(String column) {
        return "((to_json(" + column + " AT TIME ZONE 'UTC') #>> '{}') || 'Z')";
    }

    private static final String ENTRY_JSON = "json_build_object('id', e.id, 'version', e.version,"
            + " 'groupId', e.group_id, 'week', e.week,"
            + " 'author', json_build_object('id', e.member_id, 'displayName', e.author_name),"
            + " 'tried', e.tried, 'failed', e.failed, 'question', e.question,"
            + " 'tags', coalesce(to_json(e.tags), '[]'::json), 'late', e.late,"
            + " 'questionStatus', CASE WHEN e.question IS NULL OR e.deleted_at IS NOT NULL THEN 'NONE'"
            + " WHEN e.accepted_reply_id IS NOT NULL THEN 'ANSWERED' ELSE 'OPEN' END,"
            + " 'replyCount', e.reply_count,"
            + " 'acceptedReplyId', CASE WHEN e.deleted_at IS NULL THEN e.accepted_reply_id END,"
            + " 'firstReplyAt', " + instant("e.first_reply_at") + ","
            + " 'removed', e.deleted_at IS NOT NULL,"
            + " 'createdAt', " + instant("e.created_at") + ", 'updatedAt', " + instant("e.updated_at") + ","
            + " 'outcome', CASE WHEN e.deleted_at IS NULL THEN e.outcome END,"
            + " 'outcomeNote', CASE WHEN e.deleted_at IS NULL THEN e.outcome_note END,"
            + " 'outcomeOf', CASE WHEN e.deleted_at IS NULL THEN e.outcome_of END)";

    // Who has not posted: active members without a live entry this week; away when their first day back is after
    // the group's log day of the week. Ordered by name as the members of a group are everywhere.
    private static final String WAITING = " FROM roster r WHERE r.active AND r.member_id NOT IN"
            + " (SELECT member_id FROM week_entry WHERE deleted_at IS NULL)";
    private static final String AWAY = "(r.away_until IS NOT NULL AND r.log_day_date < r.away_until)";

    // Changes with any row the log is built from: the group, its memberships, its members, the week's entries and
    // their authors. The '1' is the JSON's format, for a change of how the same rows are written.
    private static final String ETAG = "'\"' || md5('1|' || p.week"
            + " || '|' || coalesce((SELECT string_agg(r.member_id || ':' || r.row_version || ':' || r.member_version,"
            + " ',' ORDER BY r.member_id) FROM roster r), '')"
            + " || '|' || coalesce((SELECT string_agg(e.id || ':' || e.entry_version || ':' || e.author_version,"
            + " ',' ORDER BY e.id) FROM week_entry e), '')) || '\"'";

    private static final String LOG = "WITH p AS (SELECT ?::uuid AS group_id, ?::text AS week, ?::uuid AS actor_id,"
            + " ?::date AS monday, ?::text[] AS known),"
            + " roster AS (SELECT r.member_id, c.display_name, c.active, c.away_until, r.row_version,"
            + " c.row_version AS member_version, p.monday + array_position(ARRAY['MONDAY', 'TUESDAY', 'WEDNESDAY',"
            + " 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY']::text[], r.log_day::text) - 1 AS log_day_date"
            + " FROM p JOIN group_roster r ON r.group_id = p.group_id JOIN member_card c ON c.member_id = r.member_id),"
            + " week_entry AS (SELECT e.*, e.xmin::text AS entry_version, c.display_name AS author_name,"
            + " c.row_version AS author_version"
            + " FROM p JOIN entry e ON e.group_id = p.group_id AND e.week = p.week"
            + " JOIN member_card c ON c.member_id = e.member_id),"
            + " tagged AS (SELECT p.*, " + ETAG + " AS etag FROM p"
            + " WHERE EXISTS (SELECT 1 FROM roster r WHERE r.member_id = p.actor_id))"
            + " SELECT p.etag, CASE WHEN p.known IS NULL OR NOT ('*' = ANY (p.known) OR p.etag = ANY (p.known))"
            + " THEN json_strip_nulls(json_build_object('groupId', p.group_id, 'week', p.week,"
            + " 'entries', coalesce((SELECT json_agg(" + ENTRY_JSON + " ORDER BY e.created_at, e.id)"
            + " FROM week_entry e), '[]'::json),"
            + " 'memberCount', (SELECT count(*) FROM roster),"
            + " 'postedCount', (SELECT count(DISTINCT member_id) FROM week_entry WHERE deleted_at IS NULL),"
            + " 'notPosted', coalesce((SELECT json_agg(json_build_object('id', r.member_id, 'displayName',"
            + " r.display_name) ORDER BY lower(r.display_name), r.member_id)" + WAITING + " AND NOT " + AWAY
            + "), '[]'::json),"
            + " 'away', coalesce((SELECT json_agg(json_build_object('id', r.member_id, 'displayName',"
            + " r.display_name, 'awayUntil', to_char(r.away_until, 'YYYY-MM-DD'))"
            + " ORDER BY lower(r.display_name), r.member_id)" + WAITING + " AND " + AWAY + "), '[]'::json)))::text"
            + " END FROM tagged p";

    private static final String ZONE = "SELECT time_zone FROM member_recipient WHERE member_id = ?";

    private final AgroalDataSource dataSource;

    WeekLogs(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The week's log for a member of the group, or only its ETag when it is among `known` (the client's
     * If-None-Match; `*` for any); 404 for anyone else.
     */
    Log read(Actor actor, UUID groupId, Week week, List<String> known) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(LOG)) {
            statement.setObject(1, groupId);
            statement.setString(2, week.toString());
            statement.setObject(3, actor.id());
            statement.setObject(4, week.monday());
            if (known == null) {
                statement.setNull(5, Types.ARRAY);
            } else {
                statement.setArray(5, connection.createArrayOf("text", known.toArray()));
            }
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw Problems.notFound("Group");
                }
                return new Log(row.getString(2), row.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the week's log", e);
        }
    }

    /** The member's time zone, for the week that is `current` for them. */
    ZoneId zoneOf(UUID memberId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(ZONE)) {
            statement.setObject(1, memberId);
            try (ResultSet row = statement.executeQuery()) {
                return Optional.ofNullable(row.next() ? row.getString(1) : null).map(ZoneId::of)
                        .orElseThrow(() -> Problems.notFound("Group"));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the member's time zone", e);
        }
    }

    /** The entity tags of an If-None-Match header, weak ones compared as strong (RFC 9110 13.1.2). */
    static List<String> tags(String ifNoneMatch) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return null;
        }
        return ETags.listed(ifNoneMatch).stream().map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag).toList();
    }
}
