package org.learninglog.member;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A member as the caller may see them. Administrators and the member themselves see everything; anyone else
 * (a member sharing a group) sees no email address and no mail preferences: those fields are null.
 */
public record MemberProfile(UUID id, String displayName, String email, String timeZone, String language,
        Member.Role role,
        Boolean reminders, Member.ReplyNotifications replyNotifications, LocalDate awayUntil, boolean active,
        Boolean shareExpertise, Member.QuestionNotifications questionNotifications) {

    static MemberProfile of(Member member, boolean personal) {
        return new MemberProfile(member.id, member.displayName, personal ? member.email : null, member.timeZone,
                member.language, member.role, personal ? member.reminders : null,
                personal ? member.replyNotifications : null,
                member.awayUntil, member.active, personal ? member.shareExpertise : null,
                personal ? member.questionNotifications : null);
    }
}
