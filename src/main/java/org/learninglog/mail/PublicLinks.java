package org.learninglog.mail;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Absolute links for emails, under the public base URL the service is reached at
 * (`learninglog.public-base-url`, e.g. `https://learninglog.example.org`): a front end serves the pages
 * there, and `/unsubscribe` and `/api/v1` are routed to this service.
 */
@ApplicationScoped
public class PublicLinks {

    private final String base;
    private final String host;

    PublicLinks(
            @ConfigProperty(name = "learninglog.public-base-url", defaultValue = "http://localhost:8080") String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        String parsedHost = URI.create(this.base).getHost();
        this.host = parsedHost == null || parsedHost.isBlank() ? "localhost" : parsedHost;
    }

    /** The absolute URL of a path such as `/unsubscribe?token=…`. */
    public String to(String path) {
        return base + (path.startsWith("/") ? path : "/" + path);
    }

    /** The host name of the public base URL; the right-hand side of the Message-IDs the service makes. */
    public String host() {
        return host;
    }
}
