package org.learninglog.api;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * PostgreSQL cannot store U+0000 in text and fails the statement, which would answer valid-looking JSON
 * with a 500. Every string of every request body is checked once here, so the caller gets a 400 for the
 * field instead, whatever resource reads it.
 */
@Singleton
class NulCharacterGuard implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("nul-character-guard").addDeserializer(String.class, new NoNul()));
    }

    private static final class NoNul extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null && value.indexOf('\u0000') >= 0) {
                // Becomes an InvalidFormatException with the field's path, rendered by JsonProblemMapper.
                return (String) context.handleWeirdStringValue(String.class, value, "must not contain U+0000");
            }
            return value;
        }
    }
}
