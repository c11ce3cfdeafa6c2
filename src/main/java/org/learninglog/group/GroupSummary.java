package org.learninglog.group;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.UUID;

/** A group with its settings and how many members it has: what every group operation answers with. */
public record GroupSummary(UUID id, String name, String description, DayOfWeek logDay, LocalTime reminderTime,
        DayOfWeek followUpDay, LocalTime followUpTime, boolean archived, long memberCount, String language) {

    static GroupSummary of(Group group, long memberCount) {
        return new GroupSummary(group.id, group.name, group.description, group.logDay, group.reminderTime,
                group.followUpDay, group.followUpTime, group.archived, memberCount, group.language);
    }
}
