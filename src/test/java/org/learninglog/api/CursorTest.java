package org.learninglog.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The keyset cursors of every paged list; no Quarkus needed. */
class CursorTest {

    /** The contract's `maxLength` of the `cursor` parameter. */
    private static final int CONTRACT_LIMIT = 512;

    private static final String ID = "0b7f5c1e-4a3d-4e8b-9a61-2f0c7d9e5b13";

    @Test
    void shouldGiveBackTheKeysItWasMadeOf() {
        String cursor = Cursor.encode("Ana", ID);

        assertEquals(List.of("Ana", ID), Cursor.decode(cursor, 2));
    }

    @Test
    void shouldKeepEmptyKeysUnicodeAndSingleKeys() {
        assertEquals(List.of("", ID), Cursor.decode(Cursor.encode("", ID), 2));
        assertEquals(List.of("İlkay Ødegård 学習 🙂", ID), Cursor.decode(Cursor.encode("İlkay Ødegård 学習 🙂", ID), 2));
        assertEquals(List.of("7"), Cursor.decode(Cursor.encode("7"), 1));
        assertEquals(List.of("1", "2026-11-17T08:00:00Z", ID),
                Cursor.decode(Cursor.encode("1", "2026-11-17T08:00:00Z", ID), 3));
    }

    @Test
    void shouldIssueCursorsThatNeedNoEscapingInAUrl() {
        String cursor = Cursor.encode("Ops & <b>Co</b>?/+=", ID);

        assertTrue(cursor.matches("[A-Za-z0-9_-]+"), cursor);
    }

    @Test
    void shouldStartAtTheFirstPageWithoutACursor() {
        assertNull(Cursor.decode(null, 2));
        assertNull(Cursor.decode("", 2));
    }

    @Test
    void shouldRefuseACursorWithTheWrongNumberOfKeys() {
        String twoKeys = Cursor.encode("Ana", ID);

        assertNotACursor(() -> Cursor.decode(twoKeys, 1));
        assertNotACursor(() -> Cursor.decode(twoKeys, 3));
        assertNotACursor(() -> Cursor.decode(Cursor.encode("Ana\u001fBen", ID), 2)); // the separator inside a key
    }

    @ParameterizedTest
    @ValueSource(strings = { "not a cursor", "QW5h+w==", "QW5h/w", "A", "%41%42", "QW5h\u0000" })
    void shouldRefuseTextThatIsNotUrlSafeBase64(String cursor) {
        assertNotACursor(() -> Cursor.decode(cursor, 2));
    }

    @Test
    void shouldRefuseACursorWithANulCharacter() {
        // PostgreSQL refuses U+0000 in a text parameter, and a failed statement must not become a 500.
        assertNotACursor(() -> Cursor.decode(Cursor.encode("Ana\u0000", ID), 2));
        assertNotACursor(() -> Cursor.decode(Cursor.encode("\u0000"), 1));
    }

    @Test
    void shouldRefuseACursorCutShortWithinItsFirstKey() {
        String cursor = Cursor.encode("Ana", ID);
        // Base64 characters that hold less than the first key and the separator, 8 bytes of UTF-16.
        int shorterThanFirstKey = ("Ana".length() + 1) * 2 * 4 / 3;

        for (int length = 1; length <= shorterThanFirstKey; length++) {
            String cut = cursor.substring(0, length);
            assertNotACursor(() -> Cursor.decode(cut, 2));
        }
    }

    @Test
    void shouldRefuseATamperedKeyOfTheWrongKind() {
        List<String> cutId = Cursor.decode(Cursor.encode("Ana", ID.substring(0, 13)), 2);
        List<String> forged = Cursor.decode(base64Url("Ana\u001fnot-an-id".getBytes(StandardCharsets.UTF_16BE)), 2);

        assertNotACursor(() -> Cursor.uuid(cutId.get(1)));
        assertNotACursor(() -> Cursor.uuid(forged.get(1)));
        assertNotACursor(() -> Cursor.uuid(""));
        assertNotACursor(() -> Cursor.instant("yesterday"));
        assertNotACursor(() -> Cursor.instant("2026-11-17"));
        assertNotACursor(() -> Cursor.integer("1.5"));
        assertNotACursor(() -> Cursor.integer("99999999999"));
    }

    /** Bytes no cursor was made of decode to whole characters, so the database gets no broken text either. */
    @Test
    void shouldReplaceBytesThatAreNotTextByWholeCharacters() {
        // "A", the separator, a high surrogate without its low half, and a last byte without its partner.
        List<String> keys = Cursor.decode(base64Url(new byte[] { 0, 'A', 0, 0x1F, (byte) 0xD8, 0, 0, 'B', 0 }), 2);

        assertEquals(2, keys.size());
        keys.forEach(key -> assertTrue(StandardCharsets.UTF_8.newEncoder().canEncode(key), key));
    }

    @Test
    void shouldReadTheKindsOfKeysTheListsSortBy() {
        assertEquals(UUID.fromString(ID), Cursor.uuid(ID));
        assertEquals(Instant.parse("2026-11-17T08:00:00.123456Z"), Cursor.instant("2026-11-17T08:00:00.123456Z"));
        assertEquals(42, Cursor.integer("42"));
    }

    /** Names are at most 120 characters (the contract); a CJK name takes 3 bytes a character in UTF-8. */
    @Test
    void shouldKeepTheLongestCjkNameAndAnIdWithinTheContractsLimit() {
        for (String name : List.of("学".repeat(120), "𠀀".repeat(60), "習日学".repeat(40))) {
            String cursor = Cursor.encode(name, UUID.randomUUID().toString());

            assertThat(cursor.length(), lessThanOrEqualTo(CONTRACT_LIMIT));
            assertEquals(name, Cursor.decode(cursor, 2).get(0));
        }
    }

    private static void assertNotACursor(Executable decoding) {
        ProblemException problem = assertThrows(ProblemException.class, decoding);
        assertEquals(400, problem.status());
        assertEquals("cursor", problem.errors().get(0).getField());
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
