package org.learninglog.group;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A member's place in a group. */
@Entity
@Table(name = "membership")
public class Membership extends PanacheEntityBase {

    public enum Role { FACILITATOR, MEMBER }

    @Id
    public UUID id;

    @Column(name = "group_id")
    public UUID groupId;

    @Column(name = "member_id")
    public UUID memberId;

    @Enumerated(EnumType.STRING)
    public Role role;

    @Column(name = "joined_at")
    public Instant joinedAt;

    public static Optional<Membership> find(UUID groupId, UUID memberId) {
        return find("groupId = ?1 and memberId = ?2", groupId, memberId).firstResultOptional();
    }

    public static boolean isMember(UUID groupId, UUID memberId) {
        return count("groupId = ?1 and memberId = ?2", groupId, memberId) > 0;
    }

    public static long countInGroup(UUID groupId) {
        return count("groupId", groupId);
    }

    /** Member counts of several groups in one query. */
    static Map<UUID, Long> countsByGroup(Collection<UUID> groupIds) {
        if (groupIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = getEntityManager()
                .createQuery("select m.groupId, count(m) from Membership m where m.groupId in ?1 group by m.groupId",
                        Object[].class)
                .setParameter(1, groupIds)
                .getResultList();
        return rows.stream().collect(Collectors.toMap(r -> (UUID) r[0], r -> (Long) r[1]));
    }

    /** A membership with the member's name. */
    record Named(Membership membership, String displayName) {
    }

    /** The group's memberships by member: a group has at most {@link Group#MAX_MEMBERS}. */
    static Map<UUID, Membership> byMemberIn(UUID groupId) {
        return Membership.<Membership>list("groupId", groupId).stream()
                .collect(Collectors.toMap(m -> m.memberId, m -> m));
    }
}
