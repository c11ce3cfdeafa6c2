package org.learninglog.session;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The secret of a session cookie, to be resolved to its member. */
final class SessionAuthenticationRequest extends BaseAuthenticationRequest {

    private final String secret;

    SessionAuthenticationRequest(String secret) {
        this.secret = secret;
    }

    String secret() {
        return secret;
    }
}
