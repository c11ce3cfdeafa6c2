package org.learninglog.reminder;

import java.util.UUID;

import org.learninglog.mail.MailKind;

/**
 * The data of a log-day reminder and of its follow-up: the only definition of what these emails show, stored
 * in the outbox when the reminder job enqueues them.
 *
 * @param week                 the member's current ISO week, e.g. `2026-W11`
 * @param lastQuestion         the member's question in the group last week, or null
 * @param lastQuestionAnswered whether that question has an accepted answer
 */
public record ReminderMail(String displayName, UUID groupId, String groupName, String week, String lastQuestion,
        boolean lastQuestionAnswered) {

    /** On the group's log day, at its reminder time. */
    public static final MailKind<ReminderMail> REMINDER = MailKind.of("REMINDER", ReminderMail.class);

    /** On the group's follow-up day, to those who still have not posted. */
    public static final MailKind<ReminderMail> FOLLOW_UP = MailKind.of("FOLLOW_UP", ReminderMail.class);
}
