package org.learninglog.reminder;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.learninglog.mail.ComposedMail;
import org.learninglog.mail.MailComposer;
import org.learninglog.mail.OutboundEmail;
import org.learninglog.mail.PublicLinks;
import org.learninglog.mail.UnsubscribeTokens;
import org.learninglog.time.Week;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Renders reminder and follow-up emails; both carry one-click unsubscribe headers (RFC 8058). */
@ApplicationScoped
class ReminderMails implements MailComposer {

    static final String REMINDER = "REMINDER";
    static final String FOLLOW_UP = "FOLLOW_UP";

    private static final DateTimeFormatter DAY_ONLY = DateTimeFormatter.ofPattern("d", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_YEAR = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    /** The template data the reminder job stores with each reminder (see {@link ReminderSql#DUE}). */
    public record Reminder(String displayName, UUID groupId, String groupName, String week, String lastQuestion,
            boolean lastQuestionAnswered) {
    }

    /** What the templates show. */
    public record View(Reminder reminder, String weekDates, String postUrl, String unsubscribeUrl) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance reminder(View view);

        static native TemplateInstance followUp(View view);
    }

    private final ObjectReader reader;
    private final PublicLinks links;
    private final UnsubscribeTokens unsubscribeTokens;

    ReminderMails(ObjectMapper json, PublicLinks links, UnsubscribeTokens unsubscribeTokens) {
        // Tolerate fields added later, so rows enqueued by a newer version still render.
        this.reader = json.readerFor(Reminder.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.links = links;
        this.unsubscribeTokens = unsubscribeTokens;
    }

    @Override
    public Set<String> kinds() {
        return Set.of(REMINDER, FOLLOW_UP);
    }

    @Override
    public ComposedMail compose(OutboundEmail email) {
        Reminder reminder;
        try {
            reminder = reader.treeToValue(email.data(), Reminder.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Reminder data cannot be read", e);
        }
        String unsubscribeUrl = unsubscribeTokens.link(email.recipientMemberId(), UnsubscribeTokens.REMINDERS);
        View view = new View(reminder, weekDates(reminder.week()),
                links.to("/groups/" + reminder.groupId() + "/weeks/" + reminder.week()), unsubscribeUrl);
        Map<String, String> headers = Map.of(
                "List-Unsubscribe", "<" + unsubscribeUrl + ">",
                "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        if (FOLLOW_UP.equals(email.kind())) {
            return ComposedMail.of(reminder.groupName() + ": there is still time for your Learning Log of "
                    + reminder.week(), () -> Templates.followUp(view), headers);
        }
        return ComposedMail.of(reminder.groupName() + ": your Learning Log for " + reminder.week(),
                () -> Templates.reminder(view), headers);
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
