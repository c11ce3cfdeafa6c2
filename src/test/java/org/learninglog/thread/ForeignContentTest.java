package org.learninglog.thread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.learninglog.Api.badRequestAs;
import static org.learninglog.thread.Threads.question;
import static org.learninglog.thread.Threads.reply;

import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;
import org.learninglog.entry.Entries;
import org.learninglog.time.MutableClock;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Content of a group the caller is not in answers exactly like content that does not exist: same status, same
 * body, word for word, so its id tells an outsider nothing (DESIGN: 404, not 403, and no existence oracle).
 */
@QuarkusTest
class ForeignContentTest {

    private static final String IF_MATCH = "If-Match";

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    TestMember author;
    TestMember outsider;
    TestMember admin;
    UUID groupId;
    String entryId;
    String replyId;

    @BeforeEach
    void setUp() {
        clock.set(Entries.TUESDAY_W48);
        author = data.member("Author");
        TestMember peer = data.member("Peer");
        outsider = data.member("Outsider");
        admin = data.admin();
        groupId = data.group("Inner circle " + TestData.suffix(), author, peer);
        data.group("Elsewhere " + TestData.suffix(), outsider);
        entryId = question(author, groupId);
        replyId = reply(author, entryId, "My own first reply");
    }

    @Test
    void shouldAnswerForAnotherGroupsEntryAsForAMissingOne() {
        for (TestMember caller : new TestMember[] { outsider, admin }) {
            sameAsMissing(caller, entryId, (r, id) -> r.get("/api/v1/entries/{id}", id));
            sameAsMissing(caller, entryId, (r, id) -> r.header(IF_MATCH, "\"1\"").body(Map.of("tried", "Mine now"))
                    .patch("/api/v1/entries/{id}", id));
            sameAsMissing(caller, entryId, (r, id) -> r.header(IF_MATCH, "\"1\"").delete("/api/v1/entries/{id}", id));
            sameAsMissing(caller, entryId, (r, id) -> r.get("/api/v1/entries/{id}/history", id));
        }
    }

    @Test
    void shouldAnswerForAnotherGroupsThreadAsForAMissingOne() {
        for (TestMember caller : new TestMember[] { outsider, admin }) {
            sameAsMissing(caller, entryId, (r, id) -> r.get("/api/v1/entries/{id}/replies", id));
            sameAsMissing(caller, entryId, (r, id) -> r.body(Map.of("body", "Hello"))
                    .post("/api/v1/entries/{id}/replies", id));
            sameAsMissing(caller, entryId, (r, id) -> r.header("Idempotency-Key", "k-" + id)
                    .body(Map.of("body", "Hello")).post("/api/v1/entries/{id}/replies", id));
            sameAsMissing(caller, entryId, (r, id) -> r.body(Map.of("replyId", replyId))
                    .put("/api/v1/entries/{id}/answer", id));
            sameAsMissing(caller, entryId, (r, id) -> r.delete("/api/v1/entries/{id}/answer", id));
            sameAsMissing(caller, entryId, (r, id) -> r.put("/api/v1/entries/{id}/follow", id));
            sameAsMissing(caller, entryId, (r, id) -> r.delete("/api/v1/entries/{id}/follow", id));
        }
    }

    @Test
    void shouldAnswerForAnotherGroupsReplyAsForAMissingOne() {
        for (TestMember caller : new TestMember[] { outsider, admin }) {
            sameAsMissing(caller, replyId, (r, id) -> r.header(IF_MATCH, "\"1\"").body(Map.of("body", "Edited"))
                    .patch("/api/v1/replies/{id}", id));
            sameAsMissing(caller, replyId, (r, id) -> r.header(IF_MATCH, "\"1\"").delete("/api/v1/replies/{id}", id));
        }
    }

    @Test
    void shouldAnswerForAnotherGroupsLogAndMembersAsForAMissingGroup() {
        String group = groupId.toString();
        sameAsMissing(outsider, group, (r, id) -> r.get("/api/v1/groups/{g}/weeks/current/entries", id));
        sameAsMissing(outsider, group, (r, id) -> r.get("/api/v1/groups/{g}/weeks/2026-W48/entries", id));
        sameAsMissing(outsider, group, (r, id) -> r.get("/api/v1/groups/{g}/weeks/current/entries/me", id));
        sameAsMissing(outsider, group, (r, id) -> r.body(Entries.packagingEntry())
                .put("/api/v1/groups/{g}/weeks/current/entries/me", id));
        sameAsMissing(outsider, group, (r, id) -> r.get("/api/v1/groups/{g}/members", id));
        sameAsMissing(outsider, group, (r, id) -> r.get("/api/v1/groups/{g}", id));
        sameAsMissing(outsider, group, (r, id) -> r.body(Map.of("role", "FACILITATOR"))
                .patch("/api/v1/groups/{g}/members/{m}", id, author.id()));
        sameAsMissing(outsider, group, (r, id) -> r.delete("/api/v1/groups/{g}/members/{m}", id, author.id()));
        sameAsMissing(outsider, group, (r, id) -> r.queryParam("groupId", id).get("/api/v1/questions"));
        // Administrators see a group, but its content only as its members do.
        sameAsMissing(admin, group, (r, id) -> r.get("/api/v1/groups/{g}/weeks/current/entries", id));
        sameAsMissing(admin, group, (r, id) -> r.queryParam("groupId", id).get("/api/v1/questions"));
    }

    @Test
    void shouldAnswerForAMemberSharingNoGroupAsForAMissingOne() {
        sameAsMissing(outsider, author.id().toString(), (r, id) -> r.get("/api/v1/members/{id}", id));
    }

    /** The answers to the request for the foreign id and for an id nobody has are the same, and a 404. */
    private static void sameAsMissing(TestMember caller, String foreignId,
            BiFunction<RequestSpecification, String, Response> request) {
        Response foreign = request.apply(badRequestAs(caller.token()), foreignId);
        Response missing = request.apply(badRequestAs(caller.token()), UUID.randomUUID().toString());
        assertEquals(404, foreign.statusCode(), foreign.asString());
        assertEquals(missing.statusCode(), foreign.statusCode());
        assertEquals(missing.contentType(), foreign.contentType());
        assertEquals(missing.asString(), foreign.asString());
    }
}
