package org.learninglog.thread;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.learninglog.entry.EntryAccess;
import org.learninglog.entry.EntryHead;
import org.learninglog.entry.EntryService;
import org.learninglog.group.Group;
import org.learninglog.identity.Actor;
import org.learninglog.mail.OutboundMail;
import org.learninglog.mail.Outbox;
import org.learninglog.member.Member;
import org.learninglog.notification.Notification;
import org.learninglog.notification.NotificationService;

/**
 * The loop closed: when an entry first tells how the advice on last week's question worked out, the member whose
 * answer was accepted hears of it in-app and by email (unless their reply notifications are off), in the same
 * transaction; once per entry (the email's dedupe key, and the event is raised only the first time).
 */
@ApplicationScoped
class OutcomeAnnouncements {

    private final EntryAccess entries;
    private final NotificationService notifications;
    private final Outbox outbox;

    OutcomeAnnouncements(EntryAccess entries, NotificationService notifications, Outbox outbox) {
        this.entries = entries;
        this.notifications = notifications;
        this.outbox = outbox;
    }

    void reported(@Observes EntryService.OutcomeReported reported) {
        EntryHead question = entries.readable(new Actor(reported.authorId(), false), reported.questionEntryId());
        if (question.acceptedReplyId() == null) {
            return;
        }
        Reply answer = Reply.findById(question.acceptedReplyId());
        Member answerer = answer == null ? null : Member.findById(answer.memberId);
        if (answerer == null || !answerer.active || answerer.id.equals(reported.authorId())) {
            return;
        }
        notifications.notify(List.of(answerer.id), Notification.Kind.OUTCOME_REPORTED, reported.entryId(), null,
                reported.authorId());
        if (answerer.replyNotifications == Member.ReplyNotifications.OFF) {
            return;
        }
        org.learninglog.entry.EntryView told = entries.viewOf(reported.entryId());
        Member asker = Member.findById(reported.authorId());
        Group group = Group.findById(told.groupId());
        org.learninglog.entry.EntryView asked = entries.viewOf(reported.questionEntryId());
        outbox.enqueue(new OutboundMail<>(ThreadMailData.OUTCOME, answerer.id,
                "outcome:" + reported.entryId() + ":" + answerer.id,
                new ThreadMailData.Outcome(reported.entryId(), group.name, asker.displayName, asked.question(),
                        answer.body, told.outcome().name(), told.outcomeNote())));
    }
}
