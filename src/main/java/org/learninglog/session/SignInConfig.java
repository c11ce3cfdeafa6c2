package org.learninglog.session;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Emailed sign-in links. */
@ConfigMapping(prefix = "learninglog.sign-in")
interface SignInConfig {

    /** How long a link stays valid after it was asked for. */
    @WithDefault("15m")
    Duration linkValidFor();

    /** Links asked for one email address within any hour; one more is 429. */
    @WithDefault("5")
    int maxPerAddressPerHour();

    /** Links asked for from one client address within any hour; one more is 429. */
    @WithDefault("20")
    int maxPerClientPerHour();

    /**
     * Derives each link's secret from its id, so the outbox holds the id only; at least 32 characters. Production
     * must set it (LEARNINGLOG_SIGN_IN_SIGNING_KEY); changing it voids the links sent so far.
     */
    String signingKey();
}
