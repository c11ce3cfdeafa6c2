package org.learninglog.group;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.learninglog.api.Rows;

/** A member's group memberships, for their export and their erasure. */
@ApplicationScoped
public class GroupPersonalData {

    /** One membership as exported. */
    public record MembershipRecord(UUID groupId, String groupName, String role, Instant joinedAt) {
    }

    private final EntityManager entityManager;

    GroupPersonalData(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public List<MembershipRecord> membershipsOf(UUID memberId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT g.id, g.name, ms.role, ms.joined_at"
                + " FROM membership ms JOIN learning_group g ON g.id = ms.group_id WHERE ms.member_id = ?1"
                + " ORDER BY ms.joined_at, g.id").setParameter(1, memberId).getResultList();
        return rows.stream().map(r -> new MembershipRecord((UUID) r[0], (String) r[1], (String) r[2],
                Rows.instant(r[3]))).toList();
    }

    /** The name of a group, for its export's header. */
    public String nameOf(UUID groupId) {
        return (String) entityManager.createNativeQuery("SELECT name FROM learning_group WHERE id = ?1")
                .setParameter(1, groupId).getSingleResult();
    }

    /** Takes an erased member off every group's roster. */
    public void forget(UUID memberId) {
        entityManager.createNativeQuery("DELETE FROM membership WHERE member_id = ?1").setParameter(1, memberId)
                .executeUpdate();
    }
}
