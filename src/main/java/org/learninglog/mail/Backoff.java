package org.learninglog.mail;

import java.time.Duration;

/** When the dispatcher tries a failed email again: after the first failed attempt it waits the initial delay,
 * doubled for each further failure and capped; after the last attempt the email is given up (DEAD). Webhook deliveries
 * are retried by the same rule, with their own settings. */
public record Backoff(int maxAttempts, Duration initialDelay, Duration maxDelay) {

    static Backoff of(MailConfig config) {
        return new Backoff(config.maxAttempts(), config.retryInitialDelay(), config.retryMaxDelay());
    }

    /** Whether an email whose attempt number `attempts` failed is given up rather than tried again. */
    public boolean givesUpAfter(int attempts) {
        return attempts >= maxAttempts;
    }

    /** The wait after the failed attempt number `attempts`. */
    public Duration delayAfter(int attempts) {
        // At most 30 doublings, so the shift cannot overflow; any sensible cap is reached long before.
        int doublings = Math.max(0, Math.min(attempts - 1, 30));
        Duration delay = initialDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
