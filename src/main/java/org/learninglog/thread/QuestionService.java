package org.learninglog.thread;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.learninglog.api.Cursor;
import org.learninglog.api.Page;
import org.learninglog.entry.Entry;
import org.learninglog.group.GroupAccess;
import org.learninglog.identity.Actor;

/** The questions asked in the caller's groups: the group's memory of what was asked and answered. */
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
        String bucket = "(case when e.firstReplyAt is null then 0 else 1 end)";
        StringBuilder jpql = new StringBuilder("select e, m.displayName, g.name from Entry e, Member m, Group g"
                + " where m.id = e.memberId and g.id = e.groupId"
                + " and e.groupId in (select ms.groupId from Membership ms where ms.memberId = :me)"
                + " and e.question is not null and e.deletedAt is null");
        if (status == Status.OPEN) {
            jpql.append(" and e.acceptedReplyId is null");
        } else if (status == Status.ANSWERED) {
            jpql.append(" and e.acceptedReplyId is not null");
        }
        if (groupId != null) {
            jpql.append(" and e.groupId = :group");
        }
        if (after != null) {
            jpql.append(sort == Sort.WAITING
                    ? " and (" + bucket + " > :bucket or (" + bucket + " = :bucket and (e.createdAt > :at or (e.createdAt = :at and e.id > :id))))"
                    : " and (e.createdAt < :at or (e.createdAt = :at and e.id < :id))");
        }
        jpql.append(sort == Sort.WAITING ? " order by " + bucket + ", e.createdAt, e.id" : " order by e.createdAt desc, e.id desc");
        var query = Entry.getEntityManager().createQuery(jpql.toString(), Object[].class)
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
