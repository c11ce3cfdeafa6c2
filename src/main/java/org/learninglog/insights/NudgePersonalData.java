package org.learninglog.insights;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.learninglog.api.Rows;

/** Nudges a member received, for their export and their erasure. */
@ApplicationScoped
public class NudgePersonalData {

    public record NudgeRecord(UUID groupId, String week, Instant createdAt) {
    }

    private final EntityManager entityManager;

    NudgePersonalData(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public List<NudgeRecord> nudgesOf(UUID memberId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT group_id, week, created_at FROM member_nudge"
                + " WHERE member_id = ?1 ORDER BY created_at, group_id").setParameter(1, memberId).getResultList();
        return rows.stream().map(r -> new NudgeRecord((UUID) r[0], (String) r[1], Rows.instant(r[2]))).toList();
    }

    /** Deletes the nudges the member received; those they sent stay with the facilitator's id (no name). */
    public void forget(UUID memberId) {
        entityManager.createNativeQuery("DELETE FROM member_nudge WHERE member_id = ?1").setParameter(1, memberId)
                .executeUpdate();
    }
}
