package org.learninglog.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;
import org.learninglog.api.Keyset;
import org.learninglog.api.Page;
import org.learninglog.api.ReadOnly;
import org.learninglog.group.GroupAccess;
import org.learninglog.identity.Actor;

/**
 * Search over `search_document`, the search feature's own table, which the database keeps current from entries,
 * replies and groups (V23). Only ever the documents of the caller's groups (`group_membership`, `group_directory`:
 * group's views); names from `member_name` (member's).
 */
@ApplicationScoped
@Transactional
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

    /** How hits were found: by their words (full text), or by words spelled like them (trigrams). */
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

    private final GroupAccess access;
    private final EntityManager em;

    SearchService(GroupAccess access, EntityManager em) {
        this.access = access;
        this.em = em;
    }

    @ReadOnly
    public Page<Hit> search(Actor actor, String q, Filters filters, Integer limit, String cursor) {
        String words = SearchQuery.words("q", q);
        if (filters.groupId() != null) {
            access.contentAccess(actor, filters.groupId());
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
            parameters.put("plain", SearchQuery.plain(words));
            found = "SELECT d.*, mine.name AS group_name, 1 AS mode, " + BOOSTED + " AS boosted,"
                    + " CAST(round(search_resemblance(search_unaccent(:plain), d.plain) * (1 + " + BOOSTED
                    + ") * 1000000) AS integer) AS score"
                    + " FROM (" + mine + ") mine"
                    + " JOIN search_document d ON d.group_id = mine.group_id"
                    + " WHERE search_resembles(search_unaccent(:plain), d.plain)" + where;
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
        @SuppressWarnings("unchecked")
        NativeQuery<Object[]> query = em.createNativeQuery(sql).unwrap(NativeQuery.class)
                .addScalar("kind", StandardBasicTypes.STRING)
                .addScalar("id", StandardBasicTypes.UUID)
                .addScalar("entry_id", StandardBasicTypes.UUID)
                .addScalar("group_id", StandardBasicTypes.UUID)
                .addScalar("group_name", StandardBasicTypes.STRING)
                .addScalar("week", StandardBasicTypes.STRING)
                .addScalar("author_id", StandardBasicTypes.UUID)
                .addScalar("author_name", StandardBasicTypes.STRING)
                .addScalar("excerpt", StandardBasicTypes.STRING)
                .addScalar("tags", StandardBasicTypes.STRING)
                .addScalar("has_question", StandardBasicTypes.BOOLEAN)
                .addScalar("answered", StandardBasicTypes.BOOLEAN)
                .addScalar("accepted", StandardBasicTypes.BOOLEAN)
                .addScalar("created_at", StandardBasicTypes.INSTANT)
                .addScalar("mode", StandardBasicTypes.INTEGER)
                .addScalar("score", StandardBasicTypes.INTEGER)
                .addScalar("boosted", StandardBasicTypes.INTEGER);
        parameters.forEach(query::setParameter);
        List<Hit> rows = new ArrayList<>();
        for (Object[] r : query.getResultList()) {
            rows.add(new Hit((String) r[0], (UUID) r[1], (UUID) r[2], (UUID) r[3], (String) r[4], (String) r[5],
                    (UUID) r[6], (String) r[7], (String) r[8], tags((String) r[9]), (Boolean) r[10], (Boolean) r[11],
                    (Boolean) r[12], (Instant) r[13], (Integer) r[14], (Integer) r[15], (Integer) r[16]));
        }
        return keyset.page(rows, h -> List.of(h.mode(), h.score(), h.boosted(), h.createdAt(), h.id()));
    }

    static List<String> tags(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }
}
