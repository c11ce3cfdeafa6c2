package org.learninglog.session;

import jakarta.enterprise.context.ApplicationScoped;

/** The `Set-Cookie` values of the session cookie: `HttpOnly`, `SameSite=Lax`, `Path=/`, `Secure` but in dev mode. */
@ApplicationScoped
class SessionCookies {

    static final String NAME = "ll_session";

    private final SessionConfig config;

    SessionCookies(SessionConfig config) {
        this.config = config;
    }

    /** The cookie of a new session, kept by the browser until the session's absolute expiry. */
    String set(String secret) {
        return NAME + "=" + secret + "; Max-Age=" + config.absoluteTimeout().toSeconds() + attributes();
    }

    /** Removes the cookie. */
    String clear() {
        return NAME + "=; Max-Age=0" + attributes();
    }

    private String attributes() {
        return "; Path=/; HttpOnly; SameSite=Lax" + (config.secureCookie() ? "; Secure" : "");
    }
}
