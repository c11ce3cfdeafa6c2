package org.learninglog.security;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;

import io.quarkus.runtime.StartupEvent;

/**
 * Verifies a bearer JWT of the company's identity provider: signed (RSA or EC, never `none` or HMAC) by a key of
 * the provider's JWKS, with the configured issuer and audience, not expired, at the injected clock's time. The
 * keys are cached for `jwks-cache-for`; a token with a key id not in the cache fetches them again.
 */
@ApplicationScoped
class SsoVerifier {

    /** What a verified token says about its bearer. */
    record Claims(String email, String name, String zoneInfo) {
    }

    private static final Logger LOG = Logger.getLogger(SsoVerifier.class);

    private static final String[] ALGORITHMS = { AlgorithmIdentifiers.RSA_USING_SHA256,
        AlgorithmIdentifiers.RSA_USING_SHA384, AlgorithmIdentifiers.RSA_USING_SHA512,
        AlgorithmIdentifiers.RSA_PSS_USING_SHA256, AlgorithmIdentifiers.RSA_PSS_USING_SHA384,
        AlgorithmIdentifiers.RSA_PSS_USING_SHA512, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
        AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384,
        AlgorithmIdentifiers.ECDSA_USING_P521_CURVE_AND_SHA512 };

    private final SsoConfig config;
    private final Clock clock;
    private volatile HttpsJwksVerificationKeyResolver keys;

    SsoVerifier(SsoConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    void checkSettings(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        if (config.audience().filter(s -> !s.isBlank()).isEmpty()) {
            throw new IllegalStateException("learninglog.sso.audience must be set when learninglog.sso.issuer is:"
                    + " without it a token the provider issued to any other application would be accepted");
        }
        if (config.jwksLocation().filter(s -> !s.isBlank()).isEmpty()) {
            throw new IllegalStateException(
                    "learninglog.sso.jwks-location must be set when learninglog.sso.issuer is");
        }
        LOG.infof("Single sign-on on: issuer %s, keys from %s", config.issuer().get(), config.jwksLocation().get());
    }

    boolean enabled() {
        return config.enabled();
    }

    /** Whether a bearer secret has the shape of a JWS (three base64url parts); personal access tokens do not. */
    static boolean looksLikeJwt(String secret) {
        int first = secret.indexOf('.');
        int last = secret.lastIndexOf('.');
        return first > 0 && last > first && secret.indexOf('.', first + 1) == last;
    }

    /** The token's claims when it verifies; empty for any failure (the reason is logged, never told). */
    Optional<Claims> verify(String jwt) {
        var consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds((int) config.clockSkew().toSeconds())
                .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                .setExpectedIssuer(true, config.issuer().get())
                .setExpectedAudience(true, config.audience().get())
                .setVerificationKeyResolver(keys())
                .setJwsAlgorithmConstraints(
                        new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, ALGORITHMS))
                .build();
        try {
            JwtClaims claims = consumer.processToClaims(jwt);
            String email = claims.getClaimValueAsString(config.emailClaim());
            if (email == null || email.isBlank()) {
                LOG.debugf("SSO token without the claim %s", config.emailClaim());
                return Optional.empty();
            }
            // A provider that says the address is not verified does not prove who owns it.
            if (Boolean.FALSE.equals(claims.getClaimValue("email_verified"))) {
                LOG.debugf("SSO token with email_verified false");
                return Optional.empty();
            }
            return Optional.of(new Claims(email.trim(), claims.getClaimValueAsString("name"),
                    claims.getClaimValueAsString("zoneinfo")));
        } catch (InvalidJwtException | ClassCastException e) {
            LOG.debugf("SSO token refused: %s", e.getMessage());
            return Optional.empty();
        }
    }

    private HttpsJwksVerificationKeyResolver keys() {
        HttpsJwksVerificationKeyResolver resolver = keys;
        if (resolver == null) {
            synchronized (this) {
                if (keys == null) {
                    HttpsJwks jwks = new HttpsJwks(config.jwksLocation().get());
                    jwks.setDefaultCacheDuration(config.jwksCacheFor().toSeconds());
                    jwks.setRefreshReprieveThreshold(1000);
                    keys = new HttpsJwksVerificationKeyResolver(jwks);
                }
                resolver = keys;
            }
        }
        return resolver;
    }
}
