package org.learninglog.mail;

import java.util.Objects;
import java.util.UUID;

/**
 * An email to enqueue: its kind, the member it goes to, the key that names it, and its data.
 *
 * @param dedupeKey names the email: at most one email is ever sent per key, e.g.
 *                  `reminder:{groupId}:{memberId}:{week}` (at most 200 characters)
 */
public record OutboundMail<T extends Record>(MailKind<T> kind, UUID recipientId, String dedupeKey, T data) {

    public OutboundMail {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(recipientId);
        Objects.requireNonNull(data);
        if (dedupeKey.length() > 200) {
            throw new IllegalArgumentException("A dedupe key has at most 200 characters: " + dedupeKey);
        }
    }

    /** The data as the outbox stores it. */
    String json() {
        return kind.write(data);
    }
}
