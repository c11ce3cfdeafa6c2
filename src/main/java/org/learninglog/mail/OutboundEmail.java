package org.learninglog.mail;

import java.util.Locale;
import java.util.UUID;

/**
 * An outbox row a dispatcher has claimed for delivery, as composers see it.
 *
 * @param data     the JSON stored when the email was enqueued; read it with {@link #data(MailKind)}
 * @param language the BCP 47 tag of the language to write the email in, the recipient's when it was enqueued
 */
public record OutboundEmail(UUID id, String kind, UUID recipientMemberId, String recipientAddress, String data,
        String messageId, String dedupeKey, int attempts, String language) {

    /** The locale to write the email in. */
    public Locale locale() {
        return Locale.forLanguageTag(language);
    }

    /** The email's data as the record of its kind; fails when the row is of another kind or lacks a field. */
    public <T extends Record> T data(MailKind<T> expected) {
        if (!expected.name().equals(kind)) {
            throw new IllegalStateException("Email " + id + " is a " + kind + " email, not a " + expected + " one");
        }
        return expected.read(data);
    }
}
