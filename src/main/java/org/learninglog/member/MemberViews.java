package org.learninglog.member;

import java.time.ZoneOffset;

import org.learninglog.api.Page;
import org.learninglog.api.contract.model.MemberJson;
import org.learninglog.api.contract.model.MemberPageJson;
import org.learninglog.api.contract.model.QuestionNotificationsJson;
import org.learninglog.api.contract.model.ReplyNotificationsJson;
import org.learninglog.api.contract.model.RoleJson;
import org.learninglog.api.contract.model.TokenJson;

/** Maps members to their wire form. */
final class MemberViews {

    private MemberViews() {
    }

    static MemberJson of(MemberProfile member) {
        return new MemberJson()
                .id(member.id())
                .displayName(member.displayName())
                .email(member.email())
                .timeZone(member.timeZone())
                .language(member.language())
                .role(RoleJson.valueOf(member.role().name()))
                .reminders(member.reminders())
                .replyNotifications(member.replyNotifications() == null ? null
                        : ReplyNotificationsJson.valueOf(member.replyNotifications().name()))
                .questionNotifications(member.questionNotifications() == null ? null
                        : QuestionNotificationsJson.valueOf(member.questionNotifications().name()))
                .awayUntil(member.awayUntil())
                .active(member.active())
                .shareExpertise(member.shareExpertise());
    }

    /** The token an administrator issued for a member, with its secret: the one answer that carries it. */
    static TokenJson of(TokenIssuer.Issued token) {
        return new TokenJson()
                .id(token.id())
                .name(token.name())
                .prefix(token.prefix())
                .createdAt(token.createdAt().atOffset(ZoneOffset.UTC))
                .token(token.secret());
    }

    static MemberPageJson page(Page<MemberProfile> page) {
        return new MemberPageJson().items(page.items().stream().map(MemberViews::of).toList())
                .nextCursor(page.nextCursor());
    }

    static Member.Role role(RoleJson role) {
        return role == null ? null : Member.Role.valueOf(role.name());
    }

    static Member.QuestionNotifications questionNotifications(QuestionNotificationsJson value) {
        return value == null ? null : Member.QuestionNotifications.valueOf(value.name());
    }

    static Member.ReplyNotifications replyNotifications(ReplyNotificationsJson value) {
        return value == null ? null : Member.ReplyNotifications.valueOf(value.name());
    }
}
