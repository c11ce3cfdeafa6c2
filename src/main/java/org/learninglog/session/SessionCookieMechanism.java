package org.learninglog.session;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * The session cookie `ll_session`, after the bearer token: a request with an `Authorization` header is the token
 * mechanism's, whatever cookie it carries. CSRF is checked before any resource runs ({@link CsrfFilter}).
 */
@ApplicationScoped
class SessionCookieMechanism implements HttpAuthenticationMechanism {

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        Cookie cookie = context.request().getCookie(SessionCookies.NAME);
        if (context.request().getHeader("Authorization") != null || cookie == null || cookie.getValue().isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        var request = new SessionAuthenticationRequest(cookie.getValue());
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return identityProviderManager.authenticate(request);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(SessionAuthenticationRequest.class);
    }

    @Override
    public int getPriority() {
        // Below the token mechanism's default, so a bearer token is tried first.
        return DEFAULT_PRIORITY - 100;
    }
}
