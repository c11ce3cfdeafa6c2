package org.learninglog.thread;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;
import org.learninglog.api.Cursor;
import org.learninglog.api.Page;
import org.learninglog.entry.Entry;
import org.learninglog.group.GroupAccess;
import org.learninglog.identity.Actor;

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

    /** A question with its author's and group's names. */
    public record Asked(Entry entry, String authorName, String groupName) {
    }

    private final GroupAccess access;

    QuestionService(GroupAccess access) {
        this.access = access;
    }

    public Page<Asked> list(Actor actor, Status status, UUID groupId, Sort sort, Integer limit, String cursor) {
        ThreadService.readOnly();
        if (groupId != null) {
            access.contentAccess(actor, groupId);
        }
        int size = Page.limit(limit);
        List<String> after = Cursor.decode(cursor, 3);
        // "waiting": questions nobody replied to yet come first, each kind longest waiting first.
        String bucket = "(CASE WHEN e.first_reply_at IS NULL THEN 0 ELSE 1 END)";
        StringBuilder sql = new StringBuilder("SELECT {e.*}, a.display_name AS author_name, g.name AS group_name"
                + " FROM entry_question e"
                + " JOIN member_name a ON a.member_id = e.member_id"
                + " JOIN group_directory g ON g.group_id = e.group_id"
                + " WHERE e.group_id IN (SELECT ms.group_id FROM group_membership ms WHERE ms.member_id = :me)");
        if (status == Status.OPEN) {
            sql.append(" AND e.accepted_reply_id IS NULL");
        } else if (status == Status.ANSWERED) {
            sql.append(" AND e.accepted_reply_id IS NOT NULL");
        }
        if (groupId != null) {
            sql.append(" AND e.group_id = :group");
        }
        if (after != null) {
            sql.append(sort == Sort.WAITING
                    ? " AND (" + bucket + " > :bucket OR (" + bucket + " = :bucket AND (e.created_at > :at"
                            + " OR (e.created_at = :at AND e.id > :id))))"
                    : " AND (e.created_at < :at OR (e.created_at = :at AND e.id < :id))");
        }
        sql.append(sort == Sort.WAITING ? " ORDER BY " + bucket + ", e.created_at, e.id"
                : " ORDER BY e.created_at DESC, e.id DESC");
        @SuppressWarnings("unchecked")
        NativeQuery<Object[]> query = Entry.getEntityManager().createNativeQuery(sql.toString())
                .unwrap(NativeQuery.class)
                .addEntity("e", Entry.class)
                .addScalar("author_name", StandardBasicTypes.STRING)
                .addScalar("group_name", StandardBasicTypes.STRING)
                .setParameter("me", actor.id())
                .setMaxResults(size + 1);
        if (groupId != null) {
            query.setParameter("group", groupId);
        }
        if (after != null) {
            Instant at = Cursor.instant(after.get(1));
            query.setParameter("at", at).setParameter("id", Cursor.uuid(after.get(2)));
            if (sort == Sort.WAITING) {
                query.setParameter("bucket", Cursor.integer(after.get(0)));
            }
        }
        List<Asked> rows = query.getResultList().stream()
                .map(r -> new Asked((Entry) r[0], (String) r[1], (String) r[2])).toList();
        return Page.of(rows, size, a -> Cursor.encode(a.entry().firstReplyAt == null ? "0" : "1",
                a.entry().createdAt.toString(), a.entry().id.toString()));
    }
}
