package org.learninglog.session;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Browser sessions (cookie `ll_session`). */
@ConfigMapping(prefix = "learninglog.sessions")
interface SessionConfig {

    /** A session not used for this long ends. */
    @WithDefault("14d")
    Duration idleTimeout();

    /** A session ends this long after sign-in, however often it is used. */
    @WithDefault("60d")
    Duration absoluteTimeout();

    /** How stale `last_seen_at` may get before a request writes it again. */
    @WithDefault("5m")
    Duration touchEvery();

    /** Whether the cookie is `Secure` (only sent over HTTPS); off in dev mode, which serves plain HTTP. */
    @WithDefault("true")
    boolean secureCookie();
}
