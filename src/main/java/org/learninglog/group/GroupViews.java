package org.learninglog.group;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.learninglog.api.Page;
import org.learninglog.api.contract.model.DayOfWeek;
import org.learninglog.api.contract.model.GroupPage;
import org.learninglog.api.contract.model.GroupRole;
import org.learninglog.api.contract.model.MembershipPage;

/** Maps groups and memberships to their wire form. */
final class GroupViews {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private GroupViews() {
    }

    static org.learninglog.api.contract.model.Group of(GroupService.Counted counted) {
        Group group = counted.group();
        return new org.learninglog.api.contract.model.Group()
                .id(group.id)
                .name(group.name)
                .description(group.description)
                .logDay(DayOfWeek.valueOf(group.logDay.name()))
                .reminderTime(HH_MM.format(group.reminderTime))
                .followUpDay(group.followUpDay == null ? null : DayOfWeek.valueOf(group.followUpDay.name()))
                .followUpTime(group.followUpTime == null ? null : HH_MM.format(group.followUpTime))
                .archived(group.archived)
                .memberCount((int) counted.memberCount());
    }

    static GroupPage page(Page<GroupService.Counted> page) {
        return new GroupPage().items(page.items().stream().map(GroupViews::of).toList()).nextCursor(page.nextCursor());
    }

    static org.learninglog.api.contract.model.Membership of(Membership.Named named) {
        return new org.learninglog.api.contract.model.Membership()
                .memberId(named.membership().memberId)
                .displayName(named.displayName())
                .role(GroupRole.valueOf(named.membership().role.name()))
                .joinedAt(named.membership().joinedAt.atOffset(ZoneOffset.UTC));
    }

    static MembershipPage memberPage(Page<Membership.Named> page) {
        return new MembershipPage().items(page.items().stream().map(GroupViews::of).toList()).nextCursor(page.nextCursor());
    }

    static java.time.DayOfWeek day(DayOfWeek day) {
        return day == null ? null : java.time.DayOfWeek.valueOf(day.name());
    }

    static Membership.Role role(GroupRole role) {
        return role == null ? null : Membership.Role.valueOf(role.name());
    }
}
