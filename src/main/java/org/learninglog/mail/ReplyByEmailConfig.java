package org.learninglog.mail;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Replies by email: the addresses emails carry in `Reply-To`, and how long they work. */
@ConfigMapping(prefix = "learninglog.reply-by-email")
public interface ReplyByEmailConfig {

    /**
     * The domain of the reply addresses (`reply+<token>@<domain>`), whose mail reaches the service (README).
     * Without one, emails carry no `Reply-To` and replies go to the sender address as before.
     */
    Optional<String> domain();

    /** HMAC key that signs every reply address (32+ characters; production must set it). */
    String signingKey();

    /** A reply address works this long after its email was enqueued. */
    @WithDefault("30d")
    Duration validFor();
}
