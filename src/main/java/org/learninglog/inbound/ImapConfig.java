package org.learninglog.inbound;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The mailbox the service polls for replies by email (off by default). */
@ConfigMapping(prefix = "learninglog.inbound.imap")
public interface ImapConfig {

    /** Whether the poller runs. */
    @WithDefault("false")
    boolean enabled();

    /** When it polls (a Quarkus cron, read by its @Scheduled); every minute by default. */
    @WithDefault("0 * * * * ?")
    String cron();

    @WithDefault("localhost")
    String host();

    @WithDefault("993")
    int port();

    Optional<String> user();

    Optional<String> password();

    /** IMAPS (TLS from the start) when true; plain IMAP, upgraded by STARTTLS when the server offers it, else. */
    @WithDefault("true")
    boolean tls();

    @WithDefault("INBOX")
    String folder();
}
