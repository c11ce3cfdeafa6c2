package org.learninglog.api;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.learninglog.api.contract.model.FieldErrorJson;

/** Bean Validation failures of the contract's constraints become a 400 with one error per field. */
@Provider
class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        // RFC 6585: a change that needs a precondition and has none is 428, not a plain 400.
        if (exception.getConstraintViolations().stream().anyMatch(v -> "ifMatch".equals(fieldOf(v)))) {
            return ProblemResponses.of(Problems.preconditionRequired(ETags.MISSING));
        }
        List<FieldErrorJson> errors = exception.getConstraintViolations().stream()
                .map(v -> Problems.fieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldErrorJson::getField))
                .toList();
        return ProblemResponses.of(Problems.invalid(errors));
    }

    /** `createMember.memberCreate.email` becomes `email`; a query parameter keeps its name; a missing body is `body`. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        List<String> names = new java.util.ArrayList<>();
        violation.getPropertyPath().forEach(node -> names.add(node.getName()));
        if (names.size() > 2) {
            return String.join(".", names.subList(2, names.size()));
        }
        String parameter = names.size() == 2 ? names.get(1) : "body";
        return PARAMETERS.contains(parameter) ? parameter : "body";
    }

    /** Query, path and header parameters keep their names; anything else is the body. */
    private static final java.util.Set<String> PARAMETERS = java.util.Set.of(
            "limit", "cursor", "at", "status", "groupId", "sort", "unread", "week", "ifMatch", "token");
}
