package org.learninglog;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * What must hold in the database whatever requests raced, read straight from the tables after a race. Checks
 * that other tests' fixtures could break (they write tables directly) look at the given members or groups only.
 */
@ApplicationScoped
public class Invariants {

    private final EntityManager entityManager;

    Invariants(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Active administrators in the whole service: never fewer than one. */
    @Transactional
    public long activeAdministrators() {
        return ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM member WHERE role = 'ADMIN' AND active")
                .getSingleResult()).longValue();
    }

    /** Those of the groups that have members but no facilitator: always none. */
    @Transactional
    public List<UUID> groupsWithMembersButNoFacilitator(Collection<UUID> groupIds) {
        return uuids(entityManager.createNativeQuery("SELECT g.group_id FROM ("
                + "SELECT group_id, count(*) FILTER (WHERE role = 'FACILITATOR') AS facilitators FROM membership"
                + " WHERE group_id = ANY (CAST(string_to_array(:ids, ',') AS uuid[])) GROUP BY group_id) g"
                + " WHERE g.facilitators = 0")
                .setParameter("ids", join(groupIds)).getResultList());
    }

    /** How many facilitators the group has. */
    @Transactional
    public long facilitators(UUID groupId) {
        return ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM membership WHERE group_id = :id AND role = 'FACILITATOR'")
                .setParameter("id", groupId).getSingleResult()).longValue();
    }

    /** Live (not revoked) tokens of those of the members who are deactivated: always none. */
    @Transactional
    public long liveTokensOfInactiveMembers(Collection<UUID> memberIds) {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM access_token t"
                + " JOIN member m ON m.id = t.member_id"
                + " WHERE NOT m.active AND t.revoked_at IS NULL"
                + " AND m.id = ANY (CAST(string_to_array(:ids, ',') AS uuid[]))")
                .setParameter("ids", join(memberIds)).getSingleResult()).longValue();
    }

    /** The member's live tokens: never more than the cap. */
    @Transactional
    public long liveTokens(UUID memberId) {
        return ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM access_token WHERE member_id = :id AND revoked_at IS NULL")
                .setParameter("id", memberId).getSingleResult()).longValue();
    }

    private static String join(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(","));
    }

    private static List<UUID> uuids(List<?> values) {
        return values.stream().map(v -> v instanceof UUID id ? id : UUID.fromString(v.toString())).toList();
    }
}
