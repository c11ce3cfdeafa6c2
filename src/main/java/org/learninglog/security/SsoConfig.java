package org.learninglog.security;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Single sign-on: bearer JWTs of the company's OpenID Connect provider. Off while no issuer is set; with one, the
 * audience and the JWKS location are required (the service refuses to start without them).
 */
@ConfigMapping(prefix = "learninglog.sso")
public interface SsoConfig {

    /** The `iss` every token must carry, e.g. `https://login.example.com/realms/staff`; none: SSO is off. */
    Optional<String> issuer();

    /** The `aud` a token must name: this service's client id at the provider. */
    Optional<String> audience();

    /** Where the provider publishes its signing keys (JWKS), e.g. `…/protocol/openid-connect/certs`. */
    Optional<String> jwksLocation();

    /** The claim that holds the member's email address. */
    @WithDefault("email")
    String emailClaim();

    /** How long fetched keys are used before they are fetched again (an unknown `kid` fetches at once). */
    @WithDefault("10m")
    Duration jwksCacheFor();

    /** Clock difference tolerated between the provider and this service for `exp`, `nbf` and `iat`. */
    @WithDefault("30s")
    Duration clockSkew();

    JustInTime justInTime();

    /** Creating a member at their first sign-in, when no member has the token's email. */
    interface JustInTime {

        /** Off: a valid token of an unknown email is refused (401). */
        @WithDefault("false")
        boolean enabled();

        /** The group a member created at first sign-in joins (as a member); none: no group. */
        Optional<UUID> group();

        /** The time zone of such a member when the token has no valid `zoneinfo` claim. */
        @WithDefault("UTC")
        String timeZone();
    }

    default boolean enabled() {
        return issuer().filter(s -> !s.isBlank()).isPresent();
    }
}
