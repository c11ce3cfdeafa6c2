package org.learninglog.reminder;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.learninglog.mail.ComposedMail;
import org.learninglog.mail.MailComposer;
import org.learninglog.mail.MailKind;
import org.learninglog.mail.MailTexts;
import org.learninglog.mail.OutboundEmail;
import org.learninglog.mail.PublicLinks;
import org.learninglog.mail.ReplyByEmailConfig;
import org.learninglog.mail.ReplyTarget;
import org.learninglog.mail.UnsubscribeTokens;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Renders reminder and follow-up emails; both carry one-click unsubscribe headers (RFC 8058). */
@ApplicationScoped
class ReminderMails implements MailComposer {

    /** What the templates show. */
    /** @param replyByEmail whether the email can be answered by email (it then shows the entry's headings) */
    public record View(ReminderMail reminder, String weekDates, String postUrl, String unsubscribeUrl,
            String language, boolean replyByEmail) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance reminder(View view);

        static native TemplateInstance followUp(View view);
    }

    private final PublicLinks links;
    private final UnsubscribeTokens unsubscribeTokens;

    private final boolean replyByEmail;

    ReminderMails(PublicLinks links, UnsubscribeTokens unsubscribeTokens, ReplyByEmailConfig replyByEmail) {
        this.replyByEmail = replyByEmail.domain().filter(d -> !d.isBlank()).isPresent();
        this.links = links;
        this.unsubscribeTokens = unsubscribeTokens;
    }

    @Override
    public Set<MailKind<?>> kinds() {
        return Set.of(ReminderMail.REMINDER, ReminderMail.FOLLOW_UP);
    }

    @Override
    public ComposedMail compose(OutboundEmail email) {
        MailKind<ReminderMail> kind = ReminderMail.FOLLOW_UP.name().equals(email.kind()) ? ReminderMail.FOLLOW_UP
                : ReminderMail.REMINDER;
        ReminderMail reminder = email.data(kind);
        MailTexts texts = MailTexts.of(email.locale());
        String unsubscribeUrl = unsubscribeTokens.link(email.recipientMemberId(), UnsubscribeTokens.REMINDERS);
        View view = view(texts, reminder, links.to(postPath(reminder)), unsubscribeUrl, replyByEmail);
        Map<String, String> headers = Map.of(
                "List-Unsubscribe", "<" + unsubscribeUrl + ">",
                "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return ComposedMail.of(subject(texts, kind, reminder), kind == ReminderMail.FOLLOW_UP
                ? () -> Templates.followUp(view) : () -> Templates.reminder(view), headers, texts);
    }

    /** A reply by email to a reminder or follow-up is the member's entry of that week in that group. */
    @Override
    public Optional<ReplyTarget> replyTarget(OutboundEmail email) {
        MailKind<ReminderMail> kind = ReminderMail.FOLLOW_UP.name().equals(email.kind()) ? ReminderMail.FOLLOW_UP
                : ReminderMail.REMINDER;
        ReminderMail reminder = email.data(kind);
        return Optional.of(new ReplyTarget.Week(reminder.groupId(), reminder.week()));
    }

    static String subject(MailTexts texts, MailKind<ReminderMail> kind, ReminderMail reminder) {
        return kind == ReminderMail.FOLLOW_UP
                ? texts.msg().followUp_subject(reminder.groupName(), reminder.week())
                : texts.msg().reminder_subject(reminder.groupName(), reminder.week());
    }

    /** Where the member writes the week's entry, under the public base URL. */
    static String postPath(ReminderMail reminder) {
        return "/groups/" + reminder.groupId() + "/weeks/" + reminder.week();
    }

    static View view(MailTexts texts, ReminderMail reminder, String postUrl, String unsubscribeUrl) {
        return view(texts, reminder, postUrl, unsubscribeUrl, false);
    }

    static View view(MailTexts texts, ReminderMail reminder, String postUrl, String unsubscribeUrl,
            boolean replyByEmail) {
        return new View(reminder, texts.weekDates(reminder.week()), postUrl, unsubscribeUrl,
                texts.locale().toLanguageTag(), replyByEmail);
    }
}
