package org.learninglog.entry;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.learninglog.Api.as;
import static org.learninglog.Api.badRequestAs;
import static org.learninglog.entry.Entries.entry;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;
import org.learninglog.time.MutableClock;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MyLogTest {

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    @Test
    void shouldListMyEntriesAcrossGroupsNewestFirst() {
        clock.set(Entries.TUESDAY_W48.minus(Duration.ofDays(7)));
        TestMember ana = data.member("Ana");
        UUID managers = data.group("Managers " + TestData.suffix(), ana);
        UUID buyers = data.group("Buyers " + TestData.suffix(), ana);
        as(ana.token()).body(entry("Tried A", "Failed A", "Question A?", null))
                .put("/api/v1/groups/{g}/weeks/current/entries/me", managers).then().statusCode(201);
        clock.advance(Duration.ofDays(7));
        as(ana.token()).body(entry("Tried B", "Failed B", null, null))
                .put("/api/v1/groups/{g}/weeks/current/entries/me", buyers).then().statusCode(201);
        clock.advance(Duration.ofMinutes(5));
        as(ana.token()).body(entry("Tried C", "Failed C", "Question C?", null))
                .put("/api/v1/groups/{g}/weeks/current/entries/me", managers).then().statusCode(201);

        as(ana.token()).get("/api/v1/me/entries").then().statusCode(200)
                .body("items.tried", equalTo(List.of("Tried C", "Tried B", "Tried A")))
                .body("items.questionStatus", equalTo(List.of("OPEN", "NONE", "OPEN")))
                .body("items.groupId", equalTo(List.of(managers.toString(), buyers.toString(), managers.toString())))
                .body("nextCursor", nullValue());
        String next = as(ana.token()).queryParam("limit", 2).get("/api/v1/me/entries").then().statusCode(200)
                .body("items", hasSize(2)).extract().path("nextCursor");
        as(ana.token()).queryParam("limit", 2).queryParam("cursor", next).get("/api/v1/me/entries").then()
                .statusCode(200).body("items.tried", equalTo(List.of("Tried A")));
    }

    @Test
    void shouldListALateEntryForLastWeekBelowThisWeeks() {
        clock.set(Entries.TUESDAY_W48.minus(Duration.ofDays(7)));
        TestMember ana = data.member("Ana");
        UUID managers = data.group("Managers " + TestData.suffix(), ana);
        UUID buyers = data.group("Buyers " + TestData.suffix(), ana);
        as(ana.token()).body(entry("On time W47", "Failed", null, null))
                .put("/api/v1/groups/{g}/weeks/current/entries/me", managers).then().statusCode(201);
        clock.set(Entries.TUESDAY_W48);
        as(ana.token()).body(entry("This week W48", "Failed", null, null))
                .put("/api/v1/groups/{g}/weeks/current/entries/me", managers).then().statusCode(201);
        clock.advance(Duration.ofHours(1));
        as(ana.token()).body(entry("Late for W47", "Failed", null, null))
                .put("/api/v1/groups/{g}/weeks/2026-W47/entries/me", buyers).then().statusCode(201)
                .body("late", equalTo(true));

        List<String> expected = List.of("This week W48", "Late for W47", "On time W47");
        as(ana.token()).get("/api/v1/me/entries").then().statusCode(200)
                .body("items.tried", equalTo(expected))
                .body("items.week", equalTo(List.of("2026-W48", "2026-W47", "2026-W47")));
        List<String> paged = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var request = as(ana.token()).queryParam("limit", 1);
            var page = (cursor == null ? request : request.queryParam("cursor", cursor)).get("/api/v1/me/entries")
                    .then().statusCode(200).extract().jsonPath();
            paged.addAll(page.getList("items.tried"));
            cursor = page.getString("nextCursor");
        } while (cursor != null && paged.size() < 10);
        assertEquals(expected, paged);
    }

    @Test
    void shouldShowAnEntryDeletedWithRepliesAsRemovedAndForgetItsWords() {
        clock.set(Entries.TUESDAY_W48);
        TestMember ana = data.member("Ana");
        TestMember ben = data.member("Ben");
        UUID groupId = data.group("Managers " + TestData.suffix(), ana, ben);
        String id = as(ana.token()).body(Entries.packagingEntry())
                .put("/api/v1/groups/{g}/weeks/current/entries/me", groupId).then().statusCode(201).extract()
                .path("id");
        as(ben.token()).body(Map.of("body", "Pool the orders")).post("/api/v1/entries/{id}/replies", id).then()
                .statusCode(201);

        as(ana.token()).header("If-Match", "\"1\"").delete("/api/v1/entries/{id}", id).then().statusCode(204);

        as(ben.token()).get("/api/v1/entries/{id}", id).then().statusCode(200)
                .body("removed", equalTo(true)).body("tried", nullValue()).body("question", nullValue())
                .body("questionStatus", equalTo("NONE")).body("replyCount", equalTo(1));
        as(ben.token()).get("/api/v1/groups/{g}/weeks/current/entries", groupId).then().statusCode(200)
                .body("entries.removed", equalTo(List.of(true))).body("postedCount", equalTo(0))
                .body("notPosted.displayName", equalTo(List.of("Ana", "Ben")));
        as(ben.token()).get("/api/v1/entries/{id}/history", id).then().statusCode(200)
                .body("items.change", equalTo(List.of("CREATED", "DELETED")))
                .body("items[0].tried", nullValue());
        badRequestAs(ana.token()).header("If-Match", "\"2\"").body(Map.of("tried", "back"))
                .patch("/api/v1/entries/{id}", id).then().statusCode(404);
        as(ana.token()).get("/api/v1/me/entries").then().statusCode(200).body("items", hasSize(0));
    }
}
