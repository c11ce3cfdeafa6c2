package org.learninglog.search;

import java.time.Instant;
import java.util.Comparator;
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

    /** How many candidates each ranking gives the fusion; reciprocal rank fusion's constant. */
    private static final int CANDIDATES = 10;
    private static final int FUSION = 60;
    /** The cosine below which a question is not taken for the same one (decision 81). */
    static final double MEANING_AT_LEAST = 0.4;

    private final GroupAccess access;
    private final EntityManager em;
    private final QuestionEmbeddings embeddings;
    private final SimilarConfig config;

    GroupMemory(GroupAccess access, EntityManager em, QuestionEmbeddings embeddings, SimilarConfig config) {
        this.access = access;
        this.em = em;
        this.embeddings = embeddings;
        this.config = config;
    }

    /**
     * The group's questions most like the text: by its words (full text) and, in the languages configured, by its
     * meaning too (sentence embeddings), the two rankings fused by reciprocal rank (decision 81).
     */
    @ReadOnly
    public List<SimilarQuestion> similar(Actor actor, UUID groupId, String text, Integer limit) {
        access.contentAccess(actor, groupId);
        String words = SearchQuery.words("text", text);
        int wanted = limit == null ? 3 : limit;
        String language = (String) em.createNativeQuery("SELECT language FROM group_directory WHERE group_id = :group")
                .setParameter("group", groupId).getSingleResult();
        if (!config.byMeaning().contains(language)) {
            return questions(groupId, words, " AND d.document @@ w.query",
                    " ORDER BY ts_rank(d.document, w.query, 1) DESC, d.answered DESC, d.created_at DESC, d.id", wanted,
                    null);
        }
        List<UUID> best = fuse(byWords(groupId, words), byMeaning(groupId, words), wanted);
        if (best.isEmpty()) {
            return List.of();
        }
        List<SimilarQuestion> found = questions(groupId, words, " AND d.entry_id IN (:best)", "", wanted, best);
        return found.stream().sorted(Comparator.comparingInt(q -> best.indexOf(q.entryId()))).toList();
    }

    /** The group's questions that share words with the text, best first (at most {@link #CANDIDATES}). */
    List<UUID> byWords(UUID groupId, String words) {
        @SuppressWarnings("unchecked")
        List<UUID> found = em.createNativeQuery("WITH w AS (SELECT g.config, "
                + ANY_WORD.formatted("g.config", ":text") + " AS query FROM (SELECT search_config(language) AS config"
                + " FROM group_directory WHERE group_id = :group) g)"
                + " SELECT d.entry_id FROM w JOIN search_document d ON d.group_id = :group AND d.config = w.config"
                + " WHERE d.kind = 'ENTRY' AND d.has_question AND d.document @@ w.query"
                + " ORDER BY ts_rank(d.document, w.query, 1) DESC, d.created_at DESC LIMIT " + CANDIDATES)
                .setParameter("group", groupId).setParameter("text", words).getResultList();
        return found;
    }

    /**
     * The group's questions closest in meaning to the text, best first (at most {@link #CANDIDATES}), leaving out
     * those too far to be the same question: unrelated questions score below the bar on the labelled set.
     */
    List<UUID> byMeaning(UUID groupId, String words) {
        return byMeaning(groupId, words, MEANING_AT_LEAST);
    }

    List<UUID> byMeaning(UUID groupId, String words, double atLeast) {
        float[] asked = embeddings.embed(words);
        return embeddings.ofGroup(groupId).entrySet().stream()
                .map(e -> Map.entry(e.getKey(), QuestionEmbeddings.cosine(asked, e.getValue())))
                .filter(e -> e.getValue() >= atLeast)
                .sorted(Map.Entry.<UUID, Double>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                .limit(CANDIDATES).map(Map.Entry::getKey).toList();
    }

    /** Reciprocal rank fusion of two rankings: the first `limit` of their sum. */
    static List<UUID> fuse(List<UUID> byWords, List<UUID> byMeaning, int limit) {
        Map<UUID, Double> fused = new HashMap<>();
        for (List<UUID> ranking : List.of(byWords, byMeaning)) {
            for (int i = 0; i < ranking.size(); i++) {
                fused.merge(ranking.get(i), 1.0 / (FUSION + i + 1), Double::sum);
            }
        }
        return fused.entrySet().stream()
                .sorted(Map.Entry.<UUID, Double>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                .limit(limit).map(Map.Entry::getKey).toList();
    }

    private List<SimilarQuestion> questions(UUID groupId, String words, String where, String orderBy, int limit,
            List<UUID> best) {
        String sql = "WITH w AS (SELECT g.config, " + ANY_WORD.formatted("g.config", ":text") + " AS query"
                + " FROM (SELECT search_config(language) AS config FROM group_directory WHERE group_id = :group) g)"
                + " SELECT d.entry_id, d.group_id, d.week, d.author_id, a.display_name AS author_name, d.question,"
                + " d.answered, d.created_at, r.id AS reply_id, r.author_id AS reply_author_id,"
                + " ra.display_name AS reply_author_name, left(r.details, 240) AS reply_excerpt"
                + " FROM w JOIN search_document d ON d.group_id = :group AND d.config = w.config"
                + " JOIN member_name a ON a.member_id = d.author_id"
                + " LEFT JOIN search_document r ON r.entry_id = d.entry_id AND r.kind = 'REPLY' AND r.accepted"
                + " LEFT JOIN member_name ra ON ra.member_id = r.author_id"
                + " WHERE d.kind = 'ENTRY' AND d.has_question" + where + orderBy + " LIMIT :limit";
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
        query.setParameter("group", groupId).setParameter("text", words).setParameter("limit", limit);
        if (best != null) {
            query.setParameter("best", best);
        }
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
