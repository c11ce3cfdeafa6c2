package org.learninglog.invitation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.learninglog.group.GroupService;
import org.learninglog.mail.OutboundMail;
import org.learninglog.mail.Outbox;
import org.learninglog.member.Member;
import org.learninglog.member.MemberService;

/**
 * Enqueues the emails that bring people in: the invitation when an administrator adds a member (or asks for it
 * again), and the note that someone was added to a group. The events are observed synchronously, so each email
 * is enqueued in the transaction of the change and exists exactly when the change commits.
 */
@ApplicationScoped
class Invitations {

    private static final Logger LOG = Logger.getLogger(Invitations.class);

    private final Outbox outbox;
    private final Clock clock;
    private final InvitationConfig config;

    Invitations(Outbox outbox, Clock clock, InvitationConfig config) {
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    void invite(@Observes MemberService.InvitationDue due) {
        Instant now = clock.instant();
        if (due.resent()) {
            // The member's row is locked by the caller, so two re-sends at once are served one after the other.
            var last = outbox.lastEnqueued(Invitation.INVITATION, due.memberId());
            if (last.isPresent() && last.get().isAfter(now.minus(config.resendAfter()))) {
                LOG.infof("Invitation of member %s not sent again: the last one was enqueued at %s", due.memberId(),
                        last.get());
                return;
            }
        }
        Member member = Member.findById(due.memberId());
        var invitation = new Invitation(member.displayName, LocalDate.now(clock.withZone(member.zone())));
        outbox.enqueue(new OutboundMail<>(Invitation.INVITATION, member.id, "invitation:" + member.id + ":" + now,
                invitation));
    }

    void welcome(@Observes GroupService.AddedToGroup added) {
        Member member = Member.findById(added.memberId());
        LocalDate today = LocalDate.now(clock.withZone(member.zone()));
        var welcome = new GroupWelcome(member.displayName, added.groupId(), added.groupName(), added.description(),
                added.logDay(), added.reminderTime(), today.with(TemporalAdjusters.nextOrSame(added.logDay())));
        outbox.enqueue(new OutboundMail<>(GroupWelcome.ADDED_TO_GROUP, member.id,
                "added-to-group:" + added.groupId() + ":" + member.id + ":" + clock.instant(), welcome));
    }
}
