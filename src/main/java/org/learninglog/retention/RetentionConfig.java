package org.learninglog.retention;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long rows that served their purpose are kept before the retention job deletes them. */
@ConfigMapping(prefix = "learninglog.retention")
interface RetentionConfig {

    /** When the job runs (Quarkus cron; `off` disables it). */
    @WithDefault("0 17 3 * * ?")
    String cron();

    /** Rows deleted per statement (each its own short transaction). */
    @WithDefault("1000")
    int batchSize();

    /** Emails sent: kept this long after sending. */
    @WithDefault("30d")
    Duration sentEmails();

    /** Emails given up (DEAD): kept this long after they were enqueued. */
    @WithDefault("90d")
    Duration deadEmails();

    /** In-app notifications: kept this long after they were read (unread ones stay). */
    @WithDefault("90d")
    Duration readNotifications();

    /** Browser sessions: kept this long after they ended (revoked, idle or too old). */
    @WithDefault("30d")
    Duration endedSessions();

    /** Sign-in links: kept this long after they expired. */
    @WithDefault("30d")
    Duration signInLinks();

    /** Idempotency keys: kept this long after their first request. */
    @WithDefault("30d")
    Duration idempotencyKeys();

    /** Received emails: kept this long after they were processed. */
    @WithDefault("90d")
    Duration inboundMail();

    /** Rate limit counts: kept this long after their one-minute window began. */
    @WithDefault("1h")
    Duration rateLimitWindows();
}
