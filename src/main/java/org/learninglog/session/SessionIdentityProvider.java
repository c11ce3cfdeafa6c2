package org.learninglog.session;

import jakarta.enterprise.context.ApplicationScoped;

import org.learninglog.identity.CurrentMember;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
class SessionIdentityProvider implements IdentityProvider<SessionAuthenticationRequest> {

    private final SessionAuthenticator authenticator;

    SessionIdentityProvider(SessionAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public Class<SessionAuthenticationRequest> getRequestType() {
        return SessionAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionAuthenticationRequest request,
            AuthenticationRequestContext context) {
        return context.runBlocking(() -> authenticator.authenticate(request.secret())
                .map(found -> (SecurityIdentity) QuarkusSecurityIdentity
                        .builder(CurrentMember.identityOf(found.actor()))
                        .addAttribute(CurrentSession.ATTRIBUTE, found.sessionId())
                        .build())
                .orElseThrow(() -> new AuthenticationFailedException("Unknown, ended or revoked session")));
    }
}
