package org.learninglog.reminder;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.learninglog.mail.ComposedMail;
import org.learninglog.mail.MailComposer;
import org.learninglog.mail.MailKind;
import org.learninglog.mail.OutboundEmail;
import org.learninglog.mail.PublicLinks;
import org.learninglog.mail.UnsubscribeTokens;
import org.learninglog.time.Week;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Renders reminder and follow-up emails; both carry one-click unsubscribe headers (RFC 8058). */
@ApplicationScoped
class ReminderMails implements MailComposer {

    private static final DateTimeFormatter DAY_ONLY = DateTimeFormatter.ofPattern("d", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_YEAR = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    /** What the templates show. */
    public record View(ReminderMail reminder, String weekDates, String postUrl, String unsubscribeUrl) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance reminder(View view);

        static native TemplateInstance followUp(View view);
    }

    private final PublicLinks links;
    private final UnsubscribeTokens unsubscribeTokens;

    ReminderMails(PublicLinks links, UnsubscribeTokens unsubscribeTokens) {
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
        String unsubscribeUrl = unsubscribeTokens.link(email.recipientMemberId(), UnsubscribeTokens.REMINDERS);
        View view = view(reminder, links.to(postPath(reminder)), unsubscribeUrl);
        Map<String, String> headers = Map.of(
                "List-Unsubscribe", "<" + unsubscribeUrl + ">",
                "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return ComposedMail.of(subject(kind, reminder), kind == ReminderMail.FOLLOW_UP
                ? () -> Templates.followUp(view) : () -> Templates.reminder(view), headers);
    }

    static String subject(MailKind<ReminderMail> kind, ReminderMail reminder) {
        return kind == ReminderMail.FOLLOW_UP
                ? reminder.groupName() + ": there is still time for your Learning Log of " + reminder.week()
                : reminder.groupName() + ": your Learning Log for " + reminder.week();
    }

    /** Where the member writes the week's entry, under the public base URL. */
    static String postPath(ReminderMail reminder) {
        return "/groups/" + reminder.groupId() + "/weeks/" + reminder.week();
    }

    static View view(ReminderMail reminder, String postUrl, String unsubscribeUrl) {
        return new View(reminder, weekDates(reminder.week()), postUrl, unsubscribeUrl);
    }

    /** `9 – 15 March 2026` for 2026-W11; `30 March – 5 April 2026` and `28 December 2026 – 3 January 2027` across months and years. */
    static String weekDates(String week) {
        return Week.parse(week).map(w -> {
            var monday = w.monday();
            var sunday = monday.plusDays(6);
            DateTimeFormatter start = monday.getYear() != sunday.getYear() ? DAY_YEAR
                    : monday.getMonth() != sunday.getMonth() ? DAY : DAY_ONLY;
            return start.format(monday) + " – " + DAY_YEAR.format(sunday);
        }).orElse(week);
    }
}
