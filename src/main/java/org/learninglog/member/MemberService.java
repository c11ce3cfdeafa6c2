package org.learninglog.member;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.learninglog.api.Cursor;
import org.learninglog.api.Page;
import org.learninglog.api.Problems;
import org.learninglog.api.contract.model.TokenJson;
import org.learninglog.identity.Actor;

@ApplicationScoped
@Transactional
public class MemberService {

    /** Raised when a member is deactivated, so their credentials go with it. */
    public record Deactivated(UUID memberId) {
    }

    /** What members change of their own profile ({@code /me}); null fields stay as they are. */
    public record ProfileChange(String displayName, String timeZone, Boolean reminders,
            Member.ReplyNotifications replyNotifications, LocalDate awayUntil) {
    }

    /** What an administrator changes of a member ({@code /members/{id}}); null fields stay as they are. */
    public record AdminChange(String displayName, String email, String timeZone, Member.Role role, Boolean active) {
    }

    /** The emails a member can switch off from a link in one, without logging in. */
    public enum Emails {
        REMINDERS, REPLY_NOTIFICATIONS
    }

    private final Clock clock;
    private final Event<Deactivated> deactivated;
    private final TokenIssuer tokens;

    MemberService(Clock clock, Event<Deactivated> deactivated, TokenIssuer tokens) {
        this.clock = clock;
        this.deactivated = deactivated;
        this.tokens = tokens;
    }

    public Member me(Actor actor) {
        return found(actor.id());
    }

    public Member create(Actor actor, String displayName, String email, String timeZone, Member.Role role) {
        requireAdmin(actor);
        return register(displayName, email, timeZone, role);
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

    /** Administrators, the member themselves, and anyone who shares a group with them may see a member. */
    public Member get(Actor actor, UUID memberId) {
        Member member = found(memberId);
        if (actor.admin() || actor.id().equals(memberId) || Member.shareAGroup(actor.id(), memberId)) {
            return member;
        }
        throw Problems.notFound("Member");
    }

    public Page<Member> list(Actor actor, Integer limit, String cursor) {
        int size = Page.limit(limit);
        List<String> after = Cursor.decode(cursor, 2);
        String afterName = after == null ? null : after.get(0);
        UUID afterId = after == null ? null : Cursor.uuid(after.get(1));
        List<Member> rows = actor.admin()
                ? Member.pageByName(afterName, afterId, size + 1)
                : Member.pageSharingAGroupWith(actor.id(), afterName, afterId, size + 1);
        return Page.of(rows, size, m -> Cursor.encode(m.displayName, m.id.toString()));
    }

    public Member changeMe(Actor actor, ProfileChange change) {
        return changeProfile(actor.id(), change);
    }

    /** The member's name, for the page a signed link opens: the link is the authority, there is no caller. */
    public String displayName(UUID memberId) {
        return found(memberId).displayName;
    }

    /** Switches one kind of email off, for a signed unsubscribe link; the member's name, for the page. */
    public String switchOff(UUID memberId, Emails emails) {
        var change = emails == Emails.REMINDERS
                ? new ProfileChange(null, null, false, null, null)
                : new ProfileChange(null, null, null, Member.ReplyNotifications.OFF, null);
        return changeProfile(memberId, change).displayName;
    }

    public Member change(Actor actor, UUID memberId, AdminChange changes) {
        requireAdmin(actor);
        Member member = found(memberId);
        if (changes.email() != null) {
            String email = MemberRules.email(changes.email());
            if (Member.emailTaken(email, memberId)) {
                throw Problems.conflict("A member with email " + email + " exists already");
            }
            member.email = email;
        }
        if (changes.role() != null) {
            if (actor.id().equals(memberId) && changes.role() != Member.Role.ADMIN) {
                throw Problems.unprocessable("Administrators cannot take their own administrator role away");
            }
            member.role = changes.role();
        }
        if (changes.active() != null && changes.active() != member.active) {
            if (actor.id().equals(memberId)) {
                throw Problems.unprocessable("Administrators cannot deactivate themselves");
            }
            member.active = changes.active();
            if (!member.active) {
                deactivated.fire(new Deactivated(memberId));
            }
        }
        nameAndZone(member, changes.displayName(), changes.timeZone());
        member.updatedAt = clock.instant();
        return member;
    }

    /** A token for another member: administrators only, and only for an active member. */
    public TokenJson issueToken(Actor actor, UUID memberId, String name) {
        if (!actor.admin()) {
            throw Problems.forbidden("Only administrators may issue tokens for other members");
        }
        if (!found(memberId).active) {
            throw Problems.unprocessable("The member is deactivated; reactivate them first");
        }
        return tokens.issue(memberId, name);
    }

    private Member changeProfile(UUID memberId, ProfileChange changes) {
        Member member = found(memberId);
        nameAndZone(member, changes.displayName(), changes.timeZone());
        if (changes.reminders() != null) {
            member.reminders = changes.reminders();
        }
        if (changes.replyNotifications() != null) {
            member.replyNotifications = changes.replyNotifications();
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

    private static void requireAdmin(Actor actor) {
        if (!actor.admin()) {
            throw Problems.forbidden("Only administrators may do this");
        }
    }
}
