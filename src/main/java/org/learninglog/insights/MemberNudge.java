package org.learninglog.insights;

import java.util.UUID;

import org.learninglog.mail.MailKind;

/**
 * The data of the email a facilitator's nudge sends: who asked the member to post for which week of which group.
 *
 * @param displayName     the member's name, for the greeting
 * @param facilitatorName the facilitator who asked, as the group knows them
 */
public record MemberNudge(String displayName, UUID groupId, String groupName, String week, String facilitatorName) {

    public static final MailKind<MemberNudge> NUDGE = MailKind.of("FACILITATOR_NUDGE", MemberNudge.class);
}
