package org.learninglog.member;

import org.learninglog.api.Page;
import org.learninglog.api.contract.model.MemberPage;
import org.learninglog.api.contract.model.ReplyNotifications;
import org.learninglog.api.contract.model.Role;

/** Maps members to their wire form. */
final class MemberViews {

    private MemberViews() {
    }

    static org.learninglog.api.contract.model.Member of(Member member) {
        return new org.learninglog.api.contract.model.Member()
                .id(member.id)
                .displayName(member.displayName)
                .email(member.email)
                .timeZone(member.timeZone)
                .role(Role.valueOf(member.role.name()))
                .reminders(member.reminders)
                .replyNotifications(ReplyNotifications.valueOf(member.replyNotifications.name()))
                .awayUntil(member.awayUntil)
                .active(member.active);
    }

    static MemberPage page(Page<Member> page) {
        return new MemberPage().items(page.items().stream().map(MemberViews::of).toList()).nextCursor(page.nextCursor());
    }

    static Member.Role role(Role role) {
        return role == null ? null : Member.Role.valueOf(role.name());
    }

    static Member.ReplyNotifications replyNotifications(ReplyNotifications value) {
        return value == null ? null : Member.ReplyNotifications.valueOf(value.name());
    }
}
