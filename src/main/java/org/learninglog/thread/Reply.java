package org.learninglog.thread;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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

    /** A reply with its author's name. */
    public record Authored(Reply reply, String authorName) {
    }

    static List<Authored> pageOfThread(UUID entryId, Instant afterCreatedAt, UUID afterId, int rows) {
        String keyset = afterCreatedAt == null ? "" : " and (r.createdAt > :at or (r.createdAt = :at and r.id > :id))";
        var query = getEntityManager().createQuery("select r, m.displayName from Reply r, Member m"
                + " where m.id = r.memberId and r.entryId = :entry" + keyset + " order by r.createdAt, r.id",
                Object[].class)
                .setParameter("entry", entryId)
                .setMaxResults(rows);
        if (afterCreatedAt != null) {
            query.setParameter("at", afterCreatedAt).setParameter("id", afterId);
        }
        return query.getResultList().stream().map(r -> new Authored((Reply) r[0], (String) r[1])).toList();
    }
}
