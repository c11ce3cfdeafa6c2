package org.learninglog.thread;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.learninglog.api.Keyset;
import org.learninglog.api.Page;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An answer or comment in an entry's thread. */
@Entity
@Table(name = "reply")
public class Reply extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "entry_id")
    public UUID entryId;

    @Column(name = "member_id")
    public UUID memberId;

    public String body;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "edited_at")
    public Instant editedAt;

    /** Raised by every edit; the ETag. Edits lock the row. */
    public int version;

    /** Written once, by {@link #markAcceptanceNotified}; never by flushing a Reply. */
    @Column(name = "acceptance_notified_at", insertable = false, updatable = false)
    public Instant acceptanceNotifiedAt;

    /** A page of an entry's thread, oldest first; `accepted` names the entry's accepted answer. */
    static Page<ReplyView> pageOfThread(UUID entryId, UUID accepted, String cursor, Integer limit) {
        Keyset keyset = Keyset.of(cursor, limit, Keyset.Key.instant("r.createdAt"), Keyset.Key.uuid("r.id"));
        List<ReplyView> rows = keyset.bind(getEntityManager().createQuery("select r, m.displayName from Reply r,"
                + " Member m where m.id = r.memberId and r.entryId = :entry" + keyset.and() + " order by "
                + keyset.orderBy(), Object[].class))
                .setParameter("entry", entryId).setMaxResults(keyset.fetchSize())
                .getResultList().stream().map(r -> ((Reply) r[0]).view((String) r[1], accepted)).toList();
        return keyset.page(rows, r -> List.of(r.createdAt(), r.id()));
    }

    /** The entry a reply belongs to, which never changes: read without a lock. */
    static Optional<UUID> entryOf(UUID replyId) {
        return getEntityManager().createQuery("select r.entryId from Reply r where r.id = :id", UUID.class)
                .setParameter("id", replyId).getResultList().stream().findFirst();
    }

    /** How many replies the thread holds, and when the first was made (null without replies). */
    static Object[] countOf(UUID entryId) {
        return getEntityManager()
                .createQuery("select count(r), min(r.createdAt) from Reply r where r.entryId = :entry", Object[].class)
                .setParameter("entry", entryId).getSingleResult();
    }

    /**
     * Notes that the reply's author was told it was accepted as the answer; whether this is the first time. The
     * author is told once per reply, however often the answer is taken back and accepted again.
     */
    static boolean markAcceptanceNotified(UUID replyId, Instant at) {
        return getEntityManager().createNativeQuery("UPDATE reply SET acceptance_notified_at = ?1"
                + " WHERE id = ?2 AND acceptance_notified_at IS NULL")
                .setParameter(1, at).setParameter(2, replyId).executeUpdate() == 1;
    }

    ReplyView view(String authorName, UUID acceptedReplyId) {
        return new ReplyView(id, entryId, memberId, authorName, body, id.equals(acceptedReplyId), createdAt, editedAt,
                version);
    }
}
