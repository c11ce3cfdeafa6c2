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

    public static boolean shareAGroup(UUID memberId, UUID otherId) {
        return count("memberId = ?1 and groupId in (select o.groupId from Membership o where o.memberId = ?2)",
                memberId, otherId) > 0;
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

    /** Memberships with the members' names, in one query. */
    record Named(Membership membership, String displayName) {
    }

    static List<Named> pageInGroup(UUID groupId, String afterName, UUID afterId, int rows) {
        String select = "select ms, m.displayName from Membership ms, Member m where m.id = ms.memberId and ms.groupId = :group";
        String after = afterName == null ? ""
                : " and (lower(m.displayName) > lower(:name) or (lower(m.displayName) = lower(:name) and m.id > :id))";
        var query = getEntityManager().createQuery(select + after + " order by lower(m.displayName), m.id", Object[].class)
                .setParameter("group", groupId)
                .setMaxResults(rows);
        if (afterName != null) {
            query.setParameter("name", afterName).setParameter("id", afterId);
        }
        return query.getResultList().stream().map(r -> new Named((Membership) r[0], (String) r[1])).toList();
    }
}
