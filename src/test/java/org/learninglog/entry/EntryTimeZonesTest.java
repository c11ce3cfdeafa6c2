package org.learninglog.entry;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.learninglog.Api.as;
import static org.learninglog.entry.Entries.packagingEntry;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;
import org.learninglog.time.MutableClock;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class EntryTimeZonesTest {

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    @Test
    void shouldGiveEachMemberTheirOwnCurrentWeekNearAWeekBoundary() {
        TestMember auckland = data.member("Aroha", "Pacific/Auckland");
        TestMember losAngeles = data.member("Luis", "America/Los_Angeles");
        UUID groupId = data.group("Pacific rim " + TestData.suffix(), auckland, losAngeles);
        // Sunday 20:00 UTC: already Monday 09:00 of the next week in Auckland (UTC+13), Sunday noon in Los Angeles.
        clock.set(Instant.parse("2026-11-22T20:00:00Z"));

        as(auckland.token()).body(packagingEntry()).put("/api/v1/groups/{g}/weeks/current/entries/me", groupId)
                .then().statusCode(201).body("week", equalTo("2026-W48")).body("late", equalTo(false));
        as(losAngeles.token()).body(packagingEntry()).put("/api/v1/groups/{g}/weeks/current/entries/me", groupId)
                .then().statusCode(201).body("week", equalTo("2026-W47")).body("late", equalTo(false));
        // The week before Auckland's current one is still open to Aroha, as a late post.
        as(auckland.token()).body(packagingEntry()).put("/api/v1/groups/{g}/weeks/2026-W47/entries/me", groupId)
                .then().statusCode(201).body("late", equalTo(true));
    }

    @Test
    void shouldKeepAnEntryInItsWeekAcrossADaylightSavingChange() {
        TestMember berlin = data.member("Bettina", "Europe/Berlin");
        UUID groupId = data.group("Berlin " + TestData.suffix(), berlin);
        // Sunday 25 October 2026, 23:30 in Berlin: clocks went back from CEST to CET that night.
        clock.set(Instant.parse("2026-10-25T22:30:00Z"));
        String id = as(berlin.token()).body(packagingEntry())
                .put("/api/v1/groups/{g}/weeks/current/entries/me", groupId)
                .then().statusCode(201).body("week", equalTo("2026-W43")).extract().path("id");

        clock.advance(Duration.ofHours(1));
        as(berlin.token()).get("/api/v1/groups/{g}/weeks/current/entries", groupId).then().statusCode(200)
                .body("week", equalTo("2026-W44")).body("entries", hasSize(0));
        as(berlin.token()).get("/api/v1/groups/{g}/weeks/2026-W43/entries", groupId).then().statusCode(200)
                .body("entries.id", equalTo(java.util.List.of(id)));
        as(berlin.token()).get("/api/v1/entries/{id}", id).then().statusCode(200).body("week", equalTo("2026-W43"));
    }
}
