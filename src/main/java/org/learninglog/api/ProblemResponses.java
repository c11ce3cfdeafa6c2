package org.learninglog.api;

import java.util.List;

import jakarta.ws.rs.core.Response;

import org.learninglog.api.contract.model.FieldErrorJson;
import org.learninglog.api.contract.model.ProblemJson;

/** Builds `application/problem+json` responses. */
public final class ProblemResponses {

    public static final String PROBLEM_JSON = "application/problem+json";

    private ProblemResponses() {
    }

    public static Response of(ProblemException problem) {
        return of(problem.status(), problem.type(), problem.title(), problem.getMessage(), problem.errors());
    }

    public static Response of(int status, String type, String title, String detail, List<FieldErrorJson> errors) {
        ProblemJson body = new ProblemJson().type(type).title(title).status(status).detail(detail);
        // The generated model starts with an empty list; leave `errors` out unless there are some.
        body.setErrors(errors == null || errors.isEmpty() ? null : errors);
        return Response.status(status).type(PROBLEM_JSON).entity(body).build();
    }
}
