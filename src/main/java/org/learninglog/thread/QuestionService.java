package org.learninglog.thread;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.learninglog.api.Keyset;
import org.learninglog.api.NamedStatements;
import org.learninglog.api.Page;
import org.learninglog.api.Rows;
import org.learninglog.group.GroupAccess;
import org.learninglog.identity.Actor;
import org.learninglog.search.SearchQuery;

import io.agroal.api.AgroalDataSource;

/**
 * The questions asked in the caller's groups: the group's memory of what was asked and answered. Read through
 * the views of the features that own them: `entry_question` (entry), `member_name` (member),
 * `group_directory` and `group_membership` (group).
 *
 * <p>One statement on a pooled connection in auto-commit, as the week's log and search (decisions 113, 127); the
 * membership check of a `groupId` filter reads through Hibernate without a transaction, as reads may.
 */
@ApplicationScoped
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
    private final AgroalDataSource dataSource;

    QuestionService(GroupAccess access, AgroalDataSource dataSource) {
        this.access = access;
        this.dataSource = dataSource;
    }

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
        Map<String, Object> parameters = new HashMap<>(keyset.parameters());
        parameters.put("me", actor.id());
        parameters.put("words", words);
        parameters.put("tag", tag);
        parameters.put("group", groupId);
        sql.append(" LIMIT ").append(keyset.fetchSize());
        List<Question> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = NamedStatements.prepare(connection, sql.toString(), parameters);
                ResultSet r = statement.executeQuery()) {
            while (r.next()) {
                String tags = r.getString(12);
                rows.add(new Question(r.getObject(1, UUID.class), r.getObject(2, UUID.class), r.getString(3),
                        r.getString(4), r.getObject(5, UUID.class), r.getString(6), r.getString(7), r.getBoolean(8),
                        r.getInt(9), Rows.instant(r.getObject(10)), Rows.instant(r.getObject(11)),
                        tags == null || tags.isEmpty() ? List.of() : List.of(tags.split(",")),
                        r.getObject(13, UUID.class), r.getObject(14, UUID.class), r.getString(15), r.getString(16)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list the questions", e);
        }
        return keyset.page(rows, question -> sort == Sort.WAITING
                ? List.of(question.firstReplyAt() == null ? 0 : 1, question.askedAt(), question.entryId())
                : List.of(question.askedAt(), question.entryId()));
    }
}
