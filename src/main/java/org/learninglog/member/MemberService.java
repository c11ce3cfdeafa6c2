package org.learninglog.member;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.learninglog.api.Page;
import org.learninglog.api.Problems;
import org.learninglog.identity.Actor;

@ApplicationScoped
@Transactional
public class MemberService {

    /** Raised when a member is deactivated, so their credentials go with it. */
    public record Deactivated(UUID memberId) {
    }

    /**
     * Raised in the transaction that adds a member through the API, so their invitation is enqueued with them;
     * and when an administrator asks for it again (`resent`), with the member's row locked.
     */
    public record InvitationDue(UUID memberId, boolean resent) {
    }

    /** What members change of their own profile ({@code /me}); null fields stay as they are. */
    public record ProfileChange(String displayName, String timeZone, String language, Boolean reminders,
            Member.ReplyNotifications replyNotifications, LocalDate awayUntil, Boolean shareExpertise,
            Member.QuestionNotifications questionNotifications) {
    }

    /** What an administrator changes of a member ({@code /members/{id}}); null fields stay as they are. */
    public record AdminChange(String displayName, String email, String timeZone, String language, Member.Role role,
            Boolean active) {
    }

    /** Whom an administrator adds; a null language is taken from the request's `Accept-Language`. */
    public record Newcomer(String displayName, String email, String timeZone, String language, Member.Role role,
            String acceptLanguage) {
    }

    /** The emails a member can switch off from a link in one, without logging in. */
    public enum Emails {
        REMINDERS, REPLY_NOTIFICATIONS, QUESTION_NOTIFICATIONS
    }

    private final Clock clock;
    private final Event<Deactivated> deactivated;
    private final Event<InvitationDue> invitationDue;
    private final TokenIssuer tokens;

    MemberService(Clock clock, Event<Deactivated> deactivated, Event<InvitationDue> invitationDue,
            TokenIssuer tokens) {
        this.clock = clock;
        this.deactivated = deactivated;
        this.invitationDue = invitationDue;
        this.tokens = tokens;
    }

    /** The caller's profile in its wire form (the same as `GET /me`). */
    public Object meAsJson(Actor actor) {
        return MemberViews.of(me(actor));
    }

    public MemberProfile me(Actor actor) {
        return MemberProfile.of(found(actor.id()), true);
    }

    /** An administrator adds a member, who is sent an invitation in the same transaction. */
    public MemberProfile create(Actor actor, Newcomer newcomer) {
        requireAdmin(actor);
        String language = newcomer.language() != null ? MemberRules.language(newcomer.language())
                : MemberRules.languageFrom(newcomer.acceptLanguage());
        Member member = register(newcomer.displayName(), newcomer.email(), newcomer.timeZone(), newcomer.role());
        member.language = language;
        invitationDue.fire(new InvitationDue(member.id, false));
        return MemberProfile.of(member, true);
    }

    /**
     * An administrator sends a member their invitation again; whether an email goes out (not within a short
     * window after the last one) is the invitation's business. 409 for a deactivated member: the row is locked,
     * so a deactivation committing meanwhile is seen.
     */
    public void resendInvitation(Actor actor, UUID memberId) {
        requireAdmin(actor);
        boolean active = Member.lockRow(memberId).orElseThrow(() -> Problems.notFound("Member"));
        if (!active) {
            throw Problems.conflict("The member is deactivated; reactivate them before inviting them again");
        }
        invitationDue.fire(new InvitationDue(memberId, true));
    }

    /**
     * Creates a member, checked like any other, without asking who wants it: for work no person triggers
     * (the bootstrap administrator, demo data).
     */
    public Member register(String displayName, String email, String timeZone, Member.Role role) {
        String checkedEmail = MemberRules.email(email);
        Member member = Member.create(MemberRules.displayName(displayName), checkedEmail,
                MemberRules.timeZone(timeZone), role == null ? Member.Role.MEMBER : role, clock.instant());
        if (Member.findByEmail(checkedEmail).isPresent()) {
            throw Problems.conflict("A member with email " + checkedEmail + " exists already");
        }
        member.persistAndFlush();
        return member;
    }

    /**
     * Administrators, the member themselves, and anyone who shares a group with them may see a member; the email
     * address and mail preferences only administrators and the member themselves.
     */
    public MemberProfile get(Actor actor, UUID memberId) {
        Member member = found(memberId);
        if (actor.admin() || actor.id().equals(memberId) || Member.shareAGroup(actor.id(), memberId)) {
            return MemberProfile.of(member, personal(actor, memberId));
        }
        throw Problems.notFound("Member");
    }

    /** Everyone to administrators; to anyone else the members they share a group with. By name. */
    public Page<MemberProfile> list(Actor actor, Integer limit, String cursor) {
        Page<Member> page = actor.admin()
                ? Member.pageByName(cursor, limit)
                : Member.pageSharingAGroupWith(actor.id(), cursor, limit);
        return page.map(m -> MemberProfile.of(m, personal(actor, m.id)));
    }

    public MemberProfile changeMe(Actor actor, ProfileChange change) {
        return MemberProfile.of(changeProfile(actor.id(), change), true);
    }

    /**
     * Locks the member's row until the caller's transaction ends, so that a deactivation and what the caller does
     * for the member (issuing a token) happen one after the other, never interleaved; whether the member is active
     * (false for an unknown member). Read under the lock, so a deactivation that committed first is seen.
     */
    public boolean holdIfActive(UUID memberId) {
        return Member.lockRow(memberId).orElse(false);
    }

    /** The member's name, for the page a signed link opens: the link is the authority, there is no caller. */
    public String displayName(UUID memberId) {
        return found(memberId).displayName;
    }

    /** The display names of these members, by id (erased members are "Former member"). */
    public java.util.Map<UUID, String> displayNames(java.util.Collection<UUID> memberIds) {
        if (memberIds.isEmpty()) {
            return java.util.Map.of();
        }
        return Member.<Member>list("id in ?1", memberIds).stream()
                .collect(java.util.stream.Collectors.toMap(m -> m.id, m -> m.displayName));
    }

    /** The member's language (a BCP 47 tag), for the page a signed link opens. */
    public String language(UUID memberId) {
        return found(memberId).language;
    }

    /** Switches one kind of email off, for a signed unsubscribe link; the member's name, for the page. */
    public String switchOff(UUID memberId, Emails emails) {
        var change = switch (emails) {
            case REMINDERS -> new ProfileChange(null, null, null, false, null, null, null, null);
            case REPLY_NOTIFICATIONS -> new ProfileChange(null, null, null, null, Member.ReplyNotifications.OFF, null,
                    null, null);
            case QUESTION_NOTIFICATIONS -> new ProfileChange(null, null, null, null, null, null, null,
                    Member.QuestionNotifications.OFF);
        };
        return changeProfile(memberId, change).displayName;
    }

    /**
     * An administrator's change of a member. Taking the administrator role away (a demotion, or deactivating an
     * administrator) locks the rows of all active administrators first, so two administrators demoting each other
     * at once are served one after the other and the last active administrator always stays (422). A
     * deactivation locks the member's row, which token issuing locks too: no token of the member outlives it.
     */
    public MemberProfile change(Actor actor, UUID memberId, AdminChange changes) {
        requireAdmin(actor);
        boolean mayRemoveAnAdministrator = changes.role() == Member.Role.MEMBER
                || Boolean.FALSE.equals(changes.active());
        if (mayRemoveAnAdministrator) {
            if (actor.id().equals(memberId)) {
                throw Problems.unprocessable(changes.role() == Member.Role.MEMBER
                        ? "Administrators cannot take their own administrator role away"
                        : "Administrators cannot deactivate themselves");
            }
            Member.lockWithActiveAdministrators(memberId);
        } else if (Member.lockRow(memberId).isEmpty()) {
            throw Problems.notFound("Member");
        }
        // Loaded and counted under the locks, so it is what the last committed change left.
        Member member = found(memberId);
        if (member.erasedAt != null) {
            throw Problems.conflict("The member was erased; nothing of them can be changed");
        }
        if (mayRemoveAnAdministrator) {
            boolean removesAnAdministrator = member.role == Member.Role.ADMIN && member.active;
            if (removesAnAdministrator && Member.countOtherActiveAdministrators(memberId) == 0) {
                throw Problems.unprocessable(member.displayName + " is the last active administrator;"
                        + " make another member administrator first");
            }
            // An administrator demoted by a request served just before this one no longer is one.
            if (!Member.isActiveAdministrator(actor.id())) {
                throw Problems.forbidden("Only administrators may do this; you no longer are one");
            }
        }
        if (changes.email() != null) {
            String email = MemberRules.email(changes.email());
            if (Member.emailTaken(email, memberId)) {
                throw Problems.conflict("A member with email " + email + " exists already");
            }
            member.email = email;
        }
        if (changes.role() != null) {
            member.role = changes.role();
        }
        if (changes.active() != null && changes.active() != member.active) {
            member.active = changes.active();
            if (!member.active) {
                deactivated.fire(new Deactivated(memberId));
            }
        }
        nameAndZone(member, changes.displayName(), changes.timeZone());
        if (changes.language() != null) {
            member.language = MemberRules.language(changes.language());
        }
        member.updatedAt = clock.instant();
        return MemberProfile.of(member, true);
    }

    /** Who an erasure took the personal data of: what the other features look for to delete or scrub. */
    public record Erased(UUID memberId, String formerEmail, String formerDisplayName, Instant erasedAt) {
    }

    /** The name an erased member is shown under. */
    public static final String FORMER_MEMBER = "Former member";

    /**
     * An administrator erases a member's profile: name "Former member", email address and time zone replaced,
     * preferences off, deactivated for good. Locks like a deactivation (the member's row and every active
     * administrator's, in id order), so the last active administrator can be neither erased nor demoted by a
     * racing request (422), and a token or session asked for at the same moment is served before or not at all.
     * The rest of the member's data is the other features' to delete, in the same transaction.
     */
    public Erased eraseProfile(Actor actor, UUID memberId) {
        requireAdmin(actor);
        if (actor.id().equals(memberId)) {
            throw Problems.unprocessable("Administrators cannot erase themselves");
        }
        Member.lockWithActiveAdministrators(memberId);
        Member member = found(memberId);
        if (member.erasedAt != null) {
            throw Problems.conflict("The member was erased already");
        }
        if (member.role == Member.Role.ADMIN && member.active && Member.countOtherActiveAdministrators(memberId) == 0) {
            throw Problems.unprocessable("The last active administrator cannot be erased;"
                    + " make another member administrator first");
        }
        if (!Member.isActiveAdministrator(actor.id())) {
            throw Problems.forbidden("Only administrators may do this; you no longer are one");
        }
        Instant now = clock.instant();
        Erased erased = new Erased(memberId, member.email, member.displayName, now);
        member.displayName = FORMER_MEMBER;
        // Unique and no one's: an address of the reserved .invalid domain (RFC 2606), naming only the id.
        member.email = "erased-" + memberId + "@erased.invalid";
        member.timeZone = "UTC";
        member.language = "en";
        member.role = Member.Role.MEMBER;
        member.reminders = false;
        member.shareExpertise = false;
        member.replyNotifications = Member.ReplyNotifications.OFF;
        member.questionNotifications = Member.QuestionNotifications.OFF;
        member.awayUntil = null;
        member.active = false;
        member.erasedAt = now;
        member.updatedAt = now;
        return erased;
    }

    /** A token for another member: administrators only, and only for an active member. */
    public TokenIssuer.Issued issueToken(Actor actor, UUID memberId, String name) {
        if (!actor.admin()) {
            throw Problems.forbidden("Only administrators may issue tokens for other members");
        }
        found(memberId);
        // The issuer locks the member's row and refuses a deactivated member.
        return tokens.issue(memberId, name);
    }

    private Member changeProfile(UUID memberId, ProfileChange changes) {
        Member member = found(memberId);
        nameAndZone(member, changes.displayName(), changes.timeZone());
        if (changes.language() != null) {
            member.language = MemberRules.language(changes.language());
        }
        if (changes.reminders() != null) {
            member.reminders = changes.reminders();
        }
        if (changes.shareExpertise() != null) {
            member.shareExpertise = changes.shareExpertise();
        }
        if (changes.replyNotifications() != null) {
            member.replyNotifications = changes.replyNotifications();
        }
        if (changes.questionNotifications() != null) {
            member.questionNotifications = changes.questionNotifications();
        }
        if (changes.awayUntil() != null) {
            // A first day back that has already come means "not away".
            LocalDate today = LocalDate.now(clock.withZone(member.zone()));
            member.awayUntil = changes.awayUntil().isAfter(today) ? changes.awayUntil() : null;
        }
        member.updatedAt = clock.instant();
        return member;
    }

    private static void nameAndZone(Member member, String displayName, String timeZone) {
        if (displayName != null) {
            member.displayName = MemberRules.displayName(displayName);
        }
        if (timeZone != null) {
            member.timeZone = MemberRules.timeZone(timeZone);
        }
    }

    private static Member found(UUID memberId) {
        return Member.<Member>findByIdOptional(memberId).orElseThrow(() -> Problems.notFound("Member"));
    }

    /** Whether the caller may see the member's email address and mail preferences. */
    private static boolean personal(Actor actor, UUID memberId) {
        return actor.admin() || actor.id().equals(memberId);
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.admin()) {
            throw Problems.forbidden("Only administrators may do this");
        }
    }
}
