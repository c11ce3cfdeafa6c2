package org.learninglog.entry;

import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.learninglog.Api.anonymous;
import static org.learninglog.Api.as;
import static org.learninglog.entry.Entries.entry;
import static org.learninglog.entry.Entries.packagingEntry;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;
import org.learninglog.group.Membership;
import org.learninglog.time.MutableClock;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class WeekLogETagTest {

    private static final String LOG = "/api/v1/groups/{g}/weeks/{w}/entries";
    private static final String MINE = "/api/v1/groups/{g}/weeks/{w}/entries/me";

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    @BeforeEach
    void setUp() {
        clock.set(Entries.TUESDAY_W48);
    }

    @Test
    void shouldShowEachEntryExactlyAsItsOwnResourceDoes() {
        TestMember ana = data.member("Ana");
        TestMember ben = data.member("Ben");
        TestMember cleo = data.member("Cleo");
        UUID groupId = data.group("Managers " + TestData.suffix(), ana, ben, cleo);
        // Ana asked last week (late), and this week tells how the advice worked out.
        as(ana.token()).body(packagingEntry()).put(MINE, groupId, "2026-W47").then().statusCode(201);
        Map<String, Object> withOutcome = new HashMap<>(packagingEntry());
        withOutcome.put("outcome", "WORKED");
        withOutcome.put("outcomeNote", "Two stores \"did\" it — ünïcode\ttoo");
        as(ana.token()).body(withOutcome).put(MINE, groupId, "2026-W48").then().statusCode(201);
        // Ben's question gets replies and an accepted answer; Cleo posts nothing to ask and then removes it.
        UUID bens = UUID.fromString(as(ben.token()).body(packagingEntry()).put(MINE, groupId, "2026-W48").then()
                .statusCode(201).extract().path("id"));
        String replyId = as(ana.token()).body(Map.of("body", "Ask the supplier")).post("/api/v1/entries/{id}/replies",
                bens).then().statusCode(201).extract().path("id");
        as(ben.token()).body(Map.of("replyId", replyId)).put("/api/v1/entries/{id}/answer", bens).then()
                .statusCode(200);
        UUID cleos = UUID.fromString(as(cleo.token()).body(entry("Tried", "Failed", null, List.of()))
                .put(MINE, groupId, "2026-W48").then().statusCode(201).extract().path("id"));
        as(ana.token()).body(Map.of("body", "Keep it")).post("/api/v1/entries/{id}/replies", cleos).then()
                .statusCode(201);
        as(cleo.token()).header("If-Match", "*").delete("/api/v1/entries/{id}", cleos).then().statusCode(204);

        List<Map<String, Object>> shown = as(cleo.token()).get(LOG, groupId, "2026-W48").then().statusCode(200)
                .extract().jsonPath().getList("entries");

        assertEquals(3, shown.size());
        Set<String> seen = new HashSet<>();
        for (Map<String, Object> entry : shown) {
            Map<String, Object> own = as(cleo.token()).get("/api/v1/entries/{id}", entry.get("id")).then()
                    .statusCode(200).extract().jsonPath().getMap("");
            assertEquals(own, entry, "the log's entry " + entry.get("id") + " against its own resource");
            seen.add(entry.get("questionStatus") + "/" + entry.get("removed") + "/" + (entry.get("outcome") != null));
        }
        assertEquals(Set.of("OPEN/false/true", "ANSWERED/false/false", "NONE/true/false"), seen);
    }

    @Test
    void shouldAnswerNotModifiedWithoutABodyWhileTheLogIsUnchanged() {
        TestMember ana = data.member("Ana");
        TestMember ben = data.member("Ben");
        UUID groupId = data.group("Managers " + TestData.suffix(), ana, ben);
        as(ana.token()).body(packagingEntry()).put(MINE, groupId, "current").then().statusCode(201);
        String etag = etag(ben, groupId, "2026-W48");

        as(ben.token()).header("If-None-Match", etag).get(LOG, groupId, "2026-W48").then().statusCode(304)
                .header("ETag", etag).body(emptyString());
        // The same log by its other name, a list of tags, a weak tag and any tag.
        as(ana.token()).header("If-None-Match", etag).get(LOG, groupId, "current").then().statusCode(304);
        as(ben.token()).header("If-None-Match", "\"other\", W/" + etag).get(LOG, groupId, "2026-W48").then()
                .statusCode(304);
        as(ben.token()).header("If-None-Match", "*").get(LOG, groupId, "2026-W48").then().statusCode(304);
        // Another tag gets the whole log again, with the current tag.
        as(ben.token()).header("If-None-Match", "\"stale\"").get(LOG, groupId, "2026-W48").then().statusCode(200)
                .header("ETag", etag).body("postedCount", equalTo(1));
        // Another week is another log.
        assertNotEquals(etag, etag(ben, groupId, "2026-W47"));
    }

    @Test
    void shouldKeepTheLogFromOutsidersAndAnonymousCallersWhateverTheirIfNoneMatch() {
        TestMember ana = data.member("Ana");
        TestMember outsider = data.member("Olga");
        UUID groupId = data.group("Managers " + TestData.suffix(), ana);
        String etag = etag(ana, groupId, "2026-W48");

        as(outsider.token()).header("If-None-Match", etag).get(LOG, groupId, "2026-W48").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        as(outsider.token()).header("If-None-Match", "*").get(LOG, groupId, "2026-W48").then().statusCode(404);
        anonymous().header("If-None-Match", etag).get(LOG, groupId, "2026-W48").then().statusCode(401);
    }

    @Test
    void shouldChangeTheETagWithEveryChangeTheLogShows() {
        TestMember ana = data.member("Ana");
        TestMember ben = data.member("Ben");
        TestMember cleo = data.member("Cleo");
        TestMember dan = data.member("Dan");
        UUID groupId = data.group("Managers " + TestData.suffix(), ana, ben, cleo);
        Changes changes = new Changes(ana, groupId);
        changes.seen("the first read");

        UUID bens = UUID.fromString(as(ben.token()).body(packagingEntry()).put(MINE, groupId, "current").then()
                .statusCode(201).extract().path("id"));
        changes.seen("an entry posted");
        as(ben.token()).body(entry("Tried again", "Failed again", "Still?", List.of())).put(MINE, groupId, "current")
                .then().statusCode(200);
        changes.seen("an entry replaced");
        as(ben.token()).header("If-Match", "*").body(Map.of("tried", "Tried once more"))
                .patch("/api/v1/entries/{id}", bens).then().statusCode(200);
        changes.seen("an entry edited");
        String replyId = as(cleo.token()).body(Map.of("body", "Ask the supplier"))
                .post("/api/v1/entries/{id}/replies", bens).then().statusCode(201).extract().path("id");
        changes.seen("a reply posted");
        as(ben.token()).body(Map.of("replyId", replyId)).put("/api/v1/entries/{id}/answer", bens).then()
                .statusCode(200);
        changes.seen("an answer accepted");
        as(ben.token()).delete("/api/v1/entries/{id}/answer", bens).then().statusCode(200);
        changes.seen("an answer withdrawn");
        as(cleo.token()).header("If-Match", "*").delete("/api/v1/replies/{id}", replyId).then().statusCode(204);
        changes.seen("a reply deleted");
        as(cleo.token()).body(Map.of("awayUntil", "2026-12-07")).patch("/api/v1/me").then().statusCode(200);
        changes.seen("a member away");
        as(cleo.token()).body(Map.of("displayName", "Cleo B.")).patch("/api/v1/me").then().statusCode(200);
        changes.seen("a member renamed");
        data.join(groupId, dan, Membership.Role.MEMBER);
        changes.seen("a member joined");
        as(ana.token()).delete("/api/v1/groups/{g}/members/{m}", groupId, dan.id()).then().statusCode(204);
        changes.seen("a member left");
        as(ben.token()).header("If-Match", "*").delete("/api/v1/entries/{id}", bens).then().statusCode(204);
        changes.seen("an entry deleted");
    }

    /**
     * Reads the log after each change, sending the ETag of the read before: it must get a 200 with another ETag. (A
     * change undone gives the ETag of before again, as the log is again the same: a member who joined and left.)
     */
    private static final class Changes {
        private final TestMember reader;
        private final UUID groupId;
        private String last;

        Changes(TestMember reader, UUID groupId) {
            this.reader = reader;
            this.groupId = groupId;
        }

        void seen(String change) {
            var request = as(reader.token());
            if (last != null) {
                request.header("If-None-Match", last);
            }
            String etag = request.get(LOG, groupId, "2026-W48").then().statusCode(200).extract().header("ETag");
            assertNotEquals(last, etag, "the ETag after " + change);
            last = etag;
        }
    }

    private static String etag(TestMember member, UUID groupId, String week) {
        return as(member.token()).get(LOG, groupId, week).then().statusCode(200).header("ETag", startsWith("\""))
                .extract().header("ETag");
    }
}
