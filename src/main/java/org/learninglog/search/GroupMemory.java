package org.learninglog.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;
import org.learninglog.api.Keyset;
import org.learninglog.api.Page;
import org.learninglog.api.Problems;
import org.learninglog.api.ReadOnly;
import org.learninglog.group.GroupAccess;
import org.learninglog.identity.Actor;

import io.agroal.api.AgroalDataSource;

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
    private static final int CANDIDATE_COUNT = 10;
    private static final int FUSION = 60;
    /** The cosine below which a question is not taken for the same one (decision 81). */
    static final double MEANING_AT_LEAST = 0.4;

    private final GroupAccess access;
    private final EntityManager em;
    private final AgroalDataSource dataSource;
    private final QuestionEmbeddings embeddings;
    private final SimilarConfig config;

    GroupMemory(GroupAccess access, EntityManager em, AgroalDataSource dataSource, QuestionEmbeddings embeddings,
            SimilarConfig config) {
        this.access = access;
        this.em = em;
        this.dataSource = dataSource;
        this.embeddings = embeddings;
        this.config = config;
    }

    /**
     * The group's questions most like the text: by its words (full text) and, in the languages configured, by its
     * meaning too (sentence embeddings), the two rankings fused by reciprocal rank (decision 81). A read of three
     * statements (two by words alone) on a pooled connection in auto-commit, as search (decision 138): no JTA
     * transaction, no Hibernate session.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public List<SimilarQuestion> similar(Actor actor, UUID groupId, String text, Integer limit) {
        String language = languageOfMember(actor, groupId).orElseThrow(() -> Problems.notFound("Group"));
        String words = SearchQuery.words("text", text);
        int wanted = limit == null ? 3 : limit;
        if (!config.byMeaning().contains(language)) {
            return questions(groupId, language, words, null, wanted);
        }
        List<Candidate> candidates = candidates(groupId, language, words);
        List<UUID> best = fuse(byWords(candidates), byMeaning(candidates, words, MEANING_AT_LEAST), wanted);
        if (best.isEmpty()) {
            return List.of();
        }
        List<SimilarQuestion> found = questions(groupId, language, words, best, wanted);
        return found.stream().sorted(Comparator.comparingInt(q -> best.indexOf(q.entryId()))).toList();
    }

    /**
     * A question of the group as both rankings need it: its rank by the words of the text (null when it has none of
     * them), and its stored embedding (null until the job has computed it; then its question, to embed now).
     */
    record Candidate(UUID entryId, Instant askedAt, Float wordsRank, byte[] embedding, String question) {
    }

    /**
     * The group's questions, ranked by the words of the text in the same statement: the text's query is computed
     * once (a materialized CTE; written inline, PostgreSQL computed it again for every row it ranked), and every
     * question is read anyway for its embedding, so no index of words is needed to find the few that match.
     */
    private static final String CANDIDATES = "WITH w AS MATERIALIZED (SELECT c.config, "
            + ANY_WORD.formatted("c.config", "?") + " AS query FROM (SELECT search_config(?) AS config) c)"
            + " SELECT d.entry_id, d.created_at,"
            + " CASE WHEN d.config = w.config AND d.document @@ w.query THEN ts_rank(d.document, w.query, 1) END,"
            + " d.embedding, CASE WHEN d.embedding IS NULL THEN d.question END"
            + " FROM w, search_document d WHERE d.group_id = ? AND d.kind = 'ENTRY' AND d.has_question";

    List<Candidate> candidates(UUID groupId, String language, String words) {
        List<Candidate> candidates = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(CANDIDATES)) {
            statement.setString(1, words);
            statement.setString(2, language);
            statement.setObject(3, groupId);
            try (ResultSet r = statement.executeQuery()) {
                while (r.next()) {
                    float rank = r.getFloat(3);
                    Float wordsRank = r.wasNull() ? null : rank;
                    candidates.add(new Candidate(r.getObject(1, UUID.class),
                            r.getObject(2, OffsetDateTime.class).toInstant(), wordsRank, r.getBytes(4),
                            r.getString(5)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the group's questions", e);
        }
        return candidates;
    }

    /** The group's questions that share words with the text, best first (at most {@link #CANDIDATE_COUNT}). */
    List<UUID> byWords(UUID groupId, String words) {
        return byWords(candidates(groupId, language(groupId), words));
    }

    /** Ranked as full text does: by rank, then the latest first. */
    static List<UUID> byWords(List<Candidate> candidates) {
        return candidates.stream().filter(c -> c.wordsRank() != null)
                .sorted(Comparator.comparing(Candidate::wordsRank).reversed()
                        .thenComparing(Comparator.comparing(Candidate::askedAt).reversed())
                        .thenComparing(Candidate::entryId))
                .limit(CANDIDATE_COUNT).map(Candidate::entryId).toList();
    }

    /**
     * The group's questions closest in meaning to the text, best first (at most {@link #CANDIDATE_COUNT}), leaving out
     * those too far to be the same question: unrelated questions score below the bar on the labelled set.
     */
    List<UUID> byMeaning(UUID groupId, String words) {
        return byMeaning(groupId, words, MEANING_AT_LEAST);
    }

    List<UUID> byMeaning(UUID groupId, String words, double atLeast) {
        return byMeaning(candidates(groupId, language(groupId), words), words, atLeast);
    }

    List<UUID> byMeaning(List<Candidate> candidates, String words, double atLeast) {
        float[] asked = embeddings.embed(words);
        return candidates.stream()
                .map(c -> Map.entry(c.entryId(), QuestionEmbeddings.cosine(asked, c.embedding() == null
                        ? embeddings.embed(c.question())
                        : QuestionEmbeddings.vector(c.embedding()))))
                .filter(e -> e.getValue() >= atLeast)
                .sorted(Map.Entry.<UUID, Double>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                .limit(CANDIDATE_COUNT).map(Map.Entry::getKey).toList();
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

    /** The group's language, where the caller belongs to the group. */
    private static final String LANGUAGE_OF_MEMBER = "SELECT g.language FROM group_membership ms"
            + " JOIN group_directory g ON g.group_id = ms.group_id WHERE ms.group_id = ? AND ms.member_id = ?";

    private Optional<String> languageOfMember(Actor actor, UUID groupId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(LANGUAGE_OF_MEMBER)) {
            statement.setObject(1, groupId);
            statement.setObject(2, actor.id());
            try (ResultSet r = statement.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the group's language", e);
        }
    }

    private String language(UUID groupId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection
                        .prepareStatement("SELECT language FROM group_directory WHERE group_id = ?")) {
            statement.setObject(1, groupId);
            try (ResultSet r = statement.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the group's language", e);
        }
    }

    /**
     * The questions found, with their accepted answers: by their ids (`best`), or else by the words of the text,
     * best first; only documents in the group's search configuration, as the words are.
     */
    private List<SimilarQuestion> questions(UUID groupId, String language, String words, List<UUID> best,
            int limit) {
        String sql = "WITH w AS MATERIALIZED (SELECT c.config, " + ANY_WORD.formatted("c.config", "?") + " AS query"
                + " FROM (SELECT search_config(?) AS config) c)"
                + " SELECT d.entry_id, d.group_id, d.week, d.author_id, a.display_name AS author_name, d.question,"
                + " d.answered, d.created_at, r.id AS reply_id, r.author_id AS reply_author_id,"
                + " ra.display_name AS reply_author_name, left(r.details, 240) AS reply_excerpt"
                + " FROM w JOIN search_document d ON d.group_id = ? AND d.config = w.config"
                + " JOIN member_name a ON a.member_id = d.author_id"
                + " LEFT JOIN search_document r ON r.entry_id = d.entry_id AND r.kind = 'REPLY' AND r.accepted"
                + " LEFT JOIN member_name ra ON ra.member_id = r.author_id"
                + " WHERE d.kind = 'ENTRY' AND d.has_question"
                + (best == null ? " AND d.document @@ w.query"
                        + " ORDER BY ts_rank(d.document, w.query, 1) DESC, d.answered DESC, d.created_at DESC, d.id"
                        : " AND d.entry_id = ANY (?)")
                + " LIMIT ?";
        List<SimilarQuestion> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            int i = 0;
            statement.setString(++i, words);
            statement.setString(++i, language);
            statement.setObject(++i, groupId);
            if (best != null) {
                statement.setArray(++i, connection.createArrayOf("uuid", best.toArray()));
            }
            statement.setInt(++i, limit);
            try (ResultSet r = statement.executeQuery()) {
                while (r.next()) {
                    found.add(new SimilarQuestion(r.getObject(1, UUID.class), r.getObject(2, UUID.class),
                            r.getString(3), r.getObject(4, UUID.class), r.getString(5), r.getString(6),
                            r.getBoolean(7), r.getObject(8, OffsetDateTime.class).toInstant(),
                            r.getObject(9, UUID.class), r.getObject(10, UUID.class), r.getString(11),
                            r.getString(12)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the similar questions", e);
        }
        return found;
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
