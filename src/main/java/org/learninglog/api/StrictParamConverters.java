package org.learninglog.api;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;

/**
 * Query, path and header parameters are converted as strictly as the contract types them, and one that is not
 * of its type (`?limit=abc`, `/members/not-a-uuid`, `?unread=yes`) is a 400 naming the parameter. JAX-RS would
 * answer 404 for an unconvertible query or path parameter, without saying which, and takes `?unread=yes` for
 * false and `1-1-1-1-1` for a UUID. An enum parameter is one of its values, exactly as the contract writes it.
 */
@Provider
class StrictParamConverters implements ParamConverterProvider {

    static final String UUID_EXPECTED = "must be a UUID such as 0b5f9a7e-3c1d-4e2f-8a6b-9c0d1e2f3a4b";

    private static final Pattern INTEGER = Pattern.compile("^-?[0-9]{1,10}$");
    private static final Pattern UUID_FORMAT = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    /** How each strictly read type is parsed (empty when the text is not one), and what the caller is told. */
    private record Rule(Function<String, Optional<?>> parse, String message) {
    }

    private static final Map<Class<?>, Rule> RULES = Map.of(
            Integer.class, new Rule(StrictParamConverters::integer, "must be an integer"),
            Boolean.class, new Rule(StrictParamConverters::bool, "must be true or false"),
            UUID.class, new Rule(StrictParamConverters::uuid, UUID_EXPECTED),
            OffsetDateTime.class, new Rule(Rfc3339::dateTime, Rfc3339.DATE_TIME),
            LocalDate.class, new Rule(Rfc3339::date, Rfc3339.DATE));

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        Rule rule = rawType.isEnum() ? choices(rawType) : RULES.get(rawType);
        if (rule == null) {
            return null;
        }
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null) {
                    return null;
                }
                return (T) rule.parse().apply(value).orElseThrow(() -> new WebApplicationException(
                        ProblemResponses.of(Problems.invalid(parameterHolding(rawType, value), rule.message()))));
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value.toString();
            }
        };
    }

    /**
     * A contract enum (`?status=ANSWERED`): exactly one of its values as written, which the generated enums give
     * as `toString()`; JAX-RS would answer anything else with a 404.
     */
    private static Rule choices(Class<?> enumType) {
        List<?> values = List.of(enumType.getEnumConstants());
        return new Rule(text -> values.stream().filter(v -> v.toString().equals(text)).findFirst(),
                "must be one of " + values);
    }

    private static Optional<?> integer(String text) {
        if (!INTEGER.matcher(text).matches()) {
            return Optional.empty();
        }
        long value = Long.parseLong(text);
        return value == (int) value ? Optional.of((int) value) : Optional.empty();
    }

    private static Optional<?> bool(String text) {
        return "true".equals(text) ? Optional.of(true) : "false".equals(text) ? Optional.of(false) : Optional.empty();
    }

    private static Optional<?> uuid(String text) {
        return UUID_FORMAT.matcher(text).matches() ? Optional.of(UUID.fromString(text)) : Optional.empty();
    }

    /**
     * The name of the parameter of this type that holds the value. Quarkus REST hands converters no annotations
     * for parameters declared on the generated interfaces, so the request's resource method is asked instead.
     */
    private static String parameterHolding(Class<?> type, String value) {
        ResteasyReactiveRequestContext request = CurrentRequestManager.get();
        ResteasyReactiveResourceInfo method = request == null ? null : request.getResteasyReactiveResourceInfo();
        if (method == null) {
            return "parameter";
        }
        List<Parameters.Declared> candidates = Parameters.of(method.getMethod()).stream()
                .filter(p -> p.type() == type && p.in() != Parameters.In.BODY).toList();
        if (candidates.size() == 1) {
            return candidates.get(0).name();
        }
        return candidates.stream().filter(p -> holds(request, p, value)).findFirst()
                .map(Parameters.Declared::name).orElse("parameter");
    }

    private static boolean holds(ResteasyReactiveRequestContext request, Parameters.Declared parameter, String value) {
        Object sent = switch (parameter.in()) {
            case QUERY -> request.getQueryParameter(parameter.name(), false, false);
            case PATH -> request.getPathParameter(parameter.name(), false);
            case HEADER -> request.getHeader(parameter.name(), false);
            default -> null;
        };
        return sent instanceof List<?> values ? values.contains(value) : value.equals(sent);
    }
}
