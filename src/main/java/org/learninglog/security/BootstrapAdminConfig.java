package org.learninglog.security;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The first administrator, so a fresh installation can be entered at all. */
@ConfigMapping(prefix = "learninglog.bootstrap-admin")
interface BootstrapAdminConfig {

    /** Email of the administrator to create at start; nothing is created when empty. */
    Optional<String> email();

    @WithDefault("Administrator")
    String displayName();

    @WithDefault("UTC")
    String timeZone();

    /** A token secret the operator chose (at least 32 characters in production); stored hashed. */
    Optional<String> token();
}
