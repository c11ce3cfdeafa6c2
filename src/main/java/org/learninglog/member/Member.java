package org.learninglog.member;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "member")
public class Member extends PanacheEntityBase {

    public enum Role { ADMIN, MEMBER }

    public enum ReplyNotifications { IMMEDIATE, DAILY_DIGEST, OFF }

    @Id
    public UUID id;

    @Column(name = "display_name")
    public String displayName;

    public String email;

    @Column(name = "time_zone")
    public String timeZone;

    @Enumerated(EnumType.STRING)
    public Role role;

    public boolean reminders;

    @Enumerated(EnumType.STRING)
    @Column(name = "reply_notifications")
    public ReplyNotifications replyNotifications;

    @Column(name = "away_until")
    public LocalDate awayUntil;

    public boolean active;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Member create(String displayName, String email, String timeZone, Role role, Instant now) {
        Member member = new Member();
        member.id = UUID.randomUUID();
        member.displayName = displayName;
        member.email = email;
        member.timeZone = timeZone;
        member.role = role;
        member.reminders = true;
        member.replyNotifications = ReplyNotifications.IMMEDIATE;
        member.active = true;
        member.createdAt = now;
        member.updatedAt = now;
        return member;
    }

    public static Optional<Member> findByEmail(String email) {
        return find("lower(email) = lower(?1)", email).firstResultOptional();
    }

    public static boolean emailTaken(String email, UUID exceptId) {
        return count("lower(email) = lower(?1) and id <> ?2", email, exceptId) > 0;
    }

    /**
     * A page of all members by name, after the cursor's (name, id). The name is lower-cased by the database,
     * like the sort key, because Java lower-cases some letters (`İ`, final `Σ`) differently.
     */
    public static List<Member> pageByName(String afterName, UUID afterId, int rows) {
        if (afterName == null) {
            return find("order by lower(displayName), id").page(0, rows).list();
        }
        return find("(lower(displayName) > lower(?1) or (lower(displayName) = lower(?1) and id > ?2))"
                + " order by lower(displayName), id",
                afterName, afterId).page(0, rows).list();
    }

    /** A page of the given members by name, after the cursor's (name, id): lists that another feature narrows. */
    public static List<Member> pageByNameAmong(Collection<UUID> ids, String afterName, UUID afterId, int rows) {
        if (ids.isEmpty()) {
            return List.of();
        }
        if (afterName == null) {
            return find("id in ?1 order by lower(displayName), id", ids).page(0, rows).list();
        }
        return find("id in ?1 and (lower(displayName) > lower(?2) or (lower(displayName) = lower(?2) and id > ?3))"
                + " order by lower(displayName), id", ids, afterName, afterId).page(0, rows).list();
    }

    // Who is in which group is the group feature's: it publishes it as the views group_member (group_id,
    // member_id) and group_mate (member_id, mate_id: the two share a group), so these are native SQL.

    /** Whether the two members share at least one group. */
    public static boolean shareAGroup(UUID memberId, UUID otherId) {
        return (Boolean) getEntityManager()
                .createNativeQuery("SELECT EXISTS (SELECT 1 FROM group_mate"
                        + " WHERE member_id = :member AND mate_id = :other)")
                .setParameter("member", memberId).setParameter("other", otherId)
                .getSingleResult();
    }

    /** A page of the members who share at least one group with the given member, by name. */
    @SuppressWarnings("unchecked")
    public static List<Member> pageSharingAGroupWith(UUID memberId, String afterName, UUID afterId, int rows) {
        String after = afterName == null ? ""
                : " AND (lower(display_name) > lower(:name) OR (lower(display_name) = lower(:name) AND id > :id))";
        var query = getEntityManager().createNativeQuery("SELECT * FROM member"
                + " WHERE id IN (SELECT mate_id FROM group_mate WHERE member_id = :member)" + after
                + " ORDER BY lower(display_name), id", Member.class)
                .setParameter("member", memberId)
                .setMaxResults(rows);
        if (afterName != null) {
            query.setParameter("name", afterName).setParameter("id", afterId);
        }
        return query.getResultList();
    }

    /** The members of a group, by name. */
    @SuppressWarnings("unchecked")
    public static List<Member> inGroup(UUID groupId) {
        return getEntityManager().createNativeQuery("SELECT * FROM member"
                + " WHERE id IN (SELECT member_id FROM group_member WHERE group_id = :group)"
                + " ORDER BY lower(display_name), id", Member.class)
                .setParameter("group", groupId)
                .getResultList();
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** Away on that local date: `awayUntil` is the first day back. */
    public boolean isAwayOn(LocalDate date) {
        return awayUntil != null && date.isBefore(awayUntil);
    }
}
