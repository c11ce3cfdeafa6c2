package org.learninglog.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * An outbox row a dispatcher has claimed for delivery, as composers see it.
 *
 * @param data     the JSON stored when the email was enqueued; read it with {@link #data(MailKind)}
 * @param language the BCP 47 tag of the language to write the email in, the recipient's when it was enqueued
 */
public record OutboundEmail(UUID id, String kind, UUID recipientMemberId, String recipientAddress, String data,
        String dedupeKey, int attempts, String language) {

    /**
     * The email's Message-ID at this host: the SHA-256 of its dedupe key, so every attempt at sending it carries the
     * same one and receiving systems recognise a repeat. Computed when sending, not stored: storing it cost the
     * reminder scan a hash and 85 bytes for each of its rows (decision 140).
     */
    public String messageId(String host) {
        return messageId(dedupeKey, host);
    }

    /** The Message-ID of the email named by this dedupe key, at this host. */
    public static String messageId(String dedupeKey, String host) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(dedupeKey.getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(digest) + "@" + host + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

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
