package org.learninglog.api;

import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

/** Unreadable request bodies: malformed JSON, unknown or read-only fields, wrong types and values. */
class JsonProblemMapper {

    // Registered per type because Quarkus ships its own mapper for MismatchedInputException.
    @ServerExceptionMapper
    Response mismatched(MismatchedInputException e) {
        return ProblemResponses.of(problemOf(e));
    }

    @ServerExceptionMapper
    Response unreadable(JsonProcessingException e) {
        return ProblemResponses.of(problemOf(e));
    }

    /** The problem a JSON failure stands for; also used when JAX-RS wraps one in a 400. */
    static ProblemException problemOf(JsonProcessingException e) {
        if (e instanceof JsonParseException) {
            return Problems.badRequest("The request body is not valid JSON");
        }
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return Problems.badRequest("The request body is not the expected JSON object");
        }
        String field = mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        if (e instanceof UnrecognizedPropertyException) {
            return Problems.invalid(field, "is not a field that can be set here");
        }
        Class<?> target = e instanceof MismatchedInputException mismatched ? mismatched.getTargetType() : null;
        if (e instanceof ValueInstantiationException instantiation) {
            target = instantiation.getType().getRawClass();
        }
        if (target != null && target.isEnum()) {
            return Problems.invalid(field, "must be one of " + Arrays.toString(target.getEnumConstants()));
        }
        if (e instanceof InvalidFormatException) {
            return Problems.invalid(field, "has the wrong format");
        }
        return Problems.invalid(field, "has the wrong type");
    }
}
