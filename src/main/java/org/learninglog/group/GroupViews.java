package org.learninglog.group;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.learninglog.api.Page;
import org.learninglog.api.contract.model.DayOfWeekJson;
import org.learninglog.api.contract.model.GroupJson;
import org.learninglog.api.contract.model.GroupLanguageJson;
import org.learninglog.api.contract.model.GroupPageJson;
import org.learninglog.api.contract.model.GroupRoleJson;
import org.learninglog.api.contract.model.MembershipJson;
import org.learninglog.api.contract.model.MembershipPageJson;

/** Maps groups and memberships to their wire form. */
final class GroupViews {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private GroupViews() {
    }

    static GroupJson of(GroupSummary group) {
        return new GroupJson()
                .id(group.id())
                .name(group.name())
                .description(group.description())
                .logDay(DayOfWeekJson.valueOf(group.logDay().name()))
                .reminderTime(HH_MM.format(group.reminderTime()))
                .followUpDay(group.followUpDay() == null ? null : DayOfWeekJson.valueOf(group.followUpDay().name()))
                .followUpTime(group.followUpTime() == null ? null : HH_MM.format(group.followUpTime()))
                .archived(group.archived())
                .memberCount((int) group.memberCount())
                .language(GroupLanguageJson.fromValue(group.language()));
    }

    static GroupPageJson page(Page<GroupSummary> page) {
        return new GroupPageJson().items(page.items().stream().map(GroupViews::of).toList())
                .nextCursor(page.nextCursor());
    }

    static MembershipJson of(GroupMember member) {
        return new MembershipJson()
                .memberId(member.memberId())
                .displayName(member.displayName())
                .role(GroupRoleJson.valueOf(member.role().name()))
                .joinedAt(member.joinedAt().atOffset(ZoneOffset.UTC));
    }

    static MembershipPageJson memberPage(Page<GroupMember> page) {
        return new MembershipPageJson().items(page.items().stream().map(GroupViews::of).toList())
                .nextCursor(page.nextCursor());
    }

    static java.time.DayOfWeek day(DayOfWeekJson day) {
        return day == null ? null : java.time.DayOfWeek.valueOf(day.name());
    }

    static Membership.Role role(GroupRoleJson role) {
        return role == null ? null : Membership.Role.valueOf(role.name());
    }
}
