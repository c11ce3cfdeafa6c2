package org.learninglog.mail;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

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

    /** Links and `List-Unsubscribe` in production mail must not travel as plain http: refuse to start with one. */
    void requireHttps(@Observes StartupEvent event) {
        requireHttpsInProduction(base, LaunchMode.current());
    }

    static void requireHttpsInProduction(String base, LaunchMode mode) {
        if (mode == LaunchMode.NORMAL && !base.regionMatches(true, 0, "https://", 0, "https://".length())) {
            throw new IllegalStateException("learninglog.public-base-url (LEARNINGLOG_PUBLIC_BASE_URL) is " + base
                    + ": production needs an https URL, the base of every link and List-Unsubscribe header in emails"
                    + " (plain http only in dev and test)");
        }
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
