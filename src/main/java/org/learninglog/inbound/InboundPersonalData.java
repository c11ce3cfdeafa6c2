package org.learninglog.inbound;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.learninglog.api.Rows;

/** Emails received from a member (by their member id or their address), for their export and their erasure. */
@ApplicationScoped
public class InboundPersonalData {

    public record InboundRecord(String messageId, String fromAddress, String status, String reason,
            Instant receivedAt, Instant processedAt) {
    }

    private final EntityManager entityManager;

    InboundPersonalData(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public List<InboundRecord> receivedFrom(UUID memberId, String email) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT message_id, from_address, status, reason,"
                + " received_at, processed_at FROM inbound_message WHERE member_id = ?1"
                + " OR lower(from_address) = lower(?2) ORDER BY received_at, id").setParameter(1, memberId)
                .setParameter(2, email).getResultList();
        return rows.stream().map(r -> new InboundRecord((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                Rows.instant(r[4]), Rows.instant(r[5]))).toList();
    }

    public void forget(UUID memberId, String email) {
        entityManager.createNativeQuery("DELETE FROM inbound_message WHERE member_id = ?1"
                + " OR lower(from_address) = lower(?2)").setParameter(1, memberId).setParameter(2, email)
                .executeUpdate();
    }
}
