package org.learninglog.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.learninglog.api.ProblemResponses;
import org.learninglog.api.Problems;

/**
 * Synchronizer token against cross-site requests: a request to the API that changes state and carries the session
 * cookie but no bearer token must send `X-CSRF-Token` with the session's token, which only this site's script can
 * read (`GET /api/v1/me/sessions/current`); a cross-site form post cannot set a header, so it gets 403. The token is
 * derived from the cookie's secret, so the check needs no query. Asking for a sign-in link is exempt: it is public.
 */
class CsrfFilter {

    static final String HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @ServerRequestFilter(preMatching = true)
    Optional<Response> requireCsrfToken(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(SessionCookies.NAME);
        String path = request.getUriInfo().getPath();
        if (cookie == null || cookie.getValue().isEmpty() || SAFE.contains(request.getMethod())
                || request.getHeaderString("Authorization") != null || !path.startsWith("/api/")
                || path.startsWith("/api/v1/sign-in-links")) {
            return Optional.empty();
        }
        if (matches(cookie.getValue(), request.getHeaderString(HEADER))) {
            return Optional.empty();
        }
        return Optional.of(ProblemResponses.of(Problems.forbidden("A request with the session cookie that changes"
                + " state must send the header " + HEADER + " (GET /api/v1/me/sessions/current)")));
    }

    /** Whether a form or header value is the CSRF token of the session whose cookie holds this secret. */
    static boolean matches(String sessionSecret, String presented) {
        return presented != null && MessageDigest.isEqual(
                SignInSecrets.csrfToken(sessionSecret).getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }
}
