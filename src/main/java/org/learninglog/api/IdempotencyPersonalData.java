package org.learninglog.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** A member's idempotency keys (the stored responses hold their data too), for their export and erasure. */
@ApplicationScoped
public class IdempotencyPersonalData {

    public record KeyRecord(String operation, String key, Instant createdAt) {
    }

    private final EntityManager entityManager;

    IdempotencyPersonalData(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public List<KeyRecord> keysOf(UUID memberId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT operation, key, created_at FROM idempotency_key"
                + " WHERE member_id = ?1 ORDER BY created_at, key").setParameter(1, memberId).getResultList();
        return rows.stream().map(r -> new KeyRecord((String) r[0], (String) r[1], Rows.instant(r[2]))).toList();
    }

    public void forget(UUID memberId) {
        entityManager.createNativeQuery("DELETE FROM idempotency_key WHERE member_id = ?1").setParameter(1, memberId)
                .executeUpdate();
    }
}
