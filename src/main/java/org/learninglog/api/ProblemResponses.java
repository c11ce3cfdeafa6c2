package org.learninglog.api;

import java.util.List;

import jakarta.ws.rs.core.Response;

import org.learninglog.api.contract.model.FieldErrorJson;
import org.learninglog.api.contract.model.ProblemJson;

import io.vertx.core.json.JsonObject;

/** Builds `application/problem+json` responses. */
public final class ProblemResponses {

    public static final String PROBLEM_JSON = "application/problem+json";

    // The contract's limits (schemas Problem and FieldError): a detail or field can quote the request, which may be long.
    private static final int MAX_DETAIL = 2000;
    private static final int MAX_ERRORS = 100;
    private static final int MAX_FIELD = 200;
    private static final int MAX_MESSAGE = 500;

    private ProblemResponses() {
    }

    /** The text, cut to at most `max` characters (UTF-16 units, never inside a surrogate pair) with an ellipsis. */
    private static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    public static Response of(ProblemException problem) {
        return of(problem.status(), problem.type(), problem.title(), problem.getMessage(), problem.errors());
    }

    public static Response of(int status, String type, String title, String detail, List<FieldErrorJson> errors) {
        ProblemJson body = new ProblemJson().type(type).title(title).status(status).detail(cut(detail, MAX_DETAIL));
        // The generated model starts with an empty list; leave `errors` out unless there are some.
        body.setErrors(errors == null || errors.isEmpty() ? null
                : errors.stream().limit(MAX_ERRORS).map(e -> new FieldErrorJson().field(cut(e.getField(), MAX_FIELD))
                        .message(cut(e.getMessage(), MAX_MESSAGE))).toList());
        return Response.status(status).type(PROBLEM_JSON).entity(body).build();
    }

    /** The body of a problem answered below Quarkus REST, by a Vert.x route or handler: its type is the status's. */
    public static String body(int status, String title, String detail) {
        return new JsonObject().put("type", "/problems/http-" + status).put("title", title).put("status", status)
                .put("detail", detail).encode();
    }
}
