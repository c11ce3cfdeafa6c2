package org.learninglog.invitation;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "learninglog.invitations")
interface InvitationConfig {

    /** Asking for a member's invitation again within this time after the last one sends none. */
    @WithDefault("10m")
    Duration resendAfter();
}
