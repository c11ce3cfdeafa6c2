package org.learninglog.security;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.learninglog.api.Rows;

/** A member's access tokens (metadata only, never a secret), for their export and their erasure. */
@ApplicationScoped
public class TokenPersonalData {

    public record TokenRecord(UUID id, String name, String prefix, Instant createdAt, Instant lastUsedAt,
            Instant revokedAt) {
    }

    private final EntityManager entityManager;

    TokenPersonalData(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public List<TokenRecord> tokensOf(UUID memberId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT id, name, prefix, created_at, last_used_at,"
                + " revoked_at FROM access_token WHERE member_id = ?1 ORDER BY created_at, id")
                .setParameter(1, memberId).getResultList();
        return rows.stream().map(r -> new TokenRecord((UUID) r[0], (String) r[1], (String) r[2], Rows.instant(r[3]),
                Rows.instant(r[4]), Rows.instant(r[5]))).toList();
    }

    public void forget(UUID memberId) {
        entityManager.createNativeQuery("DELETE FROM access_token WHERE member_id = ?1").setParameter(1, memberId)
                .executeUpdate();
    }
}
