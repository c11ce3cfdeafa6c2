package org.learninglog.api;

import java.util.List;

import org.learninglog.api.contract.model.FieldErrorJson;

/** The problems the API answers with, one factory each, so titles and types stay consistent. */
public final class Problems {

    private Problems() {
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "/problems/bad-request", "Bad request", detail, null);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(fieldError(field, message)));
    }

    public static ProblemException invalid(List<FieldErrorJson> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).getField() + ": " + errors.get(0).getMessage()
                : errors.size() + " fields are invalid";
        return new ProblemException(400, "/problems/validation", "Invalid request", detail, errors);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "/problems/forbidden", "Forbidden", detail, null);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "/problems/not-found", "Not found", what + " not found", null);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "/problems/conflict", "Conflict", detail, null);
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(412, "/problems/precondition-failed", "Precondition failed", detail, null);
    }

    public static ProblemException unprocessable(String detail) {
        return new ProblemException(422, "/problems/unprocessable", "Unprocessable request", detail, null);
    }

    public static ProblemException preconditionRequired(String detail) {
        return new ProblemException(428, "/problems/precondition-required", "Precondition required", detail, null);
    }

    public static FieldErrorJson fieldError(String field, String message) {
        return new FieldErrorJson().field(field).message(message);
    }
}
