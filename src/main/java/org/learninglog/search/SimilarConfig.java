package org.learninglog.search;

import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How similar questions are found. */
@ConfigMapping(prefix = "learninglog.similar")
interface SimilarConfig {

    /**
     * The group languages whose similar questions are ranked by meaning as well as by words (the hybrid); the
     * others by words alone. Decision 81: the hybrid won on the labelled set in all three languages measured.
     */
    @WithDefault("en,de,es")
    Set<String> byMeaning();

    /** How often questions still without an embedding get one (read by its @Scheduled); `off` disables it. */
    @WithDefault("1m")
    String embedEvery();
}
