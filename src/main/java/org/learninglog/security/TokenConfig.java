package org.learninglog.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits on personal access tokens. */
@ConfigMapping(prefix = "learninglog.tokens")
interface TokenConfig {

    /** How many live (not revoked) tokens one member may hold; creating one more is refused with 422. */
    @WithDefault("50")
    int maxLivePerMember();
}
