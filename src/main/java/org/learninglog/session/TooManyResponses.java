package org.learninglog.session;

import jakarta.ws.rs.core.Response;

import org.learninglog.api.ProblemResponses;

/** 429 with `Retry-After`, as problem details for the API. */
final class TooManyResponses {

    private TooManyResponses() {
    }

    static long seconds(SignInService.TooMany tooMany) {
        return Math.max(1, tooMany.retryAfter().toSeconds());
    }

    static long minutes(SignInService.TooMany tooMany) {
        return Math.max(1, (seconds(tooMany) + 59) / 60);
    }

    static Response problem(SignInService.TooMany tooMany) {
        Response problem = ProblemResponses.of(429, "/problems/too-many-requests", "Too Many Requests",
                "Too many sign-in links were asked for; try again in " + minutes(tooMany) + " minutes", null);
        return Response.fromResponse(problem).header("Retry-After", seconds(tooMany)).build();
    }
}
