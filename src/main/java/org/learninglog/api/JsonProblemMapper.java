package org.learninglog.api;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

/** Unreadable request bodies: malformed JSON, unknown or read-only fields, wrong types and values. */
class JsonProblemMapper {

    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '(.*)'$");

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
            // STRICT_DUPLICATE_DETECTION says which field only in its message.
            Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
            if (duplicate.matches()) {
                return Problems.invalid(duplicate.group(1), "is given more than once");
            }
            return Problems.badRequest("The request body is not valid JSON");
        }
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            // FAIL_ON_TRAILING_TOKENS says so only in its message.
            if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {
                return Problems.badRequest("The request body must be one JSON value, with nothing after it");
            }
            return Problems.badRequest("The request body is not the expected JSON object");
        }
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : mapping.getPath()) {
            if (ref.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return Problems.invalid(field.toString(), messageOf(e));
    }

    private static String messageOf(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a field that can be set here";
        }
        if (e instanceof InvalidJsonValue invalid) {
            return invalid.problem();
        }
        if (e instanceof InvalidNullException) {
            return "must not be null; leave the field out to leave it as it is";
        }
        Class<?> target = e instanceof MismatchedInputException mismatched ? mismatched.getTargetType() : null;
        if (e instanceof ValueInstantiationException instantiation) {
            target = instantiation.getType().getRawClass();
        }
        if (target != null && target.isEnum()) {
            return "must be one of " + Arrays.toString(target.getEnumConstants());
        }
        if (target == UUID.class) {
            return StrictParamConverters.UUID_EXPECTED;
        }
        String type = target == null ? null : typeOf(target);
        if (type != null) {
            return "must be " + type;
        }
        return e instanceof InvalidFormatException ? "has the wrong format" : "has the wrong type";
    }

    private static String typeOf(Class<?> target) {
        if (CharSequence.class.isAssignableFrom(target)) {
            return "a string";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(target)) {
            return "a number";
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(target) || target.getPackageName().startsWith("org.learninglog")) {
            return "an object";
        }
        return null;
    }
}
