package org.learninglog.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** An opaque keyset cursor: the sort key of the last item of a page. */
public final class Cursor {

    private static final String SEPARATOR = "\u001f";

    private Cursor() {
    }

    public static String encode(String... keys) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, keys).getBytes(StandardCharsets.UTF_8));
    }

    /** The keys of a cursor this API issued, or null for the first page. */
    public static List<String> decode(String cursor, int keys) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> parts = List.of(text.split(SEPARATOR, -1));
            if (parts.size() == keys) {
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
        try {
            return java.time.Instant.parse(key);
        } catch (java.time.format.DateTimeParseException e) {
            throw notACursor();
        }
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
