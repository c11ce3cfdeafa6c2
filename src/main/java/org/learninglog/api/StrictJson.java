package org.learninglog.api;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Function;

import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

import org.learninglog.api.contract.model.ProblemJson;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Request bodies are read as strictly as the contract types them: `{"reminders": 0}` is not "reminders off",
 * `{"displayName": 123}` is not a name, `{"awayUntil": 20000}` is not a date, `null` is not a value of any field
 * (none is nullable), `{...} {...}` is not one body and a field named twice is not one field. Jackson would
 * coerce or accept each of them.
 *
 * <p>Only the contract's wire models are read this strictly (Quarkus REST asks this resolver per type); the
 * application's own mapper, which reads the outbox's stored JSON back, stays as configured.
 */
@Provider
class StrictJson implements ContextResolver<ObjectMapper> {

    private static final String WIRE_MODELS = ProblemJson.class.getPackageName();

    private final ObjectMapper strict;

    StrictJson(ObjectMapper mapper) {
        this.strict = strict(mapper.copy());
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return type != null && WIRE_MODELS.equals(type.getPackageName()) ? strict : null;
    }

    static ObjectMapper strict(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // No scalar becomes another: numbers, booleans and strings stay what they are, "" is no UUID or date.
        mapper.coercionConfigDefaults()
                .setAcceptBlankAsEmpty(false)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyArray, CoercionAction.Fail);
        // No field of a request is nullable: leave a field out to leave it as it is.
        mapper.setDefaultSetterInfo(JsonSetter.Value.construct(Nulls.FAIL, Nulls.FAIL));
        mapper.registerModule(new SimpleModule("rfc-3339")
                .addDeserializer(LocalDate.class, new Rfc3339Deserializer<>(LocalDate.class, Rfc3339::date,
                        Rfc3339.DATE))
                .addDeserializer(OffsetDateTime.class, new Rfc3339Deserializer<>(OffsetDateTime.class,
                        Rfc3339::dateTime, Rfc3339.DATE_TIME)));
        return mapper;
    }

    /** A date or date-time from a JSON string in RFC 3339 form, and from nothing else. */
    private static final class Rfc3339Deserializer<T> extends StdScalarDeserializer<T> {

        private static final long serialVersionUID = 1L;

        private final transient Function<String, Optional<T>> parse;
        private final String problem;

        Rfc3339Deserializer(Class<T> type, Function<String, Optional<T>> parse, String problem) {
            super(type);
            this.parse = parse;
            this.problem = problem;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                Optional<T> value = parse.apply(parser.getText());
                if (value.isPresent()) {
                    return value.get();
                }
            }
            throw new InvalidJsonValue(parser, handledType(), problem);
        }
    }
}
