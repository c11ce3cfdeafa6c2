package org.learninglog.api;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.learninglog.api.contract.model.FieldErrorJson;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Query parameters and headers as sent, before JAX-RS reads them: Quarkus REST takes `?limit=` and an empty
 * `Idempotency-Key` for absent, and `?limit=5&limit=500` for its first value. Here an empty value is refused
 * unless the contract allows an empty string for the parameter, and a query parameter given twice is refused. On the
 * API, a query parameter the operation does not declare is refused too, naming it, rather than silently ignored.
 */
class SentParametersFilter {

    /** The API, whose operations name every query parameter they take; the pages outside it keep their own rules. */
    private static final String API = "/api/v1/";

    private final Contract contract;

    SentParametersFilter(Contract contract) {
        this.contract = contract;
    }

    @ServerRequestFilter
    Response check(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return null;
        }
        List<FieldErrorJson> errors = new ArrayList<>();
        if (request.getUriInfo().getPath().startsWith(API)) {
            Set<String> declared = new HashSet<>();
            Parameters.of(method).stream().filter(p -> p.in() == Parameters.In.QUERY).forEach(p -> declared.add(p
                    .name()));
            new TreeSet<>(request.getUriInfo().getQueryParameters().keySet()).stream()
                    .filter(name -> !declared.contains(name))
                    .forEach(name -> errors.add(Problems.fieldError(name, declared.isEmpty()
                            ? "is not a parameter of this operation, which takes none"
                            : "is not a parameter of this operation; it takes " + new TreeSet<>(declared))));
        }
        for (Parameters.Declared parameter : Parameters.of(method)) {
            List<String> sent = switch (parameter.in()) {
                case QUERY -> request.getUriInfo().getQueryParameters().get(parameter.name());
                case HEADER -> request.getHeaders().get(parameter.name());
                default -> null;
            };
            if (sent == null || sent.isEmpty()) {
                continue;
            }
            if (parameter.in() == Parameters.In.QUERY && sent.size() > 1) {
                errors.add(Problems.fieldError(parameter.name(), "is given more than once"));
            } else if (sent.contains("")) {
                emptyRefused(request, parameter).ifPresent(message -> errors.add(Problems.fieldError(parameter.name(),
                        message)));
            }
        }
        return errors.isEmpty() ? null : ProblemResponses.of(Problems.invalid(errors));
    }

    /** Why an empty value is not one of this parameter, or empty when the contract allows it. */
    private Optional<String> emptyRefused(ContainerRequestContext request, Parameters.Declared parameter) {
        String in = parameter.in().name().toLowerCase(Locale.ROOT);
        JsonNode schema = contract.parameterSchema(request.getUriInfo().getPath(), request.getMethod(), in,
                parameter.name()).orElse(null);
        if (schema == null) {
            return Optional.of("must not be empty");
        }
        String type = schema.path("type").asText();
        String format = schema.path("format").asText();
        if (schema.has("enum")) {
            List<String> values = new ArrayList<>();
            schema.get("enum").forEach(value -> values.add(value.asText()));
            return values.contains("") ? Optional.empty()
                    : Optional.of("must be one of " + values);
        }
        if ("integer".equals(type)) {
            return Optional.of("must be an integer");
        }
        if ("boolean".equals(type)) {
            return Optional.of("must be true or false");
        }
        if ("date-time".equals(format)) {
            return Optional.of(Rfc3339.DATE_TIME);
        }
        if ("date".equals(format)) {
            return Optional.of(Rfc3339.DATE);
        }
        if ("uuid".equals(format)) {
            return Optional.of(StrictParamConverters.UUID_EXPECTED);
        }
        if (!format.isEmpty() || schema.path("minLength").asInt(0) > 0
                || (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher("").find())) {
            return Optional.of("must not be empty");
        }
        return Optional.empty();
    }
}
