package org.learninglog.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.learninglog.api.Rows;

/** A member's in-app notifications, for their export and their erasure. */
@ApplicationScoped
public class NotificationPersonalData {

    public record NotificationRecord(UUID id, String kind, UUID entryId, UUID replyId, UUID actorId,
            Instant createdAt, Instant readAt) {
    }

    private final EntityManager entityManager;

    NotificationPersonalData(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public List<NotificationRecord> notificationsOf(UUID memberId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT id, kind, entry_id, reply_id, actor_id,"
                + " created_at, read_at FROM notification WHERE member_id = ?1 ORDER BY created_at, id")
                .setParameter(1, memberId).getResultList();
        return rows.stream().map(r -> new NotificationRecord((UUID) r[0], (String) r[1], (UUID) r[2], (UUID) r[3],
                (UUID) r[4], Rows.instant(r[5]), Rows.instant(r[6]))).toList();
    }

    /** Deletes the member's notifications (those about them, to others, name no one but "Former member" now). */
    public void forget(UUID memberId) {
        entityManager.createNativeQuery("DELETE FROM notification WHERE member_id = ?1").setParameter(1, memberId)
                .executeUpdate();
    }
}
