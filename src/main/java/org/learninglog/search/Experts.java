package org.learninglog.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.learninglog.api.Keyset;
import org.learninglog.api.NamedStatements;
import org.learninglog.api.Page;
import org.learninglog.identity.Actor;

import io.agroal.api.AgroalDataSource;

/**
 * Who knows what: the members whose replies were accepted on questions of a topic. Counted in the groups of the
 * member who asks; across the organisation only for members who share their expertise (`member_sharing_expertise`,
 * member's view), and then nothing but their name, the tags and the counts.
 *
 * <p>One statement, on a pooled connection: in auto-commit for a request, as search (decision 127), in the caller's
 * transaction for the suggestions' job.
 */
@ApplicationScoped
public class Experts {

    public record Expert(UUID memberId, String displayName, int acceptedCount, Instant lastAcceptedAt,
            List<String> topics, boolean inMyGroups) {
    }

    private static final String CONFIGS = "SELECT CAST(c AS regconfig) AS config FROM unnest(ARRAY['search_english',"
            + " 'search_german', 'search_spanish', 'search_simple']) c";

    /** Most accepted answers first, then the most recent. */
    private static final Keyset.Key[] BY_ANSWERS = { Keyset.Key.integer("answers").descending(),
        Keyset.Key.instant("last_at").descending(), Keyset.Key.uuid("author_id") };

    private final AgroalDataSource dataSource;

    Experts(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Page<Expert> find(Actor actor, String topic, Integer limit, String cursor) {
        String words = SearchQuery.words("topic", topic);
        return find(actor.id(), "websearch_to_tsquery(c.config, :topic)", words, null, Keyset.of(cursor, limit,
                BY_ANSWERS));
    }

    /**
     * Up to `limit` experts on any of the words or tags of a question, whom its asker may see, leaving out the asker
     * and whoever replied in its thread already.
     */
    List<Expert> forQuestion(UUID askerId, UUID entryId, String words, int limit) {
        return find(askerId, GroupMemory.ANY_WORD.formatted("c.config", ":topic"), words, entryId,
                Keyset.of(null, limit, BY_ANSWERS))
                        .items();
    }

    private Page<Expert> find(UUID memberId, String tsquery, String words, UUID excludingThread, Keyset keyset) {
        String excluding = excludingThread == null ? ""
                : " AND r.author_id <> :me AND NOT EXISTS (SELECT 1 FROM search_document x"
                        + " WHERE x.entry_id = :entry AND x.author_id = r.author_id)";
        String sql = "WITH mine AS (SELECT ms.group_id FROM group_membership ms WHERE ms.member_id = :me),"
                + " q AS (SELECT c.config, " + tsquery + " AS query FROM (" + CONFIGS + ") c),"
                // In my groups: their answered questions on the topic (the index by group and words), and the
                // accepted answers to them.
                + " accepted AS (SELECT r.author_id, r.created_at, t.tags, true AS mine"
                + "   FROM mine m JOIN q ON true"
                + "   JOIN search_document t ON t.group_id = m.group_id AND t.config = q.config"
                + "   JOIN search_document r ON r.entry_id = t.entry_id AND r.kind = 'REPLY' AND r.accepted"
                + "   WHERE t.kind = 'ENTRY' AND t.answered AND t.document @@ q.query" + excluding
                // Beyond them: the accepted answers of those who share their expertise, on questions of the topic.
                + "   UNION ALL SELECT r.author_id, r.created_at, t.tags, false AS mine"
                + "   FROM member_sharing_expertise s"
                + "   JOIN search_document r ON r.author_id = s.member_id AND r.kind = 'REPLY' AND r.accepted"
                + "   JOIN search_document t ON t.id = r.entry_id AND t.kind = 'ENTRY'"
                + "   JOIN q ON t.config = q.config"
                + "   WHERE t.document @@ q.query AND r.group_id NOT IN (SELECT group_id FROM mine)" + excluding + "),"
                + " experts AS (SELECT author_id, CAST(count(*) AS integer) AS answers, max(created_at) AS last_at,"
                + "   bool_or(mine) AS in_my_groups FROM accepted GROUP BY author_id)"
                + " SELECT e.author_id, a.display_name, e.answers, e.last_at, e.in_my_groups,"
                + " (SELECT string_agg(s.t, ',' ORDER BY s.n DESC, s.t) FROM (SELECT CAST(t AS text) AS t, count(*) AS n"
                + "   FROM accepted x, unnest(x.tags) t WHERE x.author_id = e.author_id GROUP BY t"
                + "   ORDER BY count(*) DESC, t LIMIT 5) s) AS topics"
                + " FROM experts e JOIN member_name a ON a.member_id = e.author_id"
                + " WHERE true" + keyset.and() + " ORDER BY " + keyset.orderBy();
        Map<String, Object> parameters = new HashMap<>(keyset.parameters());
        parameters.put("me", memberId);
        parameters.put("topic", words);
        parameters.put("entry", excludingThread);
        List<Expert> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = NamedStatements.prepare(connection,
                        sql + " LIMIT " + keyset.fetchSize(), parameters);
                ResultSet r = statement.executeQuery()) {
            while (r.next()) {
                rows.add(new Expert(r.getObject(1, UUID.class), r.getString(2), r.getInt(3),
                        r.getObject(4, OffsetDateTime.class).toInstant(), SearchService.tags(r.getString(6)),
                        r.getBoolean(5)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot find experts", e);
        }
        return keyset.page(rows, e -> List.of(e.acceptedCount(), e.lastAcceptedAt(), e.memberId()));
    }
}
