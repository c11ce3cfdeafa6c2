package org.learninglog.entry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.learninglog.Api.as;
import static org.learninglog.Api.field;
import static org.learninglog.Api.pageThrough;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;
import org.learninglog.time.MutableClock;

import io.quarkus.test.junit.QuarkusTest;

/** The entry feature's paged lists, walked page by page: every item once, in order, also when their times tie. */
@QuarkusTest
class EntryPagingTest {

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    @BeforeEach
    void setUp() {
        clock.set(Entries.TUESDAY_W48);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldPageMyEntriesNewestFirstAndTiesByIdWithoutRepeatsOrGaps() {
        TestMember ana = data.member("Ana");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID groupId = data.group("Paged log " + i + " " + TestData.suffix(), ana);
            ids.add(as(ana.token()).body(Entries.packagingEntry())
                    .put("/api/v1/groups/{g}/weeks/current/entries/me", groupId).then().statusCode(201).extract()
                    .path("id"));
        }
        // All posted at the same instant: the id decides, as the database orders uuids (by their bytes).
        ids.sort(Comparator.reverseOrder());

        assertEquals(ids, field("id", pageThrough(ana.token(), 2, "/api/v1/me/entries")));
    }

    @Test
    void shouldPageAnEntrysHistoryOldestVersionFirst() {
        TestMember ana = data.member("Ana");
        UUID groupId = data.group("Paged history " + TestData.suffix(), ana);
        String id = as(ana.token()).body(Entries.packagingEntry())
                .put("/api/v1/groups/{g}/weeks/current/entries/me", groupId).then().statusCode(201).extract()
                .path("id");
        for (int version = 1; version < 5; version++) {
            as(ana.token()).header("If-Match", "\"" + version + "\"").body(Map.of("tried", "Edit " + version))
                    .patch("/api/v1/entries/{id}", id).then().statusCode(200);
        }

        List<Map<String, Object>> history = pageThrough(ana.token(), 2, "/api/v1/entries/{id}/history", id);

        assertEquals(List.of(1, 2, 3, 4, 5), history.stream().map(r -> r.get("version")).toList());
        assertEquals(List.of("CREATED", "EDITED", "EDITED", "EDITED", "EDITED"),
                history.stream().map(r -> r.get("change")).toList());
    }
}
