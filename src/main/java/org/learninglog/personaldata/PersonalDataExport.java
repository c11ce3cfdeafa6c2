package org.learninglog.personaldata;

import java.time.Instant;
import java.util.List;

import org.learninglog.api.IdempotencyPersonalData;
import org.learninglog.entry.EntryPersonalData;
import org.learninglog.group.GroupPersonalData;
import org.learninglog.inbound.InboundPersonalData;
import org.learninglog.insights.NudgePersonalData;
import org.learninglog.mail.OutboxPersonalData;
import org.learninglog.notification.NotificationPersonalData;
import org.learninglog.security.TokenPersonalData;
import org.learninglog.session.SessionPersonalData;

/**
 * Everything held about one member, one section per kind of row (the wire form of `PersonalDataExport`; the
 * sections are what `PersonalDataCompletenessTest` checks against the schema's tables).
 */
public record PersonalDataExport(Instant exportedAt, Object profile,
        List<GroupPersonalData.MembershipRecord> memberships, List<EntryPersonalData.EntryRecord> entries,
        List<org.learninglog.thread.ThreadPersonalData.ReplyRecord> replies,
        List<org.learninglog.thread.ThreadPersonalData.FollowRecord> follows,
        List<NotificationPersonalData.NotificationRecord> notifications,
        List<TokenPersonalData.TokenRecord> accessTokens, List<SessionPersonalData.SessionRecord> sessions,
        List<SessionPersonalData.SignInLinkRecord> signInLinks, List<OutboxPersonalData.EmailRecord> emails,
        List<InboundPersonalData.InboundRecord> inboundEmails,
        List<IdempotencyPersonalData.KeyRecord> idempotencyKeys, List<NudgePersonalData.NudgeRecord> nudges) {
}
