package org.learninglog.mail;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import io.quarkus.arc.All;
import io.quarkus.runtime.StartupEvent;

/**
 * The `Reply-To` address of an email people may answer by email: `reply+<token>@<domain>`, where the token is the
 * outbox row's id and an HMAC-SHA-256 of it (80 bits of it) under `learninglog.reply-by-email.signing-key`, in
 * lower-case base32 (42 characters, so the local part stays within SMTP's 64 and survives case folding). The row
 * names the recipient, the kind and its data, from which the kind's composer says what a reply answers; the
 * address expires `valid-for` after the email was enqueued. Nothing in the database is a usable address without
 * the key, and changing the key invalidates every address sent so far.
 */
@ApplicationScoped
public class ReplyAddresses {

    /** Why a reply address is refused. */
    public enum Refusal {
        /** No reply address of this service among the recipients. */
        NONE,
        /** Not signed by this service, altered, or its email is gone. */
        INVALID,
        /** Older than `valid-for`. */
        EXPIRED,
        /** Its email is of a kind nobody can answer by email. */
        NOT_ANSWERABLE
    }

    /** A reply address this service signed, unexpired: who was sent the email and what a reply answers. */
    public record Addressed(UUID emailId, UUID memberId, String sentTo, String language, ReplyTarget target) {
    }

    /** What a reply address says, or why it is refused. */
    public record Resolution(Optional<Addressed> addressed, Refusal refusal) {
        static Resolution of(Addressed addressed) {
            return new Resolution(Optional.of(addressed), null);
        }

        static Resolution refused(Refusal refusal) {
            return new Resolution(Optional.empty(), refusal);
        }
    }

    private static final int MIN_KEY_LENGTH = 32;
    private static final int MAC_BYTES = 10;
    private static final int TOKEN_BYTES = 16 + MAC_BYTES;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
    private static final Pattern TOKEN = Pattern.compile("reply\\+([a-z2-7]{42})@", Pattern.CASE_INSENSITIVE);

    private final ReplyByEmailConfig config;
    private final byte[] key;
    private final Outbox outbox;
    private final Clock clock;
    private final Map<String, MailComposer> composers = new HashMap<>();

    ReplyAddresses(ReplyByEmailConfig config, Outbox outbox, Clock clock, @All List<MailComposer> composers) {
        this.config = config;
        this.key = config.signingKey().getBytes(StandardCharsets.UTF_8);
        this.outbox = outbox;
        this.clock = clock;
        composers.forEach(composer -> composer.kinds().forEach(kind -> this.composers.put(kind.name(), composer)));
    }

    /** A weak key would let anyone post as anyone by email: refuse to start with one. */
    void checkKey(@Observes StartupEvent event) {
        if (key.length < MIN_KEY_LENGTH) {
            throw new IllegalStateException("learninglog.reply-by-email.signing-key "
                    + "(LEARNINGLOG_REPLY_BY_EMAIL_SIGNING_KEY) must be a secret of at least " + MIN_KEY_LENGTH
                    + " characters");
        }
    }

    /** The reply address of an outbox email, when replies by email are set up (a domain). */
    public Optional<String> of(UUID emailId) {
        return config.domain().filter(d -> !d.isBlank()).map(domain -> "reply+" + token(emailId) + "@" + domain);
    }

    String token(UUID emailId) {
        ByteBuffer bytes = ByteBuffer.allocate(TOKEN_BYTES);
        bytes.putLong(emailId.getMostSignificantBits()).putLong(emailId.getLeastSignificantBits());
        bytes.put(mac(Arrays.copyOf(bytes.array(), 16)));
        return base32(bytes.array());
    }

    /** The first reply address of this service among the given recipient addresses, checked. */
    @Transactional
    public Resolution resolve(List<String> recipients) {
        for (String recipient : recipients) {
            Matcher matcher = TOKEN.matcher(recipient == null ? "" : recipient);
            if (matcher.find()) {
                return resolveToken(matcher.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return Resolution.refused(Refusal.NONE);
    }

    private Resolution resolveToken(String token) {
        byte[] bytes = unbase32(token);
        if (bytes == null || bytes.length != TOKEN_BYTES) {
            return Resolution.refused(Refusal.INVALID);
        }
        byte[] id = Arrays.copyOf(bytes, 16);
        if (!MessageDigest.isEqual(mac(id), Arrays.copyOfRange(bytes, 16, TOKEN_BYTES))) {
            return Resolution.refused(Refusal.INVALID);
        }
        ByteBuffer buffer = ByteBuffer.wrap(id);
        UUID emailId = new UUID(buffer.getLong(), buffer.getLong());
        // One spelling only, the one issued (the unused bits of the last character).
        if (!token(emailId).equals(token)) {
            return Resolution.refused(Refusal.INVALID);
        }
        Optional<Outbox.Stored> stored = outbox.find(emailId);
        if (stored.isEmpty() || stored.get().email().recipientMemberId() == null) {
            return Resolution.refused(Refusal.INVALID);
        }
        if (stored.get().enqueuedAt().plus(config.validFor()).isBefore(clock.instant())) {
            return Resolution.refused(Refusal.EXPIRED);
        }
        OutboundEmail email = stored.get().email();
        MailComposer composer = composers.get(email.kind());
        Optional<ReplyTarget> target = composer == null ? Optional.empty() : composer.replyTarget(email);
        return target.map(t -> Resolution.of(new Addressed(emailId, email.recipientMemberId(),
                email.recipientAddress(), email.language(), t)))
                .orElseGet(() -> Resolution.refused(Refusal.NOT_ANSWERABLE));
    }

    private byte[] mac(byte[] id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update("reply-by-email:v1:".getBytes(StandardCharsets.US_ASCII));
            return Arrays.copyOf(mac.doFinal(id), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    static byte[] unbase32(String text) {
        ByteBuffer out = ByteBuffer.allocate(text.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : text.toCharArray()) {
            int value = ALPHABET.indexOf(c);
            if (value < 0) {
                return null;
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.put((byte) ((buffer >> (bits - 8)) & 0xff));
                bits -= 8;
            }
        }
        return out.array();
    }
}
