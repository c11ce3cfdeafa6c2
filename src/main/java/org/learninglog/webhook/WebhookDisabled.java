package org.learninglog.webhook;

import java.util.UUID;

import org.learninglog.mail.MailKind;

/**
 * The email telling a group's facilitator that one of its webhook endpoints was disabled after failing.
 *
 * @param displayName the facilitator's name, for the greeting
 * @param failures    failed attempts in a row
 * @param lastError   why the last attempt failed
 */
public record WebhookDisabled(String displayName, UUID groupId, String groupName, UUID webhookId, String url,
        int failures, String lastError) {

    public static final MailKind<WebhookDisabled> KIND = MailKind.of("WEBHOOK_DISABLED", WebhookDisabled.class);
}
