package org.learninglog.member;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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

    /** A page of the members who share at least one group with the given member, by name. */
    public static List<Member> pageSharingAGroupWith(UUID memberId, String afterName, UUID afterId, int rows) {
        String shared = "id in (select o.memberId from Membership o where o.groupId in "
                + "(select mine.groupId from Membership mine where mine.memberId = ?1))";
        if (afterName == null) {
            return find(shared + " order by lower(displayName), id", memberId).page(0, rows).list();
        }
        return find(shared + " and (lower(displayName) > lower(?2) or (lower(displayName) = lower(?2) and id > ?3))"
                + " order by lower(displayName), id", memberId, afterName, afterId).page(0, rows).list();
    }

    /** The members of a group, by name. */
    public static List<Member> inGroup(UUID groupId) {
        return find("id in (select ms.memberId from Membership ms where ms.groupId = ?1) order by lower(displayName), id",
                groupId).list();
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Away on that local date: `awayUntil` is the first day back. */
    public boolean isAwayOn(LocalDate date) {
        return awayUntil != null && date.isBefore(awayUntil);
    }
}
