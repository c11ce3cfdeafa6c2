package org.learninglog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class KeysetTest {

    private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-00000000000a");

    @Test
    void shouldAddNoConditionOnTheFirstPage() {
        Keyset keyset = Keyset.of(null, null, Keyset.Key.ignoringCase("g.name"), Keyset.Key.uuid("g.id"));

        assertTrue(keyset.first());
        assertEquals("", keyset.and());
        assertEquals("", keyset.where());
        assertEquals(Map.of(), keyset.parameters());
        assertEquals("lower(g.name) asc, g.id asc", keyset.orderBy());
        assertEquals(21, keyset.fetchSize());
    }

    @Test
    void shouldCompareNamesLowerCasedByTheDatabaseOnBothSides() {
        String cursor = Cursor.encode("BΣ", ID.toString());

        Keyset keyset = Keyset.of(cursor, 1, Keyset.Key.ignoringCase("g.name"), Keyset.Key.uuid("g.id"));

        assertEquals(" and (lower(g.name) > lower(:after0) or (lower(g.name) = lower(:after0) and g.id > :after1))",
                keyset.and());
        assertEquals(Map.of("after0", "BΣ", "after1", ID), keyset.parameters());
    }

    @Test
    void shouldTurnComparisonsAroundForDescendingKeys() {
        Instant at = Instant.parse("2026-11-24T08:00:00Z");
        String cursor = Cursor.encode(at.toString(), ID.toString());

        Keyset keyset = Keyset.of(cursor, 5, Keyset.Key.instant("n.createdAt").descending(),
                Keyset.Key.uuid("n.id").descending());

        assertEquals(" where (n.createdAt < :after0 or (n.createdAt = :after0 and n.id < :after1))", keyset.where());
        assertEquals("n.createdAt desc, n.id desc", keyset.orderBy());
        assertEquals(Map.of("after0", at, "after1", ID), keyset.parameters());
    }

    @Test
    void shouldDecodeEachKeyByItsType() {
        String cursor = Cursor.encode("1", "2026-11-24T08:00:00Z", ID.toString());

        Keyset keyset = Keyset.of(cursor, 5, Keyset.Key.integer("bucket"), Keyset.Key.instant("e.createdAt"),
                Keyset.Key.uuid("e.id"));

        assertEquals(Map.of("after0", 1, "after1", Instant.parse("2026-11-24T08:00:00Z"), "after2", ID),
                keyset.parameters());
    }

    @Test
    void shouldRejectACursorWithKeysOfTheWrongTypeAsAProblemNamingTheCursor() {
        String cursor = Cursor.encode("not-an-instant", ID.toString());

        ProblemException problem = assertThrows(ProblemException.class,
                () -> Keyset.of(cursor, 5, Keyset.Key.instant("e.createdAt"), Keyset.Key.uuid("e.id")));

        assertEquals(400, problem.status());
        assertEquals("cursor", problem.errors().get(0).getField());
    }

    @Test
    void shouldRejectACursorOfAListWithOtherKeys() {
        String cursor = Cursor.encode("a", "b", "c");

        assertThrows(ProblemException.class,
                () -> Keyset.of(cursor, 5, Keyset.Key.text("a"), Keyset.Key.uuid("id")));
    }

    @Test
    void shouldGiveTheLastItemsKeysAsTheNextCursorOnlyWhenMoreFollow() {
        Keyset keyset = Keyset.of(null, 2, Keyset.Key.text("name"), Keyset.Key.uuid("id"));
        List<String> rows = List.of("a", "b", "c");

        Page<String> page = keyset.page(rows, row -> List.of(row, ID));
        Page<String> last = keyset.page(rows.subList(0, 2), row -> List.of(row, ID));

        assertEquals(List.of("a", "b"), page.items());
        assertEquals(List.of("b", ID.toString()), Cursor.decode(page.nextCursor(), 2));
        assertNull(last.nextCursor());
    }

    @Test
    void shouldKeepTheLimitWithinTheApisBounds() {
        assertEquals(100, Keyset.of(null, 1000, Keyset.Key.uuid("id")).limit());
        assertEquals(1, Keyset.of(null, 0, Keyset.Key.uuid("id")).limit());
        assertEquals(20, Keyset.of(null, null, Keyset.Key.uuid("id")).limit());
    }
}
