package org.learninglog.api;

import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

/**
 * Applies {@link RateLimits} to every request a resource serves, once it is matched (its operation tells the
 * class) and its caller known. A request refused 401 by the security check of an operation that needs a member
 * never gets here (CallerLimits counts failed authentications); one without valid credentials to a public
 * operation counts for its address only. Every response it counted carries `RateLimit-Policy` and `RateLimit`; a
 * refusal is a 429 with `Retry-After` until the window ends.
 */
class RateLimitFilter {

    private static final String VERDICT = RateLimitFilter.class.getName() + ".verdict";

    private final RateLimits limits;
    private final RateLimitsConfig config;
    private final CurrentIdentityAssociation identities;

    RateLimitFilter(RateLimits limits, RateLimitsConfig config, CurrentIdentityAssociation identities) {
        this.limits = limits;
        this.config = config;
        this.identities = identities;
    }

    // Not non-blocking: it runs on the worker thread of the (blocking) resource, where it may wait for the
    // identity and the database.
    @ServerRequestFilter
    Optional<Response> count(ContainerRequestContext request, ResourceInfo resource, HttpServerRequest http) {
        if (!config.enabled()) {
            return Optional.empty();
        }
        String operation = resource.getResourceMethod() == null ? null : resource.getResourceMethod().getName();
        String address = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        RateLimits.Verdict verdict = limits.count(operation, caller(), address);
        request.setProperty(VERDICT, verdict);
        if (!verdict.refused()) {
            return Optional.empty();
        }
        String detail = verdict.exceeded().stream().map(c -> "at most " + c.policy().quota() + " " + describe(c))
                .collect(Collectors.joining(" and ")) + " a minute; try again in " + verdict.secondsLeft() + " s";
        Response problem = ProblemResponses.of(429, "/problems/too-many-requests", "Too Many Requests",
                Character.toUpperCase(detail.charAt(0)) + detail.substring(1), null);
        return Optional.of(Response.fromResponse(problem).header("Retry-After", verdict.secondsLeft()).build());
    }

    @ServerResponseFilter
    void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(VERDICT) instanceof RateLimits.Verdict verdict) {
            response.getHeaders().putSingle("RateLimit-Policy", verdict.policyHeader());
            response.getHeaders().putSingle("RateLimit", verdict.rateLimitHeader());
        }
    }

    /** The member's id, or null for a request without valid credentials. */
    private String caller() {
        SecurityIdentity identity;
        try {
            identity = identities.getIdentity();
        } catch (AuthenticationFailedException e) {
            return null;
        }
        return identity == null || identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }

    private static String describe(RateLimits.Count count) {
        return switch (count.policy().name()) {
            case "member" -> "requests by one member";
            case "address" -> "requests from one client address";
            case "email-member" -> "requests that send email by one member";
            case "email-address" -> "requests that send email from one client address";
            case "search-member" -> "searches by one member";
            case "search-address" -> "searches from one client address";
            default -> "requests (" + count.policy().name() + ")";
        };
    }
}
