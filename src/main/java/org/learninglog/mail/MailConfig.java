package org.learninglog.mail;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the outbox is delivered. */
@ConfigMapping(prefix = "learninglog.mail")
public interface MailConfig {

    /**
     * How often the dispatcher looks for due emails (a Quarkus duration such as `5s`, or `off`). Its
     * {@code @Scheduled} reads the property itself; it is declared here because this mapping owns the
     * `learninglog.mail` prefix, and SmallRye Config refuses a property under it that no method maps.
     */
    @WithDefault("5s")
    String dispatchEvery();

    /** Rows one claim takes; each batch is claimed, sent and recorded before the next. */
    @WithDefault("50")
    int batchSize();

    /**
     * Batches one dispatcher run sends at most, so a run stays bounded and the next one picks up the rest. A run
     * that stops early waits for the next `dispatch-every` (2.5 s on average at 5 s): at 1,200 batches of 50 a run is
     * about a minute of sending at 1,000 emails/s, so the wait is a small share of it (at 200 it cost 2–3 s in every
     * 30 s of a backlog, decision 131; at 20 it capped dispatch at 200 emails/s).
     */
    @WithDefault("1200")
    int maxBatchesPerRun();

    /**
     * Emails of a batch sent at the same time, each over its own pooled SMTP connection; keep it at or below
     * `quarkus.mailer.max-pool-size` (10 by default). 1 sends one after the other.
     */
    @WithDefault("4")
    int sendConcurrency();

    /** Delivery attempts before a row is given up as DEAD. */
    @WithDefault("8")
    int maxAttempts();

    /** Wait after the first failed attempt; it doubles with every further failure. */
    @WithDefault("1m")
    Duration retryInitialDelay();

    /** The longest wait between two attempts. */
    @WithDefault("6h")
    Duration retryMaxDelay();

    /**
     * How long a claimed row is kept from other dispatchers, so a dispatcher that dies leaves its rows to another
     * within this. An email is sent while at least half of it is left, else its lease is renewed just before it is
     * sent: so half of it must be above one SMTP transaction (`quarkus.mailer.timeout`, 10 s by default).
     */
    @WithDefault("30s")
    Duration claimLease();
}
