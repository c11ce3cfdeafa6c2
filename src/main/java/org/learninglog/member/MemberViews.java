package org.learninglog.member;

import org.learninglog.api.Page;
import org.learninglog.api.contract.model.MemberJson;
import org.learninglog.api.contract.model.MemberPageJson;
import org.learninglog.api.contract.model.ReplyNotificationsJson;
import org.learninglog.api.contract.model.RoleJson;

/** Maps members to their wire form. */
final class MemberViews {

    private MemberViews() {
    }

    static MemberJson of(Member member) {
        return new MemberJson()
                .id(member.id)
                .displayName(member.displayName)
                .email(member.email)
                .timeZone(member.timeZone)
                .role(RoleJson.valueOf(member.role.name()))
                .reminders(member.reminders)
                .replyNotifications(ReplyNotificationsJson.valueOf(member.replyNotifications.name()))
                .awayUntil(member.awayUntil)
                .active(member.active);
    }

    static MemberPageJson page(Page<Member> page) {
        return new MemberPageJson().items(page.items().stream().map(MemberViews::of).toList())
                .nextCursor(page.nextCursor());
    }

    static Member.Role role(RoleJson role) {
        return role == null ? null : Member.Role.valueOf(role.name());
    }

    static Member.ReplyNotifications replyNotifications(ReplyNotificationsJson value) {
        return value == null ? null : Member.ReplyNotifications.valueOf(value.name());
    }
}
