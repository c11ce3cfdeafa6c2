package org.learninglog.api;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** An opaque keyset cursor: the sort key of the last item of a page. */
public final class Cursor {

    private static final String SEPARATOR = "\u001f";

    // UTF-16 rather than UTF-8: names are limited in Java chars, and UTF-16 takes exactly 2 bytes per char, so a
    // cursor holding a 120-char group name and an id (314 bytes, 419 characters) stays within the contract's
    // 512-character cursor. In UTF-8 a CJK name takes 3 bytes per char and the cursor grew to 530 characters,
    // which the API then refused as the next page's cursor.
    private static final Charset ENCODING = StandardCharsets.UTF_16BE;

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
