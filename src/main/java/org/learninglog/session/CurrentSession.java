package org.learninglog.session;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.security.identity.SecurityIdentity;

/** The session the current request came with; none for a bearer token. */
@RequestScoped
class CurrentSession {

    static final String ATTRIBUTE = "learninglog.session-id";

    private final SecurityIdentity identity;

    CurrentSession(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The session's id, or null when the request was not authenticated by a session cookie. */
    UUID id() {
        return identity.getAttribute(ATTRIBUTE);
    }
}
