package org.learninglog.session;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.learninglog.api.Rows;

/** A member's sessions and sign-in links (never a secret), for their export and their erasure. */
@ApplicationScoped
public class SessionPersonalData {

    public record SessionRecord(UUID id, Instant createdAt, Instant lastSeenAt, Instant revokedAt) {
    }

    public record SignInLinkRecord(String email, String clientAddress, Instant createdAt, Instant expiresAt,
            Instant usedAt) {
    }

    private final EntityManager entityManager;

    SessionPersonalData(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public List<SessionRecord> sessionsOf(UUID memberId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT id, created_at, last_seen_at, revoked_at"
                + " FROM member_session WHERE member_id = ?1 ORDER BY created_at, id").setParameter(1, memberId)
                .getResultList();
        return rows.stream().map(r -> new SessionRecord((UUID) r[0], Rows.instant(r[1]), Rows.instant(r[2]),
                Rows.instant(r[3]))).toList();
    }

    /** Links asked for the member or for their address (a link asked for an unknown address names no member). */
    public List<SignInLinkRecord> signInLinksOf(UUID memberId, String email) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT email, client_address, created_at, expires_at,"
                + " used_at FROM sign_in_link WHERE member_id = ?1 OR lower(email) = lower(?2)"
                + " ORDER BY created_at, id").setParameter(1, memberId).setParameter(2, email).getResultList();
        return rows.stream().map(r -> new SignInLinkRecord((String) r[0], (String) r[1], Rows.instant(r[2]),
                Rows.instant(r[3]), Rows.instant(r[4]))).toList();
    }

    public void forget(UUID memberId, String email) {
        entityManager.createNativeQuery("DELETE FROM member_session WHERE member_id = ?1").setParameter(1, memberId)
                .executeUpdate();
        entityManager.createNativeQuery("DELETE FROM sign_in_link WHERE member_id = ?1 OR lower(email) = lower(?2)")
                .setParameter(1, memberId).setParameter(2, email).executeUpdate();
    }
}
