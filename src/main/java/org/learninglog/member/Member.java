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

import org.learninglog.api.Keyset;
import org.learninglog.api.Page;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "member")
public class Member extends PanacheEntityBase {

    public enum Role { ADMIN, MEMBER }

    public enum ReplyNotifications { IMMEDIATE, DAILY_DIGEST, OFF }

    /** Emails about new questions in the member's groups; the in-app notification comes in any case. */
    public enum QuestionNotifications {
        IMMEDIATE, DAILY_DIGEST, OFF
    }

    @Id
    public UUID id;

    @Column(name = "display_name")
    public String displayName;

    public String email;

    @Column(name = "time_zone")
    public String timeZone;

    /** A BCP 47 tag the service has messages for (`MemberRules.language`); every email to the member is in it. */
    public String language;

    @Enumerated(EnumType.STRING)
    public Role role;

    public boolean reminders;

    /** Whether the whole organisation may see whom to ask about what this member answered (never the content). */
    @Column(name = "share_expertise")
    public boolean shareExpertise;

    @Enumerated(EnumType.STRING)
    @Column(name = "reply_notifications")
    public ReplyNotifications replyNotifications;

    @Enumerated(EnumType.STRING)
    @Column(name = "question_notifications")
    public QuestionNotifications questionNotifications;

    @Column(name = "away_until")
    public LocalDate awayUntil;

    public boolean active;

    /** When the member's personal data was erased (they stay deactivated for good); null for everyone else. */
    @Column(name = "erased_at")
    public Instant erasedAt;

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
        member.language = MemberRules.DEFAULT_LANGUAGE;
        member.role = role;
        member.reminders = true;
        member.replyNotifications = ReplyNotifications.IMMEDIATE;
        member.questionNotifications = QuestionNotifications.DAILY_DIGEST;
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

    /** All members by name, a page after the cursor's. */
    public static Page<Member> pageByName(String cursor, Integer limit) {
        Keyset keyset = Keyset.of(cursor, limit, Keyset.Key.ignoringCase("m.displayName"), Keyset.Key.uuid("m.id"));
        List<Member> rows = find("from Member m" + keyset.where() + " order by " + keyset.orderBy(),
                keyset.parameters()).page(0, keyset.fetchSize()).list();
        return keyset.page(rows, m -> List.of(m.displayName, m.id));
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

    /** The members who share at least one group with the given member, by name, a page after the cursor's. */
    @SuppressWarnings("unchecked")
    public static Page<Member> pageSharingAGroupWith(UUID memberId, String cursor, Integer limit) {
        Keyset keyset = Keyset.of(cursor, limit, Keyset.Key.ignoringCase("m.display_name"), Keyset.Key.uuid("m.id"));
        List<Member> rows = keyset.bind(getEntityManager().createNativeQuery("SELECT m.* FROM member m"
                + " WHERE m.id IN (SELECT mate_id FROM group_mate WHERE member_id = :member)" + keyset.and()
                + " ORDER BY " + keyset.orderBy(), Member.class))
                .setParameter("member", memberId)
                .setMaxResults(keyset.fetchSize())
                .getResultList();
        return keyset.page(rows, m -> List.of(m.displayName, m.id));
    }

    // Row locks. A deactivation, a change of role and anything done for a member that a deactivation must not
    // miss (issuing a token) lock the member's row first, so they happen one after the other. FOR NO KEY UPDATE:
    // they conflict with each other but not with the key-share locks of rows that merely reference the member.

    /** Locks the member's row until the transaction ends; whether the member is active, empty when unknown. */
    static Optional<Boolean> lockRow(UUID memberId) {
        List<?> active = getEntityManager()
                .createNativeQuery("SELECT active FROM member WHERE id = :id FOR NO KEY UPDATE")
                .setParameter("id", memberId)
                .getResultList();
        return active.stream().findFirst().map(Boolean.class::cast);
    }

    /**
     * Locks the member's row and those of every active administrator, in id order (so two transactions taking
     * these locks never wait for each other in a circle), until the transaction ends: while they are held no
     * other transaction can take the administrator role away from anyone, so the count that follows holds.
     */
    static void lockWithActiveAdministrators(UUID memberId) {
        getEntityManager().createNativeQuery("SELECT id FROM member WHERE id = :id OR (role = 'ADMIN' AND active)"
                + " ORDER BY id FOR NO KEY UPDATE")
                .setParameter("id", memberId)
                .getResultList();
    }

    /** Whether the member is an active administrator. */
    static boolean isActiveAdministrator(UUID memberId) {
        return count("id = ?1 and role = ?2 and active = true", memberId, Role.ADMIN) > 0;
    }

    /** How many active administrators there are besides the given member. */
    static long countOtherActiveAdministrators(UUID memberId) {
        return count("id <> ?1 and role = ?2 and active = true", memberId, Role.ADMIN);
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
