package org.learninglog.entry;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.learninglog.Api.as;
import static org.learninglog.Api.badRequestAs;
import static org.learninglog.entry.Entries.entry;
import static org.learninglog.entry.Entries.packagingEntry;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;
import org.learninglog.time.MutableClock;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class EntryResourceTest {

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    TestMember ana;
    TestMember ben;
    UUID groupId;

    @BeforeEach
    void setUp() {
        clock.set(Entries.TUESDAY_W48);
        ana = data.member("Ana", "Europe/Berlin");
        ben = data.member("Ben", "Europe/Berlin");
        groupId = data.group("Regional managers " + TestData.suffix(), ana, ben);
    }

    String put(TestMember who, String week, Map<String, Object> body, int status) {
        return as(who.token()).body(body).put("/api/v1/groups/{g}/weeks/{w}/entries/me", groupId, week)
                .then().statusCode(status).extract().path("id");
    }

    @Test
    void shouldCreateMyEntryForTheCurrentWeek() {
        as(ana.token()).body(packagingEntry()).put("/api/v1/groups/{g}/weeks/current/entries/me", groupId)
                .then().statusCode(201)
                .header("ETag", equalTo("\"1\""))
                .header("Location", containsString("/api/v1/entries/"))
                .body("week", equalTo("2026-W48"))
                .body("author.displayName", equalTo("Ana"))
                .body("late", equalTo(false))
                .body("questionStatus", equalTo("OPEN"))
                .body("replyCount", equalTo(0))
                .body("tags", equalTo(List.of("packaging", "supplier-costs")));
    }

    @Test
    void shouldReplaceMyEntryWhenPuttingAgain() {
        String id = put(ana, "2026-W48", packagingEntry(), 201);
        as(ana.token()).body(entry("  Tried a pooled order  ", "Suppliers said no", null, null))
                .put("/api/v1/groups/{g}/weeks/2026-W48/entries/me", groupId)
                .then().statusCode(200)
                .header("ETag", equalTo("\"2\""))
                .body("id", equalTo(id))
                .body("tried", equalTo("Tried a pooled order"))
                .body("questionStatus", equalTo("NONE"));
    }

    @Test
    void shouldAcceptTheLastWeekAsALatePost() {
        put(ana, "2026-W47", packagingEntry(), 201);
        as(ana.token()).get("/api/v1/groups/{g}/weeks/2026-W47/entries/me", groupId)
                .then().statusCode(200).body("late", equalTo(true)).body("week", equalTo("2026-W47"));
    }

    @Test
    void shouldRejectAnEntryForNextWeek() {
        badRequestAs(ana.token()).body(packagingEntry()).put("/api/v1/groups/{g}/weeks/2026-W49/entries/me", groupId)
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("2026-W49 has not started yet"))
                .body("detail", containsString("2026-W48 (current) and 2026-W47 (late)"));
    }

    @Test
    void shouldRejectAnEntryForAnOlderWeek() {
        badRequestAs(ana.token()).body(packagingEntry()).put("/api/v1/groups/{g}/weeks/2026-W46/entries/me", groupId)
                .then().statusCode(422).body("detail", containsString("2026-W46 is closed"));
    }

    @Test
    void shouldRejectABadWeek() {
        badRequestAs(ana.token()).body(packagingEntry()).put("/api/v1/groups/{g}/weeks/last-week/entries/me", groupId)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("week"));
        badRequestAs(ana.token()).body(packagingEntry()).put("/api/v1/groups/{g}/weeks/2026-W60/entries/me", groupId)
                .then().statusCode(400).body("errors.field", hasItem("week"))
                .body("errors.message[0]", containsString("2026-W60"));
    }

    @Test
    void shouldRejectBlankParts() {
        badRequestAs(ana.token()).body(entry("   ", "failed", null, null))
                .put("/api/v1/groups/{g}/weeks/current/entries/me", groupId)
                .then().statusCode(400).body("errors.field", equalTo(List.of("tried")))
                .body("errors.message[0]", equalTo("must not be blank"));
        badRequestAs(ana.token()).body(Map.of("tried", "tried"))
                .put("/api/v1/groups/{g}/weeks/current/entries/me", groupId)
                .then().statusCode(400).body("errors.field", equalTo(List.of("failed")));
    }

    @Test
    void shouldRejectTooLongParts() {
        badRequestAs(ana.token()).body(entry("x".repeat(4001), "failed", null, null))
                .put("/api/v1/groups/{g}/weeks/current/entries/me", groupId)
                .then().statusCode(400).body("errors.field", equalTo(List.of("tried")));
        badRequestAs(ana.token()).body(entry("tried", "failed", "?".repeat(4001), null))
                .put("/api/v1/groups/{g}/weeks/current/entries/me", groupId)
                .then().statusCode(400).body("errors.field", equalTo(List.of("question")));
    }

    @Test
    void shouldCountTheLengthOfPartsInCodePoints() {
        String emoji = "\uD83D\uDCE6";
        String threeThousand = emoji.repeat(3000);
        String id = as(ana.token()).body(entry(threeThousand, emoji.repeat(4000), "\u5B66".repeat(4000), null))
                .put("/api/v1/groups/{g}/weeks/current/entries/me", groupId)
                .then().statusCode(201).body("tried", equalTo(threeThousand)).extract().path("id");
        badRequestAs(ana.token()).body(entry("tried", emoji.repeat(4001), null, null))
                .put("/api/v1/groups/{g}/weeks/current/entries/me", groupId)
                .then().statusCode(400).body("errors.field", equalTo(List.of("failed")));
        as(ana.token()).header("If-Match", "\"1\"").body(Map.of("question", emoji.repeat(4000)))
                .patch("/api/v1/entries/{id}", id).then().statusCode(200);
        badRequestAs(ana.token()).header("If-Match", "\"2\"").body(Map.of("question", emoji.repeat(4001)))
                .patch("/api/v1/entries/{id}", id).then()
                .statusCode(400).body("errors.field", equalTo(List.of("question")));
    }

    @Test
    void shouldRejectTooManyOrMalformedTags() {
        badRequestAs(ana.token()).body(entry("tried", "failed", null, List.of("a", "b", "c", "d", "e", "f")))
                .put("/api/v1/groups/{g}/weeks/current/entries/me", groupId)
                .then().statusCode(400).body("errors.field", hasItem("tags"));
        badRequestAs(ana.token()).body(entry("tried", "failed", null, List.of("supplier costs!")))
                .put("/api/v1/groups/{g}/weeks/current/entries/me", groupId)
                .then().statusCode(400).body("errors.field", equalTo(List.of("tags")))
                .body("errors.message[0]", containsString("supplier costs!"));
    }

    @Test
    void shouldStoreNothingWhenTheEntryIsInvalid() {
        badRequestAs(ana.token()).body(entry("", "failed", null, null))
                .put("/api/v1/groups/{g}/weeks/current/entries/me", groupId).then().statusCode(400);
        badRequestAs(ana.token()).get("/api/v1/groups/{g}/weeks/current/entries/me", groupId).then().statusCode(404);
    }

    @Test
    void shouldNormaliseTagsToLowercaseWithoutRepeats() {
        as(ana.token()).body(entry("tried", "failed", null, List.of("Packaging", "packaging", "costs")))
                .put("/api/v1/groups/{g}/weeks/current/entries/me", groupId)
                .then().statusCode(201).body("tags", equalTo(List.of("packaging", "costs")));
    }

    @Test
    void shouldHideTheEntryFromOtherGroupsAndAdministrators() {
        String id = put(ana, "current", packagingEntry(), 201);
        TestMember outsider = data.member("Olga");
        data.group("Other group " + TestData.suffix(), outsider);
        TestMember admin = data.admin();
        for (TestMember stranger : List.of(outsider, admin)) {
            badRequestAs(stranger.token()).get("/api/v1/entries/{id}", id).then().statusCode(404)
                    .contentType("application/problem+json");
            badRequestAs(stranger.token()).get("/api/v1/entries/{id}/history", id).then().statusCode(404);
            badRequestAs(stranger.token()).get("/api/v1/groups/{g}/weeks/current/entries", groupId).then()
                    .statusCode(404);
            badRequestAs(stranger.token()).body(packagingEntry())
                    .put("/api/v1/groups/{g}/weeks/current/entries/me", groupId).then().statusCode(404);
            badRequestAs(stranger.token()).header("If-Match", "\"1\"").body(Map.of("tried", "mine now"))
                    .patch("/api/v1/entries/{id}", id).then().statusCode(404);
        }
        as(ben.token()).get("/api/v1/entries/{id}", id).then().statusCode(200).body("tried", notNullValue());
    }

    @Test
    void shouldLetOnlyTheAuthorEditOrDelete() {
        String id = put(ana, "current", packagingEntry(), 201);
        badRequestAs(ben.token()).header("If-Match", "\"1\"").body(Map.of("tried", "not mine"))
                .patch("/api/v1/entries/{id}", id).then().statusCode(403).contentType("application/problem+json");
        badRequestAs(ben.token()).header("If-Match", "\"1\"").delete("/api/v1/entries/{id}", id).then().statusCode(403);
    }

    @Test
    void shouldRequireAFreshETagToEdit() {
        String id = put(ana, "current", packagingEntry(), 201);
        badRequestAs(ana.token()).body(Map.of("tried", "edited")).patch("/api/v1/entries/{id}", id)
                .then().statusCode(428).contentType("application/problem+json");
        as(ana.token()).header("If-Match", "\"1\"").body(Map.of("tried", "edited once"))
                .patch("/api/v1/entries/{id}", id).then().statusCode(200)
                .header("ETag", equalTo("\"2\"")).body("tried", equalTo("edited once"));
        badRequestAs(ana.token()).header("If-Match", "\"1\"").body(Map.of("tried", "edited from a stale copy"))
                .patch("/api/v1/entries/{id}", id).then().statusCode(412).contentType("application/problem+json");
        badRequestAs(ana.token()).delete("/api/v1/entries/{id}", id).then().statusCode(428);
        badRequestAs(ana.token()).header("If-Match", "\"1\"").delete("/api/v1/entries/{id}", id).then().statusCode(412);
        as(ana.token()).get("/api/v1/entries/{id}", id).then().statusCode(200).body("tried", equalTo("edited once"));
    }

    @Test
    void shouldKeepEveryChangeInTheHistory() {
        String id = put(ana, "current", packagingEntry(), 201);
        put(ana, "current", entry("Tried pooling orders", "Suppliers refused", "Any other ideas?", null), 200);
        as(ana.token()).header("If-Match", "\"2\"").body(Map.of("clearQuestion", true))
                .patch("/api/v1/entries/{id}", id).then().statusCode(200).body("questionStatus", equalTo("NONE"));
        as(ben.token()).get("/api/v1/entries/{id}/history", id).then().statusCode(200)
                .body("items.version", equalTo(List.of(1, 2, 3)))
                .body("items.change", equalTo(List.of("CREATED", "REPLACED", "EDITED")))
                .body("items[0].tried", equalTo("Switched to a new packaging supplier to meet the standards"))
                .body("items[1].question", equalTo("Any other ideas?"))
                .body("items[2].question", equalTo(null));
        String next = as(ben.token()).queryParam("limit", 2).get("/api/v1/entries/{id}/history", id)
                .then().statusCode(200).body("items", hasSize(2)).extract().path("nextCursor");
        as(ben.token()).queryParam("limit", 2).queryParam("cursor", next).get("/api/v1/entries/{id}/history", id)
                .then().statusCode(200).body("items.version", equalTo(List.of(3)));
    }

    @Test
    void shouldDeleteAnEntryWithoutReplies() {
        String id = put(ana, "current", packagingEntry(), 201);
        as(ana.token()).header("If-Match", "\"1\"").delete("/api/v1/entries/{id}", id).then().statusCode(204);
        badRequestAs(ben.token()).get("/api/v1/entries/{id}", id).then().statusCode(404);
        as(ben.token()).get("/api/v1/groups/{g}/weeks/current/entries", groupId).then().statusCode(200)
                .body("entries", hasSize(0)).body("postedCount", equalTo(0));
        put(ana, "current", packagingEntry(), 201);
    }

    @Test
    void shouldRefuseToPostInAnArchivedGroup() {
        as(ana.token()).body(Map.of("archived", true)).patch("/api/v1/groups/{g}", groupId).then().statusCode(200);
        badRequestAs(ana.token()).body(packagingEntry()).put("/api/v1/groups/{g}/weeks/current/entries/me", groupId)
                .then().statusCode(422).body("detail", containsString("archived"));
    }

    @Test
    void shouldAnswerNotFoundForMyMissingEntry() {
        badRequestAs(ana.token()).get("/api/v1/groups/{g}/weeks/current/entries/me", groupId)
                .then().statusCode(404).body("detail", containsString("2026-W48"));
    }
}
