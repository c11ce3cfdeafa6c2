package org.learninglog.session;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.learninglog.security.TokenSecrets;

/**
 * The secrets of links and sessions. A link's secret is the HMAC of its random id under the signing key: the outbox
 * row stores only the id, the link table only the secret's SHA-256, so neither a database dump nor the outbox
 * gives a usable link. A session's CSRF token is derived from its cookie secret, which script cannot read.
 */
@ApplicationScoped
class SignInSecrets {

    private static final int MIN_KEY_LENGTH = 32;
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    SignInSecrets(SignInConfig config) {
        if (config.signingKey().length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException("learninglog.sign-in.signing-key (LEARNINGLOG_SIGN_IN_SIGNING_KEY) must"
                    + " have at least " + MIN_KEY_LENGTH + " characters");
        }
        this.key = new SecretKeySpec(config.signingKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The secret in the link of this id: 256 bits. */
    String linkSecret(UUID linkId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return URL.encodeToString(mac.doFinal(("sign-in:" + linkId).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    static String hash(String secret) {
        return TokenSecrets.hash(secret);
    }

    /** The `X-CSRF-Token` of the session whose cookie holds this secret. */
    static String csrfToken(String sessionSecret) {
        return TokenSecrets.hash("csrf:" + sessionSecret);
    }
}
