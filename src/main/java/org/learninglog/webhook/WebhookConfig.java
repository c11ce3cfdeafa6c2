package org.learninglog.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How webhook endpoints are registered and their deliveries sent. */
@ConfigMapping(prefix = "learninglog.webhooks")
public interface WebhookConfig {

    /**
     * How often the dispatcher looks for due deliveries (a Quarkus duration, or `off`). Its {@code @Scheduled} reads
     * the property itself; it is declared here because this mapping owns the prefix.
     */
    @WithDefault("5s")
    String dispatchEvery();

    /** Deliveries one claim takes. */
    @WithDefault("20")
    int batchSize();

    /** Batches one dispatcher run sends at most. */
    @WithDefault("10")
    int maxBatchesPerRun();

    /** Attempts of one delivery before it is given up (DEAD). */
    @WithDefault("8")
    int maxAttempts();

    /** Wait after the first failed attempt; it doubles with every further failure. */
    @WithDefault("1m")
    Duration retryInitialDelay();

    /** The longest wait between two attempts. */
    @WithDefault("6h")
    Duration retryMaxDelay();

    /**
     * How long a claimed delivery is hidden from other dispatchers; above connect plus read timeout, so an attempt
     * in progress is never claimed twice.
     */
    @WithDefault("30s")
    Duration claimLease();

    /** Connecting to a receiver may take this long. */
    @WithDefault("3s")
    Duration connectTimeout();

    /** The receiver must answer within this after the request was sent. */
    @WithDefault("5s")
    Duration readTimeout();

    /** Failed attempts in a row (over all of an endpoint's deliveries) after which the endpoint is disabled. */
    @WithDefault("10")
    int disableAfterFailures();

    /** Endpoints one group may have. */
    @WithDefault("10")
    int maxPerGroup();

    /**
     * Hosts (names or literal addresses, compared case-insensitively) that may be targets although they are, or
     * resolve to, private, loopback or link-local addresses, and that may be reached over `http://`: for intranet
     * chat servers and tests. Empty by default: only `https://` on public addresses.
     */
    Optional<List<String>> allowedHosts();
}
