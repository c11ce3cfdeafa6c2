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
import org.learninglog.group.Membership;

@ApplicationScoped
@Transactional
public class MemberService {

    /** Raised when a member is deactivated, so their credentials go with it. */
    public record Deactivated(UUID memberId) {
    }

    /** The changes a caller asked for; null fields stay as they are. */
    public record Changes(String displayName, String email, String timeZone, Member.Role role, Boolean active,
            Boolean reminders, Member.ReplyNotifications replyNotifications, LocalDate awayUntil) {
    }

    private final Clock clock;
    private final Event<Deactivated> deactivated;

    MemberService(Clock clock, Event<Deactivated> deactivated) {
        this.clock = clock;
        this.deactivated = deactivated;
    }

    public Member me(Actor actor) {
        return Member.<Member>findByIdOptional(actor.id()).orElseThrow(() -> Problems.notFound("Member"));
    }

    public Member create(Actor actor, String displayName, String email, String timeZone, Member.Role role) {
        requireAdmin(actor);
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
        Member member = Member.<Member>findByIdOptional(memberId).orElseThrow(() -> Problems.notFound("Member"));
        if (actor.admin() || actor.id().equals(memberId) || Membership.shareAGroup(actor.id(), memberId)) {
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

    public Member changeMe(Actor actor, Changes changes) {
        Member member = me(actor);
        apply(member, changes);
        return member;
    }

    public Member change(Actor actor, UUID memberId, Changes changes) {
        requireAdmin(actor);
        Member member = Member.<Member>findByIdOptional(memberId).orElseThrow(() -> Problems.notFound("Member"));
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
        apply(member, changes);
        return member;
    }

    private void apply(Member member, Changes changes) {
        if (changes.displayName() != null) {
            member.displayName = MemberRules.displayName(changes.displayName());
        }
        if (changes.timeZone() != null) {
            member.timeZone = MemberRules.timeZone(changes.timeZone());
        }
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
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.admin()) {
            throw Problems.forbidden("Only administrators may do this");
        }
    }
}
