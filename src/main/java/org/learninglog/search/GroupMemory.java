package org.learninglog.search;

import java.time.Instant;
import java.util.List;
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

/** "Has anyone asked this before?" and a group's tags, from `search_document`. */
@ApplicationScoped
@Transactional
public class GroupMemory {

    /** An earlier question, with its accepted answer (null fields when it has none). */
    public record SimilarQuestion(UUID entryId, UUID groupId, String week, UUID authorId, String authorName,
            String question, boolean answered, Instant askedAt, UUID replyId, UUID replyAuthorId,
            String replyAuthorName, String replyExcerpt) {
    }

    public record TagCount(String tag, int uses) {
    }

    /**
     * The text as a query for any of its words (stemmed in the group's language), rather than all of them: a
     * question being written shares some words with the one asked before, rarely all.
     */
    static final String ANY_WORD = "CAST(NULLIF(regexp_replace(CAST(plainto_tsquery(%1$s, %2$s) AS text),"
            + " ' (&|<->|<[0-9]+>) ', ' | ', 'g'), '') AS tsquery)";

    private final GroupAccess access;
    private final EntityManager em;

    GroupMemory(GroupAccess access, EntityManager em) {
        this.access = access;
        this.em = em;
    }

    @ReadOnly
    public List<SimilarQuestion> similar(Actor actor, UUID groupId, String text, Integer limit) {
        access.contentAccess(actor, groupId);
        String words = SearchQuery.words("text", text);
        String sql = "WITH w AS (SELECT g.config, " + ANY_WORD.formatted("g.config", ":text") + " AS query"
                + " FROM (SELECT search_config(language) AS config FROM group_directory WHERE group_id = :group) g)"
                + " SELECT d.entry_id, d.group_id, d.week, d.author_id, a.display_name AS author_name, d.question,"
                + " d.answered, d.created_at, r.id AS reply_id, r.author_id AS reply_author_id,"
                + " ra.display_name AS reply_author_name, left(r.details, 240) AS reply_excerpt"
                + " FROM w JOIN search_document d ON d.group_id = :group AND d.config = w.config"
                + " JOIN member_name a ON a.member_id = d.author_id"
                + " LEFT JOIN search_document r ON r.entry_id = d.entry_id AND r.kind = 'REPLY' AND r.accepted"
                + " LEFT JOIN member_name ra ON ra.member_id = r.author_id"
                + " WHERE d.kind = 'ENTRY' AND d.has_question AND d.document @@ w.query"
                + " ORDER BY ts_rank(d.document, w.query, 1) DESC, d.answered DESC, d.created_at DESC, d.id"
                + " LIMIT :limit";
        @SuppressWarnings("unchecked")
        NativeQuery<Object[]> query = em.createNativeQuery(sql).unwrap(NativeQuery.class)
                .addScalar("entry_id", StandardBasicTypes.UUID)
                .addScalar("group_id", StandardBasicTypes.UUID)
                .addScalar("week", StandardBasicTypes.STRING)
                .addScalar("author_id", StandardBasicTypes.UUID)
                .addScalar("author_name", StandardBasicTypes.STRING)
                .addScalar("question", StandardBasicTypes.STRING)
                .addScalar("answered", StandardBasicTypes.BOOLEAN)
                .addScalar("created_at", StandardBasicTypes.INSTANT)
                .addScalar("reply_id", StandardBasicTypes.UUID)
                .addScalar("reply_author_id", StandardBasicTypes.UUID)
                .addScalar("reply_author_name", StandardBasicTypes.STRING)
                .addScalar("reply_excerpt", StandardBasicTypes.STRING);
        query.setParameter("group", groupId).setParameter("text", words)
                .setParameter("limit", limit == null ? 3 : limit);
        return query.getResultList().stream()
                .map(r -> new SimilarQuestion((UUID) r[0], (UUID) r[1], (String) r[2], (UUID) r[3], (String) r[4],
                        (String) r[5], (Boolean) r[6], (Instant) r[7], (UUID) r[8], (UUID) r[9], (String) r[10],
                        (String) r[11]))
                .toList();
    }

    @ReadOnly
    public Page<TagCount> tags(Actor actor, UUID groupId, Integer limit, String cursor) {
        access.contentAccess(actor, groupId);
        Keyset keyset = Keyset.of(cursor, limit, Keyset.Key.integer("uses").descending(), Keyset.Key.text("tag"));
        String sql = "SELECT tag, uses FROM (SELECT CAST(t AS text) AS tag, CAST(count(*) AS integer) AS uses"
                + " FROM search_document d, unnest(d.tags) t WHERE d.group_id = :group AND d.kind = 'ENTRY'"
                + " GROUP BY t) tags WHERE true" + keyset.and() + " ORDER BY " + keyset.orderBy();
        @SuppressWarnings("unchecked")
        NativeQuery<Object[]> query = keyset.bind(em.createNativeQuery(sql).unwrap(NativeQuery.class)
                .addScalar("tag", StandardBasicTypes.STRING)
                .addScalar("uses", StandardBasicTypes.INTEGER)
                .setParameter("group", groupId));
        List<TagCount> rows = query.setMaxResults(keyset.fetchSize()).getResultList().stream()
                .map(r -> new TagCount((String) r[0], (Integer) r[1])).toList();
        return keyset.page(rows, t -> List.of(t.uses(), t.tag()));
    }
}
