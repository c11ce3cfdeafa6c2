package org.learninglog.security;

import jakarta.enterprise.context.ApplicationScoped;

import org.learninglog.identity.CurrentMember;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
class TokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final TokenAuthenticator authenticator;

    TokenIdentityProvider(TokenAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request,
            AuthenticationRequestContext context) {
        return context.runBlocking(() -> authenticator.authenticate(request.getToken().getToken())
                .map(CurrentMember::identityOf)
                .orElseThrow(() -> new AuthenticationFailedException("Unknown, revoked or deactivated token")));
    }
}
