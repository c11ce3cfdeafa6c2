package org.learninglog.group;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;

import org.learninglog.api.Problems;

/** What makes a group name and cadence acceptable. */
final class GroupRules {

    private GroupRules() {
    }

    static String name(String value) {
        String name = value == null ? "" : value.strip();
        if (name.isEmpty()) {
            throw Problems.invalid("name", "must not be blank");
        }
        // Names end up in list cursors (U+001F separates their keys) and, later, in mail subjects.
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw Problems.invalid("name", "must not contain control characters such as line breaks");
        }
        return name;
    }

    /** A blank description is no description; created and changed groups store it the same way. */
    static String description(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static LocalTime time(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            throw Problems.invalid(field, "must be a time of day as HH:mm");
        }
    }

    /** A follow-up comes as a day and a time together, later in the same week than the log-day reminder. */
    static void cadence(Group group) {
        if ((group.followUpDay == null) != (group.followUpTime == null)) {
            throw Problems.invalid(group.followUpDay == null ? "followUpDay" : "followUpTime",
                    "must be set together with " + (group.followUpDay == null ? "followUpTime" : "followUpDay"));
        }
        if (group.hasFollowUp()) {
            int reminder = group.logDay.getValue() * 1440 + group.reminderTime.getHour() * 60
                    + group.reminderTime.getMinute();
            int followUp = group.followUpDay.getValue() * 1440 + group.followUpTime.getHour() * 60
                    + group.followUpTime.getMinute();
            if (followUp <= reminder) {
                throw Problems.invalid("followUpDay",
                        "the follow-up must come after the log-day reminder in the same week (Monday to Sunday)");
            }
        }
    }
}
