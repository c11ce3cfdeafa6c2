package org.learninglog.api;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;

/**
 * A date-time query parameter that is not one (`?at=next tuesday`) is a 400 naming the parameter, not the
 * 404 JAX-RS answers for unconvertible query parameters.
 */
@Provider
class DateTimeParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != OffsetDateTime.class) {
            return null;
        }
        String declared = null;
        for (Annotation annotation : annotations == null ? new Annotation[0] : annotations) {
            if (annotation instanceof QueryParam query) {
                declared = query.value();
            }
        }
        String field = declared;
        return (ParamConverter<T>) new ParamConverter<OffsetDateTime>() {
            @Override
            public OffsetDateTime fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return OffsetDateTime.parse(value);
                } catch (DateTimeParseException e) {
                    throw new WebApplicationException(ProblemResponses.of(Problems.invalid(
                            field != null ? field : queryParameterHolding(value),
                            "must be an RFC 3339 date-time such as 2026-03-10T09:00:00Z")));
                }
            }

            @Override
            public String toString(OffsetDateTime value) {
                return value == null ? null : value.toString();
            }
        };
    }

    /**
     * The name of the query parameter with this value. Quarkus REST hands converters no annotations for
     * parameters declared on the generated interfaces, so the name is looked up in the request instead.
     */
    private static String queryParameterHolding(String value) {
        ResteasyReactiveRequestContext request = CurrentRequestManager.get();
        if (request != null) {
            for (Map.Entry<String, List<String>> parameter : request.serverRequest().getQueryParamsMap().entrySet()) {
                if (parameter.getValue().contains(value)) {
                    return parameter.getKey();
                }
            }
        }
        return "query";
    }
}
