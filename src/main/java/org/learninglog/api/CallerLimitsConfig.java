package org.learninglog.api;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How much one caller may hold of the service at a time (see {@link CallerLimits}). */
@ConfigMapping(prefix = "learninglog.http.callers")
public interface CallerLimitsConfig {

    /** Requests in flight at once with one `Authorization` header; one more is a 429. */
    @WithDefault("32")
    int maxInFlightPerToken();

    /** Requests in flight at once from one client address; one more is a 429. */
    @WithDefault("128")
    int maxInFlightPerAddress();

    /** A request whose body has not arrived in full this long after its headers is answered 408 and closed. */
    @WithDefault("10s")
    Duration bodyTimeout();

    /** Failed authentications (401 to a request with credentials) one client address may have per window. */
    @WithDefault("20")
    int maxFailedAuthentications();

    /** The window they are counted in; once over, that address's requests with credentials are 429 until it ends. */
    @WithDefault("1m")
    Duration failedAuthenticationWindow();
}
