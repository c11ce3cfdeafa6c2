package org.learninglog.thread;

import java.time.Duration;
import java.time.LocalTime;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When thread emails go out. */
@ConfigMapping(prefix = "learninglog.thread-mail")
interface ThreadMailConfig {

    /** How often the job looks for emails due (read by its @Scheduled); `off` disables it. */
    @WithDefault("1m")
    String every();

    /** Replies to one thread within this window after the first one come in one email (IMMEDIATE). */
    @WithDefault("10m")
    Duration coalesceWindow();

    /** New questions within this window after the first one come in one email (`questionNotifications` IMMEDIATE). */
    @WithDefault("1h")
    Duration questionWindow();

    /** Members' local time of the daily digest (DAILY_DIGEST). */
    @WithDefault("08:00")
    LocalTime digestTime();

    /** A question still without any reply after this long nudges the group once. */
    @WithDefault("24h")
    Duration nudgeAfter();

    /** Older questions are not nudged any more, e.g. after a long downtime. */
    @WithDefault("7d")
    Duration nudgeAtMostAfter();
}
