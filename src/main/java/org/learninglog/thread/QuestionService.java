package org.learninglog.thread;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;
import org.learninglog.api.Keyset;
import org.learninglog.api.Page;
import org.learninglog.api.ReadOnly;
import org.learninglog.group.GroupAccess;
import org.learninglog.identity.Actor;
import org.learninglog.search.SearchQuery;

/**
 * The questions asked in the caller's groups: the group's memory of what was asked and answered. Read through
 * the views of the features that own them: `entry_question` (entry), `member_name` (member),
 * `group_directory` and `group_membership` (group).
 */
@ApplicationScoped
@Transactional
public class QuestionService {

    public enum Status { OPEN, ANSWERED }

    public enum Sort { NEWEST, WAITING }

    /** A question as the feed shows it. */
    public record Question(UUID entryId, UUID groupId, String groupName, String week, UUID authorId,
            String authorName, String question, boolean answered, int replyCount, Instant firstReplyAt,
            Instant askedAt, List<String> tags, UUID answerId, UUID answerAuthorId, String answerAuthorName,
            String answerExcerpt) {
    }

    /** "waiting": questions nobody replied to yet come first, each kind longest waiting first. */
    private static final String REPLIED = "(CASE WHEN e.first_reply_at IS NULL THEN 0 ELSE 1 END)";

    private final GroupAccess access;

    QuestionService(GroupAccess access) {
        this.access = access;
    }

    @ReadOnly
    public Page<Question> list(Actor actor, Status status, UUID groupId, String q, String tag, Sort sort, Integer limit,
            String cursor) {
        if (groupId != null) {
            access.contentAccess(actor, groupId);
        }
        Keyset keyset = sort == Sort.WAITING
                ? Keyset.of(cursor, limit, Keyset.Key.integer(REPLIED), Keyset.Key.instant("e.created_at"),
                        Keyset.Key.uuid("e.id"))
                : Keyset.of(cursor, limit, Keyset.Key.instant("e.created_at").descending(),
                        Keyset.Key.uuid("e.id").descending());
        StringBuilder sql = new StringBuilder("SELECT e.id, e.group_id, g.name AS group_name, e.week, e.member_id,"
                + " a.display_name AS author_name, e.question, e.accepted_reply_id IS NOT NULL AS answered,"
                + " e.reply_count, e.first_reply_at, e.created_at, array_to_string(e.tags, ',') AS tags,"
                + " r.id AS answer_id, r.member_id AS answer_author_id, ra.display_name AS answer_author_name,"
                + " left(r.body, 240) AS answer_excerpt"
                + " FROM entry_question e"
                + " JOIN member_name a ON a.member_id = e.member_id"
                + " JOIN group_directory g ON g.group_id = e.group_id"
                // The accepted answer inline, in the same statement: no query per question.
                + " LEFT JOIN reply r ON r.id = e.accepted_reply_id"
                + " LEFT JOIN member_name ra ON ra.member_id = r.member_id"
                + " WHERE e.group_id IN (SELECT ms.group_id FROM group_membership ms WHERE ms.member_id = :me)");
        if (status == Status.OPEN) {
            sql.append(" AND e.accepted_reply_id IS NULL");
        } else if (status == Status.ANSWERED) {
            sql.append(" AND e.accepted_reply_id IS NOT NULL");
        }
        if (groupId != null) {
            sql.append(" AND e.group_id = :group");
        }
        String words = q == null ? null : SearchQuery.words("q", q);
        if (words != null) {
            // search's published function: the questions of my groups whose entry or thread match the words.
            sql.append(" AND e.id IN (SELECT m.entry_id FROM search_matching_questions(:me, :words) m)");
        }
        if (tag != null) {
            sql.append(" AND CAST(:tag AS varchar) = ANY (e.tags)");
        }
        sql.append(keyset.and()).append(" ORDER BY ").append(keyset.orderBy());
        @SuppressWarnings("unchecked")
        NativeQuery<Object[]> query = keyset.bind(Reply.getEntityManager().createNativeQuery(sql.toString())
                .unwrap(NativeQuery.class)
                .addScalar("id", StandardBasicTypes.UUID)
                .addScalar("group_id", StandardBasicTypes.UUID)
                .addScalar("group_name", StandardBasicTypes.STRING)
                .addScalar("week", StandardBasicTypes.STRING)
                .addScalar("member_id", StandardBasicTypes.UUID)
                .addScalar("author_name", StandardBasicTypes.STRING)
                .addScalar("question", StandardBasicTypes.STRING)
                .addScalar("answered", StandardBasicTypes.BOOLEAN)
                .addScalar("reply_count", StandardBasicTypes.INTEGER)
                .addScalar("first_reply_at", StandardBasicTypes.INSTANT)
                .addScalar("created_at", StandardBasicTypes.INSTANT)
                .addScalar("tags", StandardBasicTypes.STRING)
                .addScalar("answer_id", StandardBasicTypes.UUID)
                .addScalar("answer_author_id", StandardBasicTypes.UUID)
                .addScalar("answer_author_name", StandardBasicTypes.STRING)
                .addScalar("answer_excerpt", StandardBasicTypes.STRING)
                .setParameter("me", actor.id()));
        if (words != null) {
            query.setParameter("words", words);
        }
        if (tag != null) {
            query.setParameter("tag", tag);
        }
        if (groupId != null) {
            query.setParameter("group", groupId);
        }
        List<Question> rows = query.setMaxResults(keyset.fetchSize()).getResultList().stream()
                .map(r -> new Question((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (UUID) r[4],
                        (String) r[5], (String) r[6], (Boolean) r[7], (Integer) r[8], (Instant) r[9], (Instant) r[10],
                        r[11] == null || ((String) r[11]).isEmpty() ? List.of() : List.of(((String) r[11]).split(",")),
                        (UUID) r[12], (UUID) r[13], (String) r[14], (String) r[15]))
                .toList();
        return keyset.page(rows, question -> sort == Sort.WAITING
                ? List.of(question.firstReplyAt() == null ? 0 : 1, question.askedAt(), question.entryId())
                : List.of(question.askedAt(), question.entryId()));
    }
}
