package org.learninglog.security;

import jakarta.enterprise.context.ApplicationScoped;

import org.learninglog.identity.CurrentMember;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * A bearer secret: a JWT of the company's identity provider when single sign-on is on and it has a JWT's shape,
 * else a personal access token.
 */
@ApplicationScoped
class TokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    /** The attribute set on an identity proven by an SSO token (not a personal access token). */
    static final String SSO = "learninglog.sso";

    private final TokenAuthenticator authenticator;
    private final SsoVerifier sso;
    private final SsoMembers ssoMembers;

    TokenIdentityProvider(TokenAuthenticator authenticator, SsoVerifier sso, SsoMembers ssoMembers) {
        this.authenticator = authenticator;
        this.sso = sso;
        this.ssoMembers = ssoMembers;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String secret = request.getToken().getToken();
        if (sso.enabled() && SsoVerifier.looksLikeJwt(secret)) {
            return context.runBlocking(() -> sso.verify(secret).flatMap(ssoMembers::memberFor)
                    .map(actor -> (SecurityIdentity) QuarkusSecurityIdentity.builder(CurrentMember.identityOf(actor))
                            .addAttribute(SSO, Boolean.TRUE).build())
                    .orElseThrow(() -> new AuthenticationFailedException("Invalid SSO token or no such member")));
        }
        return context.runBlocking(() -> authenticator.authenticate(secret)
                .map(CurrentMember::identityOf)
                .orElseThrow(() -> new AuthenticationFailedException("Unknown, revoked or deactivated token")));
    }
}
