package org.learninglog.entry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.learninglog.api.Keyset;
import org.learninglog.api.Page;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One member's log for one week in one group: what they tried, what failed, and a question. */
@Entity
@Table(name = "entry")
public class Entry extends PanacheEntityBase {

    /** How the advice on last week's question worked out. */
    public enum Outcome {
        WORKED, PARTLY, DID_NOT_WORK, NOT_TRIED_YET
    }

    @Id
    public UUID id;

    @Column(name = "group_id")
    public UUID groupId;

    @Column(name = "member_id")
    public UUID memberId;

    public String week;

    public String tried;

    public String failed;

    public String question;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "varchar(40)[]")
    public String[] tags;

    public boolean late;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Outcome outcome;

    @Column(name = "outcome_note")
    public String outcomeNote;

    /** The author's entry of the week before, whose question the outcome is about. */
    @Column(name = "outcome_of")
    public UUID outcomeOf;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    // What the entry summarises of its thread is written only by EntryThreads' statements, under the entry's row
    // lock; never by flushing an Entry, whose copy of these columns may be older than the row.
    @Column(name = "reply_count", insertable = false, updatable = false)
    public int replyCount;

    @Column(name = "first_reply_at", insertable = false, updatable = false)
    public Instant firstReplyAt;

    @Column(name = "accepted_reply_id", insertable = false, updatable = false)
    public UUID acceptedReplyId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Raised by every change of the entry itself; the ETag. Changes lock the row, so no two can interleave. */
    public int version;

    public boolean isRemoved() {
        return deletedAt != null;
    }

    /** The entry's view, as the database holds it now. */
    static Optional<EntryView> view(UUID id) {
        return getEntityManager().createQuery("select " + EntryView.COLUMNS + " from Entry e, Member m"
                + " where m.id = e.memberId and e.id = :id", Object[].class)
                .setParameter("id", id).getResultList().stream().findFirst().map(EntryView::of);
    }

    /** A member's live entry of a week in a group. */
    static Optional<EntryView> viewOfMine(UUID groupId, UUID memberId, String week) {
        return getEntityManager().createQuery("select " + EntryView.COLUMNS + " from Entry e, Member m"
                + " where m.id = e.memberId and e.groupId = :group and e.memberId = :member and e.week = :week"
                + " and e.deletedAt is null", Object[].class)
                .setParameter("group", groupId).setParameter("member", memberId).setParameter("week", week)
                .getResultList().stream().findFirst().map(EntryView::of);
    }

    /**
     * A page of one member's live entries, the newest week first and within a week the newest posted first. Weeks
     * compare as text: `2026-W09` sorts before `2026-W10`.
     */
    static Page<EntryView> pageOfMember(UUID memberId, String cursor, Integer limit) {
        Keyset keyset = Keyset.of(cursor, limit, Keyset.Key.text("e.week").descending(),
                Keyset.Key.instant("e.createdAt").descending(), Keyset.Key.uuid("e.id").descending());
        List<EntryView> rows = keyset.bind(getEntityManager().createQuery("select " + EntryView.COLUMNS
                + " from Entry e, Member m where m.id = e.memberId and e.memberId = :member and e.deletedAt is null"
                + keyset.and() + " order by " + keyset.orderBy(), Object[].class))
                .setParameter("member", memberId).setMaxResults(keyset.fetchSize())
                .getResultList().stream().map(EntryView::of).toList();
        return keyset.page(rows, e -> List.of(e.week(), e.createdAt(), e.id()));
    }

    /** The group an entry belongs to, which never changes: read without a lock. */
    static Optional<UUID> groupOf(UUID id) {
        return getEntityManager().createQuery("select e.groupId from Entry e where e.id = :id", UUID.class)
                .setParameter("id", id).getResultList().stream().findFirst();
    }

    /** The entry as the head of its thread; with the entry's row lock when `lock`. */
    static Optional<EntryHead> head(UUID id, boolean lock) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("SELECT id, group_id, member_id,"
                + " question IS NOT NULL, deleted_at IS NOT NULL, accepted_reply_id FROM entry WHERE id = ?1"
                + (lock ? " FOR NO KEY UPDATE" : ""))
                .setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(r -> new EntryHead((UUID) r[0], (UUID) r[1], (UUID) r[2],
                (Boolean) r[3], (Boolean) r[4], (UUID) r[5], lock));
    }
}
