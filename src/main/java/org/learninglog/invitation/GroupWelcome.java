package org.learninglog.invitation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import org.learninglog.mail.MailKind;

/**
 * The data of the email that tells a member they were added to a group: which group, what it is for and when its
 * log day comes.
 *
 * @param description what the group is for, or null when it says nothing
 * @param nextLogDay  the group's next log day, today included, in the member's time zone when they were added
 */
public record GroupWelcome(String displayName, UUID groupId, String groupName, String description,
        DayOfWeek logDay, LocalTime reminderTime, LocalDate nextLogDay) {

    public static final MailKind<GroupWelcome> ADDED_TO_GROUP = MailKind.of("ADDED_TO_GROUP", GroupWelcome.class);
}
