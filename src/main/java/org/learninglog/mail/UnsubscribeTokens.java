package org.learninglog.mail;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;

/**
 * Signed one-click unsubscribe tokens (RFC 8058): `base64url("v1:{purpose}:{memberId}") "." base64url(HMAC-SHA256)`.
 * They need no database row and do not expire, so the link in an old email keeps working; changing
 * `learninglog.unsubscribe.signing-key` invalidates every link sent so far.
 */
@ApplicationScoped
public class UnsubscribeTokens {

    /** Reminder and follow-up emails. */
    public static final String REMINDERS = "reminders";
    /** Emails about threads: replies, digests, unanswered questions. */
    public static final String REPLIES = "replies";
    /** Emails about new questions in the member's groups. */
    public static final String QUESTIONS = "questions";

    private static final String VERSION = "v1";
    private static final int MIN_KEY_LENGTH = 32;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** What a valid token allows: switching off one purpose's emails for one member. */
    public record Unsubscription(UUID memberId, String purpose) {
    }

    private final byte[] key;
    private final PublicLinks links;

    UnsubscribeTokens(@ConfigProperty(name = "learninglog.unsubscribe.signing-key") String key, PublicLinks links) {
        this.key = key.getBytes(StandardCharsets.UTF_8);
        this.links = links;
    }

    /** A weak key would let anyone unsubscribe anyone: refuse to start with one. */
    void checkKey(@Observes StartupEvent event) {
        if (key.length < MIN_KEY_LENGTH) {
            throw new IllegalStateException("learninglog.unsubscribe.signing-key (LEARNINGLOG_UNSUBSCRIBE_SIGNING_KEY) "
                    + "must be a secret of at least " + MIN_KEY_LENGTH + " characters");
        }
    }

    public String issue(UUID memberId, String purpose) {
        String payload = ENCODER
                .encodeToString((VERSION + ":" + purpose + ":" + memberId).getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODER.encodeToString(sign(payload));
    }

    /** The absolute one-click link for the `List-Unsubscribe` header and the email's footer. */
    public String link(UUID memberId, String purpose) {
        return links.to("/unsubscribe?token=" + issue(memberId, purpose));
    }

    /** What the token allows, if this service signed it unchanged. */
    public Optional<Unsubscription> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        try {
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, sign(payload))) {
                return Optional.empty();
            }
            String[] parts = new String(DECODER.decode(payload), StandardCharsets.UTF_8).split(":", -1);
            if (parts.length != 3 || !VERSION.equals(parts[0])) {
                return Optional.empty();
            }
            Unsubscription unsubscription = new Unsubscription(UUID.fromString(parts[2]), parts[1]);
            // One spelling only, the one issued: Base64 decoders also take `=` padding, and other last characters
            // whose unused bits differ, for the same bytes, so a link altered that way would still verify.
            String canonical = issue(unsubscription.memberId(), unsubscription.purpose());
            byte[] sent = token.getBytes(StandardCharsets.UTF_8);
            if (!MessageDigest.isEqual(canonical.getBytes(StandardCharsets.UTF_8), sent)) {
                return Optional.empty();
            }
            return Optional.of(unsubscription);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
