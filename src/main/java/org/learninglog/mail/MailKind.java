package org.learninglog.mail;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * A kind of email, e.g. `REMINDER`, and the record that is the only definition of its data. The outbox stores
 * that record as JSON when the email is enqueued; the kind's {@link MailComposer} reads it back into the same
 * record when the email is sent.
 *
 * <p>The JSON is the outbox's own storage format, independent of the API's Jackson settings: every component
 * is written, nulls included, so a component missing on reading is an error, not a blank in a sent email.
 * Unknown fields are ignored, so rows a newer version enqueued still render during a rolling deployment.
 */
public final class MailKind<T extends Record> {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final String name;
    private final Class<T> data;

    private MailKind(String name, Class<T> data) {
        this.name = Objects.requireNonNull(name);
        this.data = Objects.requireNonNull(data);
    }

    /** @param name as stored in the outbox's `kind` column, at most 32 characters */
    public static <T extends Record> MailKind<T> of(String name, Class<T> data) {
        if (name.isBlank() || name.length() > 32) {
            throw new IllegalArgumentException("A mail kind's name has 1 to 32 characters: " + name);
        }
        return new MailKind<>(name, data);
    }

    public String name() {
        return name;
    }

    /** The JSON the outbox stores for an email of this kind. */
    public String write(T value) {
        try {
            return JSON.writeValueAsString(Objects.requireNonNull(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The data of a " + name + " email cannot be written as JSON", e);
        }
    }

    /** The data of an email of this kind, from the JSON stored for it; fails on a missing component. */
    public T read(String json) {
        try {
            return JSON.readValue(json, data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The data of a " + name + " email cannot be read as a "
                    + data.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
