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
 * Text that is not valid Unicode fails later and worse: PostgreSQL cannot store U+0000 and fails the
 * statement, which would answer valid-looking JSON with a 500, and an unpaired surrogate (`"\ud800"`, which
 * JSON's escapes can write) is stored as `?`. Every string of every request body is checked once here, so the
 * caller gets a 400 for the field instead, whatever resource reads it.
 */
@Singleton
class NulCharacterGuard implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("nul-character-guard").addDeserializer(String.class, new ValidText()));
    }

    /** The problem with the text, or null when it is valid Unicode without U+0000. */
    static String invalid(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                return "must not contain U+0000";
            }
            boolean pair = Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            if (pair) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must be valid Unicode text, without unpaired surrogates such as \\ud800";
            }
        }
        return null;
    }

    private static final class ValidText extends StringDeserializer {

        private static final long serialVersionUID = 1L;

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            String problem = value == null ? null : invalid(value);
            if (problem != null) {
                throw new InvalidJsonValue(parser, String.class, problem);
            }
            return value;
        }
    }
}
