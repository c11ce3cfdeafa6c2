package org.learninglog.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.learninglog.Api.as;
import static org.learninglog.Api.badRequestAs;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Request bodies are read as the contract types them: no coercion, one value, no nulls, RFC 3339 dates. */
@QuarkusTest
class StrictJsonTest {

    @Inject
    TestData data;

    TestMember ana;

    @BeforeEach
    void setUp() {
        ana = data.member("Ana");
    }

    @Test
    void shouldRejectAnIntegerForABoolean() {
        patchMe("{\"reminders\": 0}").statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("reminders"))
                .body("errors.message", contains("must be true or false"));
        patchMe("{\"reminders\": 1}").statusCode(400);

        as(ana.token()).get("/api/v1/me").then().statusCode(200).body("reminders", equalTo(true));
    }

    @Test
    void shouldRejectAStringForABoolean() {
        patchMe("{\"reminders\": \"false\"}").statusCode(400).body("errors.field", contains("reminders"));
        as(ana.token()).get("/api/v1/me").then().body("reminders", equalTo(true));
    }

    @Test
    void shouldRejectANumberOrABooleanForAString() {
        patchMe("{\"displayName\": 123}").statusCode(400).body("errors.field", contains("displayName"))
                .body("errors.message", contains("must be a string"));
        patchMe("{\"displayName\": 1.5}").statusCode(400).body("errors.field", contains("displayName"));
        patchMe("{\"displayName\": true}").statusCode(400).body("errors.field", contains("displayName"));
        as(ana.token()).get("/api/v1/me").then().body("displayName", equalTo("Ana"));
    }

    @Test
    void shouldRejectANumberForAnEnum() {
        patchMe("{\"replyNotifications\": 0}").statusCode(400).body("errors.field", contains("replyNotifications"));
        as(ana.token()).get("/api/v1/me").then().body("replyNotifications", equalTo("IMMEDIATE"));
    }

    @Test
    void shouldRejectNullForAField() {
        patchMe("{\"reminders\": null}").statusCode(400).body("errors.field", contains("reminders"))
                .body("errors.message[0]", containsString("leave the field out"));
        patchMe("{\"displayName\": null}").statusCode(400).body("errors.field", contains("displayName"));
    }

    @Test
    void shouldRejectTrailingContentAfterTheBody() {
        patchMe("{\"displayName\": \"Trailing\"} {\"reminders\": false}").statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("The request body must be one JSON value, with nothing after it"));
        patchMe("{\"displayName\": \"Trailing\"} garbage").statusCode(400).contentType("application/problem+json");
        patchMe("{\"displayName\": \"Trailing\"}]").statusCode(400).contentType("application/problem+json");

        as(ana.token()).get("/api/v1/me").then().body("displayName", equalTo("Ana")).body("reminders", equalTo(true));
    }

    @Test
    void shouldRejectAFieldGivenTwice() {
        patchMe("{\"reminders\": true, \"reminders\": false}").statusCode(400)
                .body("errors.field", contains("reminders"))
                .body("errors.message", contains("is given more than once"));
        as(ana.token()).get("/api/v1/me").then().body("reminders", equalTo(true));
    }

    @Test
    void shouldRejectAnEmptyStringOrANumberForAUuid() {
        badRequestAs(ana.token()).body("{\"ids\": [\"\"]}").post("/api/v1/me/notifications/read").then()
                .statusCode(400).body("errors.field", contains("ids[0]"));
        badRequestAs(ana.token()).body("{\"ids\": [7]}").post("/api/v1/me/notifications/read").then()
                .statusCode(400).body("errors.field", contains("ids[0]"));
        badRequestAs(ana.token()).body("{\"ids\": \"7d8a6f7e-0c2b-4a7e-9d3f-0a1b2c3d4e5f\"}")
                .post("/api/v1/me/notifications/read").then()
                .statusCode(400).body("errors.field", contains("ids"))
                .body("errors.message", contains("must be an array"));
    }

    @Test
    void shouldRejectAnAwayDateOutsideTheYearsOfRfc3339() {
        for (String date : new String[] { "+5874898-01-01", "10000-01-01", "0000-12-31", "2026-02-30", "2026-3-10",
            "2026-03-10T00:00:00Z" }) {
            patchMe("{\"awayUntil\": \"" + date + "\"}").statusCode(400).contentType("application/problem+json")
                    .body("errors.field", contains("awayUntil"))
                    .body("errors.message", contains("must be an RFC 3339 date such as 2026-03-10"));
        }
        as(ana.token()).get("/api/v1/me").then().body("awayUntil", nullValue());
    }

    @Test
    void shouldRejectAnAwayDateWrittenAsANumberOrAnArray() {
        patchMe("{\"awayUntil\": 20000}").statusCode(400).body("errors.field", contains("awayUntil"));
        patchMe("{\"awayUntil\": [2030, 1, 1]}").statusCode(400).body("errors.field", contains("awayUntil"));
        as(ana.token()).get("/api/v1/me").then().body("awayUntil", nullValue());
    }

    @Test
    void shouldAcceptTheLastDateOfRfc3339() {
        as(ana.token()).body(Map.of("awayUntil", "9999-12-31")).patch("/api/v1/me").then()
                .statusCode(200).body("awayUntil", equalTo("9999-12-31"));
    }

    @Test
    void shouldRejectAnUnpairedSurrogate() {
        patchMe("{\"displayName\": \"Ana \\ud800\"}").statusCode(400).body("errors.field", contains("displayName"))
                .body("errors.message[0]", containsString("unpaired surrogate"));
        patchMe("{\"displayName\": \"Ana \\udc00x\"}").statusCode(400).body("errors.field", contains("displayName"));
        as(ana.token()).body(Map.of("displayName", "Ana \uD83C\uDF31")).patch("/api/v1/me").then()
                .statusCode(200).body("displayName", equalTo("Ana \uD83C\uDF31"));
    }

    @Test
    void shouldRejectAnUnknownMediaTypeWithAProblem() {
        badRequestAs(ana.token()).contentType("application/xml").body("<me reminders=\"false\"/>")
                .patch("/api/v1/me").then().statusCode(415).contentType("application/problem+json")
                .body("status", equalTo(415));
        badRequestAs(ana.token()).contentType("application/x-www-form-urlencoded").body("reminders=false")
                .patch("/api/v1/me").then().statusCode(415).contentType("application/problem+json");
        as(ana.token()).get("/api/v1/me").then().body("reminders", equalTo(true));
    }

    private ValidatableResponse patchMe(String json) {
        return badRequestAs(ana.token()).body(json).patch("/api/v1/me").then();
    }
}
