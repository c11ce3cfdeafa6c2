package org.learninglog.group;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
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

import org.learninglog.api.Keyset;
import org.learninglog.api.Page;

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

    static long countFacilitators(UUID groupId) {
        return count("groupId = ?1 and role = ?2", groupId, Role.FACILITATOR);
    }

    /**
     * The group's members by name, a page after the cursor's: one statement, names from the member feature's
     * view `member_name`.
     */
    @SuppressWarnings("unchecked")
    static Page<GroupMember> pageOfGroup(UUID groupId, String cursor, Integer limit) {
        Keyset keyset = Keyset.of(cursor, limit, Keyset.Key.ignoringCase("n.display_name"),
                Keyset.Key.uuid("ms.member_id"));
        List<Object[]> rows = keyset.bind(getEntityManager().createNativeQuery(
                "SELECT ms.member_id, n.display_name, ms.role, ms.joined_at FROM membership ms"
                        + " JOIN member_name n ON n.member_id = ms.member_id"
                        + " WHERE ms.group_id = :group" + keyset.and() + " ORDER BY " + keyset.orderBy()))
                .setParameter("group", groupId)
                .setMaxResults(keyset.fetchSize())
                .getResultList();
        List<GroupMember> members = rows.stream().map(r -> new GroupMember(uuid(r[0]), (String) r[1],
                Role.valueOf((String) r[2]), instant(r[3]))).toList();
        return keyset.page(members, m -> List.of(m.displayName(), m.memberId()));
    }

    private static UUID uuid(Object value) {
        return value instanceof UUID id ? id : UUID.fromString(value.toString());
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant at) {
            return at;
        }
        if (value instanceof OffsetDateTime at) {
            return at.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
