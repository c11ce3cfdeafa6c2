package org.learninglog.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.learninglog.Api.anonymous;
import static org.learninglog.Api.badRequestAs;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ProblemDetailsTest {

    @Inject
    TestData data;

    TestMember admin;

    @BeforeEach
    void setUp() {
        admin = data.admin();
    }

    @Test
    void shouldAnswerAnUnknownApiRouteWithAProblem() {
        badRequestAs(admin.token()).get("/api/v1/nothing-here").then()
                .statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    void shouldAnswerAnUnknownRouteOutsideTheApiWithAProblem() {
        anonymous().get("/nothing-here").then()
                .statusCode(404).contentType("application/problem+json").body("title", equalTo("Not Found"));
    }

    @Test
    void shouldRejectMalformedJson() {
        badRequestAs(admin.token()).body("{\"displayName\": ").post("/api/v1/members").then()
                .statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("The request body is not valid JSON"))
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void shouldRejectAnUnknownField() {
        badRequestAs(admin.token()).body("{\"displayName\": \"Ana\", \"shoeSize\": 42}").patch("/api/v1/me").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("shoeSize"));
    }

    @Test
    void shouldRejectAReadOnlyFieldOnMe() {
        badRequestAs(admin.token()).body("{\"role\": \"ADMIN\"}").patch("/api/v1/me").then()
                .statusCode(400).body("errors.field", hasItem("role"));
        badRequestAs(admin.token()).body("{\"id\": \"9a0e1fd2-7c4e-4a8e-9f57-2b8f0a3c1d11\"}").patch("/api/v1/me")
                .then()
                .statusCode(400).body("errors.field", hasItem("id"));
    }

    @Test
    void shouldRejectAWrongType() {
        badRequestAs(admin.token()).body("{\"reminders\": \"often\"}").patch("/api/v1/me").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("reminders"));
    }

    @Test
    void shouldRejectAnUnknownEnumValue() {
        badRequestAs(admin.token()).body("{\"replyNotifications\": \"HOURLY\"}").patch("/api/v1/me").then()
                .statusCode(400).body("errors.field", hasItem("replyNotifications"))
                .body("errors.message[0]", containsString("DAILY_DIGEST"));
    }

    @Test
    void shouldListEveryInvalidField() {
        badRequestAs(admin.token()).body("{\"displayName\": \"\", \"email\": \"x\"}").post("/api/v1/members").then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("errors.field", hasItem("displayName"))
                .body("errors.field", hasItem("email"))
                .body("errors.field", hasItem("timeZone"));
    }

    @Test
    void shouldRejectAMissingBody() {
        badRequestAs(admin.token()).post("/api/v1/members").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("body"));
    }

    @Test
    void shouldRejectAnArrayWhereAnObjectBelongs() {
        badRequestAs(admin.token()).body("[1, 2]").post("/api/v1/members").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void shouldRejectAnOutOfRangeLimit() {
        badRequestAs(admin.token()).get("/api/v1/members?limit=1000").then()
                .statusCode(400).body("errors.field", hasItem("limit"));
        badRequestAs(admin.token()).get("/api/v1/members?limit=0").then()
                .statusCode(400).body("errors.field", hasItem("limit"));
    }

    @Test
    void shouldRejectAForgedCursor() {
        badRequestAs(admin.token()).get("/api/v1/members?cursor=not-a-cursor").then()
                .statusCode(400).body("errors.field", hasItem("cursor"));
    }

    @Test
    void shouldRejectAWrongMethodAndMediaType() {
        badRequestAs(admin.token()).delete("/api/v1/me").then().statusCode(405).contentType("application/problem+json");
        badRequestAs(admin.token()).contentType("text/plain").body("hello").patch("/api/v1/me").then()
                .statusCode(415).contentType("application/problem+json");
    }

    @Test
    void shouldAnswerAMalformedIdWithAProblemNamingIt() {
        badRequestAs(admin.token()).get("/api/v1/members/not-a-uuid").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("memberId"));
    }
}
