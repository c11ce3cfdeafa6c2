package org.learninglog.security;

import io.quarkus.security.identity.SecurityIdentity;

/** What other features may know of single sign-on. */
public final class SingleSignOn {

    private SingleSignOn() {
    }

    /** Whether the identity was proven by a token of the company's identity provider. */
    public static boolean provedBySso(SecurityIdentity identity) {
        return Boolean.TRUE.equals(identity.getAttribute(TokenIdentityProvider.SSO));
    }
}
