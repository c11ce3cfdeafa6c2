package org.learninglog.api;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** An opaque keyset cursor: the sort key of the last item of a page. */
public final class Cursor {

    private static final String SEPARATOR = "\u001f";

    // UTF-16 rather than UTF-8: names are limited in code points, which UTF-16 writes in 2 bytes (4 outside the
    // Basic Multilingual Plane, as UTF-8 does), against UTF-8's 3 for CJK. The longest cursor, a 120-emoji group
    // name and an id (554 bytes), is 739 characters, within the contract's 1024-character cursor.
    private static final Charset ENCODING = StandardCharsets.UTF_16BE;

    // Instants this API stores and issues lie within RFC 3339's years; one outside them was forged, and
    // PostgreSQL would fail the statement it is bound to.
    private static final java.time.Instant EARLIEST = java.time.Instant.parse("0001-01-01T00:00:00Z");
    private static final java.time.Instant AFTER_LATEST = java.time.Instant.parse("+10000-01-01T00:00:00Z");

    private Cursor() {
    }

    public static String encode(String... keys) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, keys).getBytes(ENCODING));
    }

    /** The keys of a cursor this API issued, or null for the first page. */
    public static List<String> decode(String cursor, int keys) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), ENCODING);
            List<String> parts = List.of(text.split(SEPARATOR, -1));
            // A forged U+0000 would reach PostgreSQL as a query parameter and fail the statement.
            if (parts.size() == keys && text.indexOf('\u0000') < 0) {
                return parts;
            }
        } catch (IllegalArgumentException e) {
            // fall through to the problem below
        }
        throw notACursor();
    }

    public static java.util.UUID uuid(String key) {
        try {
            return java.util.UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            throw notACursor();
        }
    }

    public static java.time.Instant instant(String key) {
        java.time.Instant instant;
        try {
            instant = java.time.Instant.parse(key);
        } catch (java.time.format.DateTimeParseException e) {
            throw notACursor();
        }
        if (instant.isBefore(EARLIEST) || !instant.isBefore(AFTER_LATEST)) {
            throw notACursor();
        }
        return instant;
    }

    /** A key of another kind (a week, say), read by its parser; a key the parser refuses is not a cursor's. */
    public static <T> T key(String key, java.util.function.Function<String, java.util.Optional<T>> parse) {
        return parse.apply(key).orElseThrow(Cursor::notACursor);
    }

    public static int integer(String key) {
        try {
            return Integer.parseInt(key);
        } catch (NumberFormatException e) {
            throw notACursor();
        }
    }

    private static ProblemException notACursor() {
        return Problems.invalid("cursor", "is not a cursor this list issued");
    }
}
