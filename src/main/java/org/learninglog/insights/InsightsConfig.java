package org.learninglog.insights;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the organisation's insights show of small groups. */
@ConfigMapping(prefix = "learninglog.insights")
interface InsightsConfig {

    /** A group with fewer active members shows no figures to administrators, so no one can be told apart. */
    @WithDefault("3")
    int minimumGroupSize();
}
