package org.learninglog.search;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When the asker of an unanswered question is told who might know. */
@ConfigMapping(prefix = "learninglog.experts")
interface ExpertsConfig {

    /** How often the job looks for questions due (read by its @Scheduled); `off` disables it. */
    @WithDefault("1m")
    String suggestEvery();

    /** A question without an accepted answer this long after it was asked gets its suggestion. */
    @WithDefault("4h")
    Duration suggestAfter();

    /** Older questions get none (e.g. after downtime, or questions from before this feature). */
    @WithDefault("7d")
    Duration suggestAtMostAfter();

    /** How many people are suggested at most. */
    @WithDefault("3")
    int suggestAtMost();
}
