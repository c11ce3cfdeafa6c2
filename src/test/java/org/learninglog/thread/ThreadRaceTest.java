package org.learninglog.thread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.learninglog.Api.as;
import static org.learninglog.thread.Threads.question;
import static org.learninglog.thread.Threads.reply;

import java.time.Duration;
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
import io.restassured.path.json.JsonPath;

/**
 * Edits, replies, deletions and answers racing on one thread, on real threads against PostgreSQL, round after round;
 * afterwards every answered change is stored and every denormalised column equals what it summarises.
 */
@QuarkusTest
class ThreadRaceTest {

    static final int ROUNDS = 12;

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    @Inject
    ThreadInvariants invariants;

    TestMember asker;
    List<TestMember> peers;

    @BeforeEach
    void setUp() {
        clock.set(Entries.TUESDAY_W48);
        asker = data.member("Asker");
        peers = List.of(data.member("Peer one"), data.member("Peer two"), data.member("Peer three"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldKeepAnEntryEditThatRacesWithDeletingItsReplies() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            UUID groupId = data.group("Edit race " + TestData.suffix(), asker, peers.toArray(TestMember[]::new));
            String entryId = question(asker, groupId);
            List<Callable<Integer>> calls = new ArrayList<>();
            String edited = "Edited in round " + round;
            calls.add(() -> as(asker.token()).header("If-Match", "\"1\"").body(Map.of("tried", edited))
                    .patch("/api/v1/entries/{id}", entryId).statusCode());
            for (TestMember peer : peers) {
                clock.advance(Duration.ofSeconds(1));
                String replyId = reply(peer, entryId, "Reply of " + peer.name());
                calls.add(() -> as(peer.token()).header("If-Match", "\"1\"").delete("/api/v1/replies/{id}", replyId)
                        .statusCode());
            }

            List<Integer> codes = Race.all(calls);

            assertEquals(List.of(200, 204, 204, 204), codes, "round " + round);
            JsonPath entry = as(asker.token()).get("/api/v1/entries/{id}", entryId).then().statusCode(200)
                    .extract().jsonPath();
            assertEquals(edited, entry.getString("tried"), "the answered edit is stored, round " + round);
            assertEquals(0, entry.getInt("replyCount"), "round " + round);
            assertEquals(List.of(), invariants.violations(groupId), "round " + round);
        }
    }

    @Test
    void shouldKeepTheCountersExactWhenPostsDeletionsAnswersAndEditsRace() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            UUID groupId = data.group("Counter race " + TestData.suffix(), asker, peers.toArray(TestMember[]::new));
            String entryId = question(asker, groupId);
            List<List<String>> replies = new ArrayList<>();
            for (TestMember peer : peers) {
                List<String> mine = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    clock.advance(Duration.ofSeconds(1));
                    mine.add(reply(peer, entryId, "Early reply " + i + " of " + peer.name()));
                }
                replies.add(mine);
            }
            clock.advance(Duration.ofSeconds(1));
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int p = 0; p < peers.size(); p++) {
                TestMember peer = peers.get(p);
                for (String replyId : replies.get(p).subList(0, 2)) {
                    calls.add(() -> as(peer.token()).header("If-Match", "\"1\"")
                            .delete("/api/v1/replies/{id}", replyId).statusCode());
                }
                for (int i = 0; i < 2; i++) {
                    String body = "Late reply " + i + " of " + peer.name();
                    calls.add(() -> as(peer.token()).body(Map.of("body", body))
                            .post("/api/v1/entries/{id}/replies", entryId).statusCode());
                }
            }
            // The first early reply is being deleted: accepting it may come too late.
            String doomed = replies.get(0).get(0);
            String kept = replies.get(1).get(2);
            calls.add(() -> as(asker.token()).body(Map.of("replyId", doomed))
                    .put("/api/v1/entries/{id}/answer", entryId).statusCode());
            calls.add(() -> as(asker.token()).body(Map.of("replyId", kept))
                    .put("/api/v1/entries/{id}/answer", entryId).statusCode());
            calls.add(() -> as(asker.token()).delete("/api/v1/entries/{id}/answer", entryId).statusCode());
            calls.add(() -> as(asker.token()).header("If-Match", "*").body(Map.of("failed", "Edited, one"))
                    .patch("/api/v1/entries/{id}", entryId).statusCode());
            calls.add(() -> as(asker.token()).header("If-Match", "*").body(Map.of("failed", "Edited, two"))
                    .patch("/api/v1/entries/{id}", entryId).statusCode());

            List<Integer> codes = Race.all(calls);

            for (int i = 0; i < calls.size(); i++) {
                int code = codes.get(i);
                // Accepting the doomed reply after its deletion is refused; nothing else may fail.
                Set<Integer> allowed = i == calls.size() - 5 ? Set.of(200, 422) : Set.of(200, 201, 204);
                assertTrue(allowed.contains(code), "call " + i + " answered " + code + ", round " + round);
            }
            JsonPath entry = as(asker.token()).get("/api/v1/entries/{id}", entryId).then().statusCode(200)
                    .extract().jsonPath();
            assertEquals(3 * 3 - 3 * 2 + 3 * 2, entry.getInt("replyCount"), "round " + round);
            assertTrue(Set.of("Edited, one", "Edited, two").contains(entry.getString("failed")), "round " + round);
            assertEquals(List.of(), invariants.violations(groupId), "round " + round);
        }
    }

    @Test
    void shouldTellTheReplierOnceHoweverOftenTheAnswerIsAcceptedAndReopened() throws Exception {
        UUID groupId = data.group("Accept cycles " + TestData.suffix(), asker, peers.toArray(TestMember[]::new));
        String entryId = question(asker, groupId);
        TestMember peer = peers.get(0);
        String first = reply(peer, entryId, "Pool the orders");
        String second = reply(peer, entryId, "Or ask for a longer contract");

        for (int cycle = 0; cycle < 200; cycle++) {
            String replyId = cycle % 2 == 0 ? first : second;
            as(asker.token()).body(Map.of("replyId", replyId)).put("/api/v1/entries/{id}/answer", entryId).then()
                    .statusCode(200);
            as(asker.token()).delete("/api/v1/entries/{id}/answer", entryId).then().statusCode(200);
        }
        List<Callable<Integer>> racing = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String replyId = i % 2 == 0 ? first : second;
            racing.add(() -> as(asker.token()).body(Map.of("replyId", replyId))
                    .put("/api/v1/entries/{id}/answer", entryId).statusCode());
            racing.add(() -> as(asker.token()).delete("/api/v1/entries/{id}/answer", entryId).statusCode());
        }
        assertTrue(Race.all(racing).stream().allMatch(code -> code == 200));

        assertEquals(2, invariants.acceptedNotices(peer.id(), UUID.fromString(entryId)),
                "one notice for each reply accepted, not one for each acceptance");
        assertEquals(List.of(), invariants.violations(groupId));
    }
}
