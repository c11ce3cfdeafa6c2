package org.learninglog.thread;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.learninglog.Api.as;
import static org.learninglog.Api.badRequestAs;
import static org.learninglog.thread.Threads.question;
import static org.learninglog.thread.Threads.reply;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;
import org.learninglog.entry.Entries;
import org.learninglog.time.MutableClock;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ThreadTest {

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    TestMember asker;
    TestMember peer;
    TestMember other;
    UUID groupId;
    String entryId;

    @BeforeEach
    void setUp() {
        clock.set(Entries.TUESDAY_W48);
        asker = data.member("Regional manager");
        peer = data.member("Peer one");
        other = data.member("Peer two");
        groupId = data.group("Managers " + TestData.suffix(), asker, peer, other);
        entryId = question(asker, groupId);
    }

    @Test
    void shouldListRepliesOldestFirstAndCountThem() {
        reply(peer, entryId, "We pooled orders with two other regions");
        clock.advance(Duration.ofMinutes(3));
        reply(other, entryId, "  Ask the supplier for a two-year contract  ");
        as(asker.token()).get("/api/v1/entries/{id}/replies", entryId).then().statusCode(200)
                .body("items.body",
                        equalTo(List.of("We pooled orders with two other regions",
                                "Ask the supplier for a two-year contract")))
                .body("items.author.displayName", equalTo(List.of("Peer one", "Peer two")))
                .body("items.accepted", equalTo(List.of(false, false)));
        as(asker.token()).get("/api/v1/entries/{id}", entryId).then().statusCode(200)
                .body("replyCount", equalTo(2)).body("firstReplyAt", equalTo("2026-11-24T10:00:00Z"));
        String next = as(asker.token()).queryParam("limit", 1).get("/api/v1/entries/{id}/replies", entryId).then()
                .statusCode(200).body("items", hasSize(1)).extract().path("nextCursor");
        as(asker.token()).queryParam("limit", 1).queryParam("cursor", next).get("/api/v1/entries/{id}/replies", entryId)
                .then().statusCode(200).body("items.author.displayName", equalTo(List.of("Peer two")));
    }

    @Test
    void shouldCreateOneReplyForARepeatedIdempotencyKey() {
        String first = as(peer.token()).header("Idempotency-Key", "reply-1").body(Map.of("body", "Pool the orders"))
                .post("/api/v1/entries/{id}/replies", entryId).then().statusCode(201).extract().path("id");
        as(peer.token()).header("Idempotency-Key", "reply-1").body(Map.of("body", "Pool the orders"))
                .post("/api/v1/entries/{id}/replies", entryId).then().statusCode(201).body("id", equalTo(first))
                .body("body", equalTo("Pool the orders"));
        badRequestAs(peer.token()).header("Idempotency-Key", "reply-1").body(Map.of("body", "Something else"))
                .post("/api/v1/entries/{id}/replies", entryId).then().statusCode(422)
                .contentType("application/problem+json");
        as(asker.token()).get("/api/v1/entries/{id}/replies", entryId).then().statusCode(200).body("items", hasSize(1));
        // Keys belong to their member: the same key from someone else is a new request.
        as(other.token()).header("Idempotency-Key", "reply-1").body(Map.of("body", "Pool the orders"))
                .post("/api/v1/entries/{id}/replies", entryId).then().statusCode(201);
        as(asker.token()).get("/api/v1/entries/{id}", entryId).then().body("replyCount", equalTo(2));
    }

    @Test
    void shouldReplayTheFirstResponseAsItWasAfterTheReplyWasEdited() {
        var first = as(peer.token()).header("Idempotency-Key", "edited").body(Map.of("body", "Pool the orders"))
                .post("/api/v1/entries/{id}/replies", entryId).then().statusCode(201).extract();
        String replyId = first.path("id");
        as(peer.token()).header("If-Match", "\"1\"").body(Map.of("body", "Pool the orders with two regions"))
                .patch("/api/v1/replies/{id}", replyId).then().statusCode(200);

        var replay = as(peer.token()).header("Idempotency-Key", "edited").body(Map.of("body", "Pool the orders"))
                .post("/api/v1/entries/{id}/replies", entryId).then().statusCode(201).extract();

        assertEquals(first.asString(), replay.asString());
        assertEquals(first.header("Location"), replay.header("Location"));
        assertEquals("\"1\"", replay.header("ETag"));
        assertEquals("Pool the orders", replay.path("body"));
        as(asker.token()).get("/api/v1/entries/{id}", entryId).then().body("replyCount", equalTo(1));
    }

    @Test
    void shouldReplayTheFirstResponseAfterTheReplyWasDeleted() {
        var first = as(peer.token()).header("Idempotency-Key", "deleted").body(Map.of("body", "Pool the orders"))
                .post("/api/v1/entries/{id}/replies", entryId).then().statusCode(201).extract();
        as(peer.token()).header("If-Match", "\"1\"").delete("/api/v1/replies/{id}", (String) first.path("id"))
                .then().statusCode(204);

        var replay = as(peer.token()).header("Idempotency-Key", "deleted").body(Map.of("body", "Pool the orders"))
                .post("/api/v1/entries/{id}/replies", entryId).then().statusCode(201).extract();

        assertEquals(first.asString(), replay.asString());
        as(asker.token()).get("/api/v1/entries/{id}", entryId).then().body("replyCount", equalTo(0));
    }

    @Test
    void shouldNameTheIdempotencyKeyHeaderWhenItIsTooLong() {
        badRequestAs(peer.token()).header("Idempotency-Key", "k".repeat(129)).body(Map.of("body", "Pool the orders"))
                .post("/api/v1/entries/{id}/replies", entryId).then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("Idempotency-Key")));
        badRequestAs(peer.token()).header("Idempotency-Key", "").body(Map.of("body", "Pool the orders"))
                .post("/api/v1/entries/{id}/replies", entryId).then()
                .statusCode(400).body("errors.field", equalTo(List.of("Idempotency-Key")));
        as(peer.token()).header("Idempotency-Key", "k".repeat(128)).body(Map.of("body", "Pool the orders"))
                .post("/api/v1/entries/{id}/replies", entryId).then().statusCode(201);
        as(asker.token()).get("/api/v1/entries/{id}", entryId).then().body("replyCount", equalTo(1));
    }

    @Test
    void shouldReadTimestampsBackAsTheCreatingResponseGaveThem() {
        clock.set(Instant.parse("2026-11-24T10:00:00.123456789Z"));
        var created = as(peer.token()).body(Map.of("body", "Pool the orders"))
                .post("/api/v1/entries/{id}/replies", entryId).then().statusCode(201).extract();

        assertEquals("2026-11-24T10:00:00.123456Z", created.path("createdAt"));
        as(asker.token()).get("/api/v1/entries/{id}/replies", entryId).then()
                .body("items[0].createdAt", equalTo(created.path("createdAt")));
        as(asker.token()).get("/api/v1/entries/{id}", entryId).then()
                .body("firstReplyAt", equalTo(created.path("createdAt")));
    }

    @Test
    void shouldAcceptAReplyOfTheMaximumLengthInCodePoints() {
        String seedlings = "\uD83C\uDF31".repeat(4000);
        as(peer.token()).body(Map.of("body", seedlings)).post("/api/v1/entries/{id}/replies", entryId).then()
                .statusCode(201).body("body", equalTo(seedlings));
        badRequestAs(peer.token()).body(Map.of("body", seedlings + "\uD83C\uDF31"))
                .post("/api/v1/entries/{id}/replies", entryId).then()
                .statusCode(400).body("errors.field", equalTo(List.of("body")));
    }

    @Test
    void shouldRejectABlankOrTooLongReply() {
        badRequestAs(peer.token()).body(Map.of("body", "   ")).post("/api/v1/entries/{id}/replies", entryId)
                .then().statusCode(400).body("errors[0].field", equalTo("body"));
        badRequestAs(peer.token()).body(Map.of("body", "x".repeat(4001))).post("/api/v1/entries/{id}/replies", entryId)
                .then().statusCode(400).body("errors[0].field", equalTo("body"));
        as(asker.token()).get("/api/v1/entries/{id}", entryId).then().body("replyCount", equalTo(0));
    }

    @Test
    void shouldHideTheThreadFromOtherGroups() {
        String replyId = reply(peer, entryId, "Pool the orders");
        TestMember outsider = data.member("Outsider");
        data.group("Elsewhere " + TestData.suffix(), outsider);
        TestMember admin = data.admin();
        for (TestMember stranger : List.of(outsider, admin)) {
            badRequestAs(stranger.token()).get("/api/v1/entries/{id}/replies", entryId).then().statusCode(404);
            badRequestAs(stranger.token()).body(Map.of("body", "hello")).post("/api/v1/entries/{id}/replies", entryId)
                    .then().statusCode(404);
            badRequestAs(stranger.token()).header("If-Match", "\"1\"").body(Map.of("body", "x"))
                    .patch("/api/v1/replies/{id}", replyId).then().statusCode(404);
            badRequestAs(stranger.token()).put("/api/v1/entries/{id}/follow", entryId).then().statusCode(404);
            badRequestAs(stranger.token()).body(Map.of("replyId", replyId)).put("/api/v1/entries/{id}/answer", entryId)
                    .then().statusCode(404);
        }
    }

    @Test
    void shouldReadAReplyWhereItsLocationPointsAndEditItByTheVersionInAList() {
        String location = as(peer.token()).body(Map.of("body", "Pool the orders"))
                .post("/api/v1/entries/{id}/replies", entryId).then().statusCode(201).body("version", equalTo(1))
                .extract().header("Location");
        as(other.token()).get(location).then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("version", equalTo(1)).body("body", equalTo("Pool the orders"));
        int version = as(peer.token()).get("/api/v1/entries/{id}/replies", entryId).then().statusCode(200).extract()
                .path("items[0].version");
        as(peer.token()).header("If-Match", "\"" + version + "\"").body(Map.of("body", "Pool the orders, twice"))
                .patch(location).then().statusCode(200).header("ETag", equalTo("\"2\"")).body("version", equalTo(2));
        as(peer.token()).header("If-Match", "*").body(Map.of("body", "Pool them whatever changed"))
                .patch(location).then().statusCode(200).body("version", equalTo(3));
        // If-Match is optional in the contract, so a client sends the request and sees the 428 itself.
        as(peer.token()).body(Map.of("body", "no precondition")).patch(location).then().statusCode(428);
        as(asker.token()).get(location).then().statusCode(200).body("version", equalTo(3));
    }

    @Test
    void shouldAnswerAnOutsiderAsForNoSuchReply() {
        String replyId = reply(peer, entryId, "Pool the orders");
        TestMember stranger = data.member("Stranger");
        String outsider = as(stranger.token()).get("/api/v1/replies/{id}", replyId).then().statusCode(404)
                .extract().path("detail");
        String none = as(peer.token()).get("/api/v1/replies/{id}", UUID.randomUUID()).then().statusCode(404)
                .extract().path("detail");
        assertEquals(none, outsider);
    }

    @Test
    void shouldEditAnEntryByTheVersionInTheWeekLog() {
        int version = as(asker.token()).get("/api/v1/groups/{g}/weeks/current/entries", groupId).then()
                .statusCode(200).extract().path("entries[0].version");
        as(asker.token()).header("If-Match", "\"" + version + "\"").body(Map.of("tried", "Recycled cardboard"))
                .patch("/api/v1/entries/{id}", entryId).then().statusCode(200)
                .header("ETag", equalTo("\"" + (version + 1) + "\"")).body("version", equalTo(version + 1));
    }

    @Test
    void shouldLetOnlyTheReplyAuthorEditWithAFreshETag() {
        String replyId = reply(peer, entryId, "Pool the orders");
        badRequestAs(other.token()).header("If-Match", "\"1\"").body(Map.of("body", "mine"))
                .patch("/api/v1/replies/{id}", replyId).then().statusCode(403);
        badRequestAs(peer.token()).body(Map.of("body", "no precondition")).patch("/api/v1/replies/{id}", replyId)
                .then().statusCode(428);
        as(peer.token()).header("If-Match", "\"1\"").body(Map.of("body", "Pool the orders with two regions"))
                .patch("/api/v1/replies/{id}", replyId).then().statusCode(200).header("ETag", equalTo("\"2\""))
                .body("editedAt", notNullValue());
        badRequestAs(peer.token()).header("If-Match", "\"1\"").body(Map.of("body", "stale"))
                .patch("/api/v1/replies/{id}", replyId).then().statusCode(412);
        badRequestAs(other.token()).header("If-Match", "\"2\"").delete("/api/v1/replies/{id}", replyId).then()
                .statusCode(403);
        as(peer.token()).header("If-Match", "\"2\"").delete("/api/v1/replies/{id}", replyId).then().statusCode(204);
        as(asker.token()).get("/api/v1/entries/{id}", entryId).then().body("replyCount", equalTo(0))
                .body("firstReplyAt", nullValue());
    }

    @Test
    void shouldAcceptAnAnswerAndReopen() {
        String replyId = reply(peer, entryId, "Pool the orders");
        as(asker.token()).body(Map.of("replyId", replyId)).put("/api/v1/entries/{id}/answer", entryId).then()
                .statusCode(200).body("questionStatus", equalTo("ANSWERED")).body("acceptedReplyId", equalTo(replyId));
        as(other.token()).get("/api/v1/entries/{id}/replies", entryId).then().body("items[0].accepted", equalTo(true));
        as(asker.token()).delete("/api/v1/entries/{id}/answer", entryId).then().statusCode(200)
                .body("questionStatus", equalTo("OPEN")).body("acceptedReplyId", nullValue());
    }

    @Test
    void shouldReopenTheQuestionWhenTheAcceptedReplyIsDeleted() {
        String replyId = reply(peer, entryId, "Pool the orders");
        as(asker.token()).body(Map.of("replyId", replyId)).put("/api/v1/entries/{id}/answer", entryId).then()
                .statusCode(200);
        as(peer.token()).header("If-Match", "\"1\"").delete("/api/v1/replies/{id}", replyId).then().statusCode(204);
        as(asker.token()).get("/api/v1/entries/{id}", entryId).then().body("questionStatus", equalTo("OPEN"));
    }

    @Test
    void shouldRefuseAnAnswerFromAnotherThreadOrByAnotherMember() {
        String otherEntry = question(peer, groupId);
        String foreignReply = reply(other, otherEntry, "Answer elsewhere");
        String replyId = reply(peer, entryId, "Pool the orders");
        badRequestAs(asker.token()).body(Map.of("replyId", foreignReply)).put("/api/v1/entries/{id}/answer", entryId)
                .then().statusCode(422).contentType("application/problem+json");
        badRequestAs(peer.token()).body(Map.of("replyId", replyId)).put("/api/v1/entries/{id}/answer", entryId)
                .then().statusCode(403).contentType("application/problem+json");
        badRequestAs(asker.token()).body(Map.of("replyId", UUID.randomUUID().toString()))
                .put("/api/v1/entries/{id}/answer", entryId).then().statusCode(422);
        as(asker.token()).get("/api/v1/entries/{id}", entryId).then().body("questionStatus", equalTo("OPEN"));
    }

    @Test
    void shouldRefuseAnAnswerWhenThereIsNoQuestion() {
        TestMember quiet = data.member("Quiet");
        UUID quietGroup = data.group("Quiet " + TestData.suffix(), quiet, peer);
        String noQuestion = as(quiet.token()).body(Map.of("tried", "Tried", "failed", "Failed"))
                .put("/api/v1/groups/{g}/weeks/current/entries/me", quietGroup).then().statusCode(201).extract()
                .path("id");
        String replyId = reply(peer, noQuestion, "Nice");
        badRequestAs(quiet.token()).body(Map.of("replyId", replyId)).put("/api/v1/entries/{id}/answer", noQuestion)
                .then().statusCode(422);
    }

    @Test
    void shouldKeepRepliesOrderedWhenManyArriveAtOnce() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int n = i;
            results.add(pool.submit(() -> {
                start.await();
                return as(peer.token()).body(Map.of("body", "Reply " + n)).post("/api/v1/entries/{id}/replies", entryId)
                        .statusCode();
            }));
        }
        start.countDown();
        for (var result : results) {
            assertEquals(201, result.get(60, java.util.concurrent.TimeUnit.SECONDS));
        }
        pool.shutdown();
        as(asker.token()).get("/api/v1/entries/{id}", entryId).then().body("replyCount", equalTo(8));
    }
}
