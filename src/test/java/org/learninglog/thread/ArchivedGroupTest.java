package org.learninglog.thread;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.learninglog.Api.as;
import static org.learninglog.thread.Threads.question;
import static org.learninglog.thread.Threads.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learninglog.Race;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;
import org.learninglog.entry.Entries;
import org.learninglog.time.MutableClock;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** An archived group is read-only: its content can be read and followed, never written. */
@QuarkusTest
class ArchivedGroupTest {

    static final int ROUNDS = 10;

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    @Inject
    ThreadInvariants invariants;

    TestMember fay;
    TestMember asker;
    TestMember peer;

    @BeforeEach
    void setUp() {
        clock.set(Entries.TUESDAY_W48);
        fay = data.member("Facilitator");
        asker = data.member("Asker");
        peer = data.member("Peer");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldRefuseEveryContentWriteInAnArchivedGroup() {
        UUID groupId = data.group("Archived " + TestData.suffix(), fay, asker, peer);
        String entryId = question(asker, groupId);
        String replyId = reply(peer, entryId, "Pool the orders");
        String before = invariants.stateOf(UUID.fromString(entryId));
        archive(groupId, true);

        refused(as(asker.token()).body(Entries.packagingEntry())
                .put("/api/v1/groups/{g}/weeks/current/entries/me", groupId).then());
        refused(as(asker.token()).header("If-Match", "\"1\"").body(Map.of("tried", "Changed"))
                .patch("/api/v1/entries/{id}", entryId).then());
        refused(as(asker.token()).header("If-Match", "\"1\"").delete("/api/v1/entries/{id}", entryId).then());
        refused(as(peer.token()).body(Map.of("body", "Another")).post("/api/v1/entries/{id}/replies", entryId)
                .then());
        refused(as(peer.token()).header("If-Match", "\"1\"").body(Map.of("body", "Edited"))
                .patch("/api/v1/replies/{id}", replyId).then());
        refused(as(peer.token()).header("If-Match", "\"1\"").delete("/api/v1/replies/{id}", replyId).then());
        refused(as(asker.token()).body(Map.of("replyId", replyId)).put("/api/v1/entries/{id}/answer", entryId)
                .then());
        refused(as(asker.token()).delete("/api/v1/entries/{id}/answer", entryId).then());

        assertEquals(before, invariants.stateOf(UUID.fromString(entryId)), "nothing stored");
        // Reading stays, and so does choosing what one hears about (no content changes).
        as(peer.token()).get("/api/v1/entries/{id}/replies", entryId).then().statusCode(200).body("items", hasSize(1));
        as(peer.token()).get("/api/v1/groups/{g}/weeks/current/entries", groupId).then().statusCode(200);
        as(peer.token()).delete("/api/v1/entries/{id}/follow", entryId).then().statusCode(204);
        as(peer.token()).put("/api/v1/entries/{id}/follow", entryId).then().statusCode(204);
    }

    @Test
    void shouldTakeWritesAgainOnceTheGroupIsReopened() {
        UUID groupId = data.group("Reopened " + TestData.suffix(), fay, asker, peer);
        String entryId = question(asker, groupId);
        archive(groupId, true);
        archive(groupId, false);

        reply(peer, entryId, "Back in business");
        as(asker.token()).header("If-Match", "\"1\"").body(Map.of("tried", "Changed"))
                .patch("/api/v1/entries/{id}", entryId).then().statusCode(200).body("tried", equalTo("Changed"));
    }

    @Test
    void shouldStoreNothingOnceTheArchivingIsAnswered() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            UUID groupId = data.group("Archive race " + TestData.suffix(), fay, asker, peer);
            String entryId = question(asker, groupId);
            String replyId = reply(peer, entryId, "Pool the orders");
            List<Callable<Object>> calls = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String body = "Reply " + i;
                calls.add(() -> as(peer.token()).body(Map.of("body", body))
                        .post("/api/v1/entries/{id}/replies", entryId).statusCode());
            }
            calls.add(() -> as(peer.token()).header("If-Match", "*").body(Map.of("body", "Edited"))
                    .patch("/api/v1/replies/{id}", replyId).statusCode());
            calls.add(() -> as(asker.token()).header("If-Match", "*").body(Map.of("tried", "Changed"))
                    .patch("/api/v1/entries/{id}", entryId).statusCode());
            calls.add(() -> as(asker.token()).body(Map.of("replyId", replyId))
                    .put("/api/v1/entries/{id}/answer", entryId).statusCode());
            calls.add(() -> {
                archive(groupId, true);
                return invariants.stateOf(UUID.fromString(entryId));
            });

            List<Object> results = Race.all(calls);

            for (Object code : results.subList(0, results.size() - 1)) {
                assertTrue(Set.of(200, 201, 422).contains(code), "answered " + code + ", round " + round);
            }
            assertEquals(results.get(results.size() - 1), invariants.stateOf(UUID.fromString(entryId)),
                    "nothing stored after the archiving was answered, round " + round);
            assertEquals(List.of(), invariants.violations(groupId), "round " + round);
        }
    }

    private void archive(UUID groupId, boolean archived) {
        as(fay.token()).body(Map.of("archived", archived)).patch("/api/v1/groups/{g}", groupId).then()
                .statusCode(200).body("archived", equalTo(archived));
    }

    private static void refused(ValidatableResponse response) {
        response.statusCode(422).contentType("application/problem+json").body("detail", containsString("archived"));
    }
}
