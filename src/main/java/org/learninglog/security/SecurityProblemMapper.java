package org.learninglog.security;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.learninglog.api.ProblemResponses;
import org.learninglog.api.Problems;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** 401 and 403 as problem details; the reason a token was refused is not told. */
class SecurityProblemMapper {

    @ServerExceptionMapper
    Response unauthenticated(UnauthorizedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    Response authenticationFailed(AuthenticationFailedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    Response forbidden(ForbiddenException e) {
        return ProblemResponses.of(Problems.forbidden("Your role does not allow this"));
    }

    private static Response unauthorized() {
        Response problem = ProblemResponses.of(401, "/problems/unauthorized", "Unauthorized",
                "A valid personal access token is required: Authorization: Bearer <token>", null);
        return Response.fromResponse(problem).header("WWW-Authenticate", "Bearer").build();
    }
}
