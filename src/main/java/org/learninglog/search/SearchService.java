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
import org.learninglog.api.Problems;
import org.learninglog.identity.Actor;

import io.agroal.api.AgroalDataSource;

/**
 * Search over `search_document`, the search feature's own table, which the database keeps current from entries,
 * replies and groups (V23). Only ever the documents of the caller's groups (`group_membership`, `group_directory`:
 * group's views); names from `member_name` (member's).
 *
 * <p>A search is a read of one statement (two when full text finds nothing and spelling is tried), so it runs on a
 * pooled connection in auto-commit, as the week's log does (decision 113): no JTA transaction, no Hibernate session,
 * no ROLLBACK round trip (decision 127).
 */
@ApplicationScoped
public class SearchService {

    public enum Status { OPEN, ANSWERED }

    /** What to search for, and where. */
    public record Filters(UUID groupId, String tag, UUID authorId, Status status, String fromWeek, String toWeek) {
    }

    /** One hit: an entry or a reply, with an excerpt safe to insert as HTML. */
    public record Hit(String kind, UUID id, UUID entryId, UUID groupId, String groupName, String week, UUID authorId,
            String authorName, String excerpt, List<String> tags, boolean hasQuestion, boolean answered,
            boolean accepted, Instant createdAt, int mode, int score, int boosted) {
    }

    /**
     * How hits were found: by their words (full text), or by words of the caller's groups spelled like them
     * (trigrams), then by full text; the latter come after the former in a page's order.
     */
    private static final int FULL_TEXT = 0;
    private static final int SPELLING = 1;

    /** Answered questions and accepted answers count double, and come first among equals. */
    static final String BOOSTED = "(CASE WHEN d.accepted OR (d.kind = 'ENTRY' AND d.answered) THEN 1 ELSE 0 END)";

    /**
     * A hit's text for its excerpt: the question, what was tried and what failed (or the reply), one after the
     * other with a separator, so the fields do not run together.
     */
    static final String TEXT = "concat_ws(' · ', h.question, replace(h.details, E'\\n', ' · '))";

    private static final String HEADLINE = "StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=12,"
            + " MaxFragments=2, FragmentDelimiter=\" … \"";

    /** Whether the caller belongs to the group they filter by (404 otherwise, as for the group's content). */
    private static final String MEMBER = "SELECT 1 FROM group_membership WHERE group_id = ? AND member_id = ?";

    private final AgroalDataSource dataSource;

    SearchService(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Page<Hit> search(Actor actor, String q, Filters filters, Integer limit, String cursor) {
        String words = SearchQuery.words("q", q);
        if (filters.groupId() != null && !member(actor, filters.groupId())) {
            throw Problems.notFound("Group");
        }
        Keyset keyset = Keyset.of(cursor, limit, Keyset.Key.integer("mode"), Keyset.Key.integer("score").descending(),
                Keyset.Key.integer("boosted").descending(), Keyset.Key.instant("created_at").descending(),
                Keyset.Key.uuid("id").descending());
        Object mode = keyset.parameters().get("after0");
        if (mode == null) {
            Page<Hit> page = hits(actor, words, filters, keyset, FULL_TEXT);
            return page.items().isEmpty() ? hits(actor, words, filters, keyset, SPELLING) : page;
        }
        return hits(actor, words, filters, keyset, (Integer) mode);
    }

    private Page<Hit> hits(Actor actor, String words, Filters filters, Keyset keyset, int mode) {
        Map<String, Object> parameters = new HashMap<>(keyset.parameters());
        parameters.put("me", actor.id());
        StringBuilder where = new StringBuilder();
        if (filters.groupId() != null) {
            where.append(" AND d.group_id = :group");
            parameters.put("group", filters.groupId());
        }
        if (filters.tag() != null) {
            where.append(" AND CAST(:tag AS varchar) = ANY (d.tags)");
            parameters.put("tag", filters.tag());
        }
        if (filters.authorId() != null) {
            where.append(" AND d.author_id = :author");
            parameters.put("author", filters.authorId());
        }
        if (filters.status() != null) {
            where.append(filters.status() == Status.OPEN ? " AND d.has_question AND NOT d.answered"
                    : " AND d.answered");
        }
        if (filters.fromWeek() != null) {
            where.append(" AND d.week >= :from");
            parameters.put("from", filters.fromWeek());
        }
        if (filters.toWeek() != null) {
            where.append(" AND d.week <= :to");
            parameters.put("to", filters.toWeek());
        }
        String mine = "SELECT g.group_id, g.name, search_config(g.language) AS config FROM group_membership ms"
                + " JOIN group_directory g ON g.group_id = ms.group_id WHERE ms.member_id = :me";
        String found;
        String excerpt;
        if (mode == FULL_TEXT) {
            parameters.put("words", words);
            found = "SELECT d.*, mine.name AS group_name, q.query, 0 AS mode, " + BOOSTED + " AS boosted,"
                    + " CAST(round(ts_rank_cd(d.document, q.query, 1) * (1 + " + BOOSTED + ") * 1000000) AS integer)"
                    + " AS score"
                    + " FROM (" + mine + ") mine"
                    + " JOIN (SELECT DISTINCT config, websearch_to_tsquery(config, :words) AS query FROM (" + mine
                    + ") m) q ON true"
                    + " JOIN search_document d ON d.group_id = mine.group_id AND d.config = q.config"
                    + " WHERE mine.config = q.config AND d.document @@ q.query" + where;
            excerpt = "ts_headline(h.config, search_html(" + TEXT + "), h.query, '" + HEADLINE + "')";
        } else {
            // Each asked word found as it is among the words of the caller's groups (search_word, V35), or else
            // the three most like it there; the documents then found by full text with them: any of a word's
            // spellings, every asked word (one that is like nothing is left out). Words of the caller's groups only,
            // so another group's vocabulary is never suggested (decision 130).
            parameters.put("plain", SearchQuery.plain(words));
            String spelled = "SELECT a.asked, s.word FROM unnest(search_words(search_unaccent(:plain))) a(asked)"
                    + " CROSS JOIN LATERAL (SELECT x.word FROM mine m JOIN search_word x ON x.group_id = m.group_id"
                    + " WHERE search_word_like(x.word, a.asked) GROUP BY x.word"
                    + " ORDER BY max(search_word_likeness(x.word, a.asked)) DESC, x.word LIMIT 3) s"
                    + " WHERE s.word = a.asked OR NOT EXISTS (SELECT 1 FROM mine m JOIN search_word x"
                    + " ON x.group_id = m.group_id AND x.word = a.asked)";
            String queries = "SELECT c.config, search_all(w.query) AS query FROM (SELECT DISTINCT config FROM mine) c"
                    + " CROSS JOIN LATERAL (SELECT search_any(plainto_tsquery(c.config, s.word)) AS query"
                    + " FROM spelled s GROUP BY s.asked) w GROUP BY c.config";
            found = "WITH mine AS (" + mine + "), spelled AS (" + spelled + "), q AS (" + queries + ")"
                    + " SELECT d.*, mine.name AS group_name, q.query, 1 AS mode, " + BOOSTED + " AS boosted,"
                    + " CAST(round(ts_rank_cd(d.document, q.query, 1) * (1 + " + BOOSTED + ") * 1000000) AS integer)"
                    + " AS score"
                    + " FROM mine JOIN q ON q.config = mine.config"
                    + " JOIN search_document d ON d.group_id = mine.group_id AND d.config = q.config"
                    + " WHERE d.document @@ q.query" + where;
            // Not highlighted: the words marked would be others than those asked for.
            excerpt = "search_html(left(" + TEXT + ", 240)) || CASE WHEN length(" + TEXT
                    + ") > 240 THEN ' …' ELSE '' END";
        }
        String sql = "SELECT h.kind, h.id, h.entry_id, h.group_id, h.group_name, h.week, h.author_id,"
                + " a.display_name AS author_name, " + excerpt + " AS excerpt, array_to_string(h.tags, ',') AS tags,"
                + " h.has_question, h.answered, h.accepted, h.created_at, h.mode, h.score, h.boosted"
                + " FROM (SELECT * FROM (" + found + ") hits WHERE true" + keyset.and() + " ORDER BY "
                + keyset.orderBy() + " LIMIT " + keyset.fetchSize() + ") h"
                + " JOIN member_name a ON a.member_id = h.author_id"
                // Output column names: the ordering of the page applies to the rows it selected.
                + " ORDER BY " + keyset.orderBy();
        List<Hit> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = NamedStatements.prepare(connection, sql, parameters)) {
            try (ResultSet r = statement.executeQuery()) {
                while (r.next()) {
                    rows.add(new Hit(r.getString(1), r.getObject(2, UUID.class), r.getObject(3, UUID.class),
                            r.getObject(4, UUID.class), r.getString(5), r.getString(6), r.getObject(7, UUID.class),
                            r.getString(8), r.getString(9), tags(r.getString(10)), r.getBoolean(11),
                            r.getBoolean(12), r.getBoolean(13), r.getObject(14, OffsetDateTime.class).toInstant(),
                            r.getInt(15), r.getInt(16), r.getInt(17)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot search", e);
        }
        return keyset.page(rows, h -> List.of(h.mode(), h.score(), h.boosted(), h.createdAt(), h.id()));
    }

    private boolean member(Actor actor, UUID groupId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(MEMBER)) {
            statement.setObject(1, groupId);
            statement.setObject(2, actor.id());
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the caller's membership", e);
        }
    }

    static List<String> tags(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }
}
