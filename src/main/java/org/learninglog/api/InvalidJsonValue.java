package org.learninglog.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value the contract does not allow, with what the caller is told about it. Thrown by the deserializers
 * of {@link StrictJson} and {@link NulCharacterGuard}; Jackson adds the field's path on the way out.
 */
final class InvalidJsonValue extends MismatchedInputException {

    private static final long serialVersionUID = 1L;

    private final String problem;

    InvalidJsonValue(JsonParser parser, Class<?> target, String problem) {
        super(parser, problem, target);
        this.problem = problem;
    }

    /** What is wrong with the value, for the problem's `errors`: `must be an RFC 3339 date such as 2026-03-10`. */
    String problem() {
        return problem;
    }
}
