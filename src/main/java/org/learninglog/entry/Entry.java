package org.learninglog.entry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One member's log for one week in one group: what they tried, what failed, and a question. */
@Entity
@Table(name = "entry")
public class Entry extends PanacheEntityBase {

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

    @Column(name = "deleted_at")
    public Instant deletedAt;

    @Column(name = "reply_count")
    public int replyCount;

    @Column(name = "first_reply_at")
    public Instant firstReplyAt;

    @Column(name = "accepted_reply_id")
    public UUID acceptedReplyId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Raised by every change; the ETag. Changes lock the row, so no two can interleave. */
    public int version;

    public boolean isRemoved() {
        return deletedAt != null;
    }

    public String questionStatus() {
        if (question == null || isRemoved()) {
            return "none";
        }
        return acceptedReplyId != null ? "answered" : "open";
    }

    /** An entry with its author's name, as lists show it. */
    public record Authored(Entry entry, String authorName) {
    }

    static List<Authored> ofWeek(UUID groupId, String week) {
        return getEntityManager().createQuery(
                "select e, m.displayName from Entry e, Member m where m.id = e.memberId"
                        + " and e.groupId = ?1 and e.week = ?2 order by e.createdAt, e.id",
                Object[].class)
                .setParameter(1, groupId).setParameter(2, week)
                .getResultList().stream().map(r -> new Authored((Entry) r[0], (String) r[1])).toList();
    }

    /**
     * A page of one member's live entries, the newest week first and within a week the newest posted first,
     * after the cursor's (week, createdAt, id). Weeks compare as text: `2026-W09` sorts before `2026-W10`.
     */
    static List<Entry> pageOfMember(UUID memberId, String afterWeek, Instant afterCreatedAt, UUID afterId, int rows) {
        String order = " order by week desc, createdAt desc, id desc";
        if (afterWeek == null) {
            return find("memberId = ?1 and deletedAt is null" + order, memberId).page(0, rows).list();
        }
        return find("memberId = ?1 and deletedAt is null and (week < ?2 or (week = ?2"
                + " and (createdAt < ?3 or (createdAt = ?3 and id < ?4))))" + order,
                memberId, afterWeek, afterCreatedAt, afterId).page(0, rows).list();
    }
}
