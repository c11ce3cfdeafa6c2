package org.learninglog.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.learninglog.insights.InsightFixtures.post;
import static org.learninglog.insights.InsightFixtures.reply;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.learninglog.Api;
import org.learninglog.ClockAndMailTest;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;
import org.learninglog.group.Membership;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Who counts for a week is the group's current roster (decision 136 counts it per week of joining): the cases the
 * statement's rewrite decides that {@link InsightsTest}'s group does not have.
 */
@QuarkusTest
class InsightsRosterTest extends ClockAndMailTest {

    private static final List<String> PEOPLE = List.of("members", "posted", "late", "away", "questions",
            "questionsReplied", "repliers");

    /**
     * 2026-W10: Ana, Ben (asking) and Ivy post; Ivy replies to Ben. Joe joins at Monday 00:00 UTC of W11, the
     * moment W10 ended, and posts late for W10. Then Ben leaves the group and Ivy's account is deactivated.
     */
    @Test
    void shouldCountTheCurrentRosterAndWhoJoinedAsW10EndedButPostedForIt() {
        clock.set(Instant.parse("2026-02-23T10:00:00Z"));
        TestMember fay = data.member("Fay Facilitator");
        TestMember ana = data.member("Ana Stays");
        TestMember ben = data.member("Ben Leaves");
        TestMember ivy = data.member("Ivy Deactivated");
        TestMember joe = data.member("Joe Joins At Midnight");
        TestMember admin = data.admin();
        UUID group = data.group("Roster " + TestData.suffix(), fay, ana, ben, ivy);

        clock.set(Instant.parse("2026-03-03T10:00:00Z"));
        post(ana.token(), group, "2026-W10", null);
        String question = post(ben.token(), group, "2026-W10", "Who recycles pallet wrap?");
        post(ivy.token(), group, "2026-W10", null);
        clock.set(Instant.parse("2026-03-03T11:00:00Z"));
        reply(ivy.token(), question, "Our depot takes it.");
        clock.set(Instant.parse("2026-03-09T00:00:00Z"));
        data.join(group, joe, Membership.Role.MEMBER);
        clock.set(Instant.parse("2026-03-09T08:00:00Z"));
        post(joe.token(), group, "2026-W10", null);
        Api.as(admin.token()).delete("/api/v1/groups/{g}/members/{m}", group, ben.id()).then().statusCode(204);
        Api.as(admin.token()).body(Map.of("active", false)).patch("/api/v1/members/{id}", ivy.id()).then()
                .statusCode(200);

        clock.set(Instant.parse("2026-03-20T10:00:00Z"));
        JsonPath insights = Api.as(ana.token()).queryParam("from", "2026-W10").queryParam("to", "2026-W11")
                .get("/api/v1/groups/{g}/insights", group).then().statusCode(200).extract().jsonPath();

        // W10: Fay and Ana had joined; Joe counts by his post; Ben and Ivy no longer do, but Ben's question and
        // Ivy's reply still count.
        assertEquals(List.of(3, 2, 1, 0, 1, 1, 1), figures(insights, "weeks[0]"));
        // W11: Fay, Ana and Joe, nobody posted.
        assertEquals(List.of(3, 0, 0, 0, 0, 0, 0), figures(insights, "weeks[1]"));
        assertEquals(List.of(6, 2, 1, 0, 1, 1, 1), figures(insights, "totals"));

        JsonPath organisation = Api.as(admin.token()).queryParam("from", "2026-W10").queryParam("to", "2026-W11")
                .get("/api/v1/insights").then().statusCode(200).extract().jsonPath();
        String mine = "groups.find { it.groupId == '" + group + "' }";
        assertEquals(insights.getList("weeks"), organisation.getList(mine + ".weeks"));
        assertEquals(insights.getMap("totals"), organisation.getMap(mine + ".totals"));
    }

    private static List<Integer> figures(JsonPath insights, String figures) {
        return PEOPLE.stream().map(name -> insights.getInt(figures + "." + name)).toList();
    }
}
