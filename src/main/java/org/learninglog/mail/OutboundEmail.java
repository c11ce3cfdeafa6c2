package org.learninglog.mail;

import java.util.UUID;

/**
 * An outbox row a dispatcher has claimed for delivery, as composers see it.
 *
 * @param data the JSON stored when the email was enqueued; read it with {@link #data(MailKind)}
 */
public record OutboundEmail(UUID id, String kind, UUID recipientMemberId, String recipientAddress, String data,
        String messageId, String dedupeKey, int attempts) {

    /** The email's data as the record of its kind; fails when the row is of another kind or lacks a field. */
    public <T extends Record> T data(MailKind<T> expected) {
        if (!expected.name().equals(kind)) {
            throw new IllegalStateException("Email " + id + " is a " + kind + " email, not a " + expected + " one");
        }
        return expected.read(data);
    }
}
