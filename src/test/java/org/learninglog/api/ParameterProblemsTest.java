package org.learninglog.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.learninglog.Api.as;
import static org.learninglog.Api.badRequestAs;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;

import io.quarkus.test.junit.QuarkusTest;

/** A query, path or header parameter that is not of its type, or out of its range, is a 400 naming it. */
@QuarkusTest
class ParameterProblemsTest {

    private static final String PREVIEW = "/api/v1/admin/reminders/preview";

    @Inject
    TestData data;

    TestMember admin;
    TestMember ana;

    @BeforeEach
    void setUp() {
        admin = data.admin();
        ana = data.member("Ana");
    }

    @Test
    void shouldNameAQueryParameterThatIsNotAnInteger() {
        for (String limit : new String[] { "abc", "1.5", "1e1", "99999999999", " 5" }) {
            badRequestAs(ana.token()).queryParam("limit", limit).get("/api/v1/me/tokens").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors.field", contains("limit")).body("errors.message", contains("must be an integer"));
        }
    }

    @Test
    void shouldNameAQueryParameterTheOperationDoesNotTake() {
        // Before, `?q=` on the questions feed was quietly ignored and every question came back.
        badRequestAs(ana.token()).queryParam("query", "supplier").get("/api/v1/questions").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", contains("query"));
        badRequestAs(ana.token()).queryParam("Limit", "5").queryParam("limit", "5").get("/api/v1/me/tokens").then()
                .statusCode(400).body("errors.field", contains("Limit"));
        badRequestAs(ana.token()).queryParam("limit", "5").get("/api/v1/me").then()
                .statusCode(400).body("errors.field", contains("limit"))
                .body("errors.message", contains("is not a parameter of this operation, which takes none"));
        // Declared ones are as welcome as ever.
        as(ana.token()).queryParam("limit", "5").get("/api/v1/me/tokens").then().statusCode(200);
    }

    @Test
    void shouldLeavePagesOutsideTheApiToTheirOwnParameters() {
        io.restassured.RestAssured.given().queryParam("utm_source", "newsletter").get("/sign-in").then()
                .statusCode(200);
    }

    @Test
    void shouldNameAQueryParameterThatIsNotAUuid() {
        badRequestAs(ana.token()).queryParam("groupId", "not-a-uuid").get("/api/v1/questions").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", contains("groupId"));
        // Java's UUID parser takes this for 00000001-0001-0001-0001-000000000001; the contract does not.
        badRequestAs(ana.token()).queryParam("groupId", "1-1-1-1-1").get("/api/v1/questions").then()
                .statusCode(400).body("errors.field", contains("groupId"));
    }

    @Test
    void shouldNameAPathParameterThatIsNotAUuid() {
        badRequestAs(ana.token()).get("/api/v1/entries/not-a-uuid").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", contains("entryId"));
        UUID group = data.group("Paths " + TestData.suffix(), ana);
        badRequestAs(ana.token()).body("{\"role\": \"MEMBER\"}")
                .patch("/api/v1/groups/{g}/members/{m}", group, "12345").then()
                .statusCode(400).body("errors.field", contains("memberId"));
        badRequestAs(ana.token()).body("{\"role\": \"MEMBER\"}")
                .patch("/api/v1/groups/{g}/members/{m}", "12345", ana.id()).then()
                .statusCode(400).body("errors.field", contains("groupId"));
    }

    @Test
    void shouldRejectABooleanParameterThatIsNeitherTrueNorFalse() {
        for (String unread : new String[] { "yes", "1", "TRUE", "" }) {
            badRequestAs(ana.token()).queryParam("unread", unread).get("/api/v1/me/notifications").then()
                    .statusCode(400).body("errors.field", contains("unread"))
                    .body("errors.message", contains("must be true or false"));
        }
        as(ana.token()).queryParam("unread", true).get("/api/v1/me/notifications").then().statusCode(200);
    }

    @Test
    void shouldSayTheExpectedFormatOfAMalformedDateTime() {
        for (String at : new String[] { "next tuesday", "2026-03-10T09:00Z", "2026-03-10", "2026-03-10T09:00:00",
            "+10000-01-01T00:00:00Z", "2026-13-01T00:00:00Z" }) {
            badRequestAs(admin.token()).queryParam("at", at).get(PREVIEW).then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors.field", contains("at"))
                    .body("errors.message", contains("must be an RFC 3339 date-time such as 2026-03-10T09:00:00Z"));
        }
    }

    @Test
    void shouldRejectAPreviewInstantOutsideItsRange() {
        data.group("Preview range " + TestData.suffix(), null, ana);
        for (String at : new String[] { "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "1969-12-31T23:59:59Z",
            "9999-01-01T00:00:00Z" }) {
            badRequestAs(admin.token()).queryParam("at", at).get(PREVIEW).then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors.field", contains("at"))
                    .body("errors.message", contains(
                            "must be from 1970-01-01T00:00:00Z up to but not including 9999-01-01T00:00:00Z"));
        }
        as(admin.token()).queryParam("at", "1970-01-01T00:00:00Z").queryParam("limit", 1).get(PREVIEW).then()
                .statusCode(200);
        as(admin.token()).queryParam("at", "9998-12-31T23:59:59.999999Z").queryParam("limit", 1).get(PREVIEW).then()
                .statusCode(200).body("at", equalTo("9998-12-31T23:59:59.999999Z"));
    }

    @Test
    void shouldRejectACursorWhoseInstantIsFarInTheFuture() {
        for (String instant : new String[] { "+1000000000-12-31T23:59:59Z", "+294277-01-01T00:00:00Z",
            "-4714-01-01T00:00:00Z" }) {
            String forged = Cursor.encode(instant, UUID.randomUUID().toString());
            badRequestAs(ana.token()).queryParam("cursor", forged).get("/api/v1/me/tokens").then()
                    .statusCode(400).contentType("application/problem+json").body("errors.field", contains("cursor"));
            badRequestAs(ana.token()).queryParam("cursor", forged).get("/api/v1/me/notifications").then()
                    .statusCode(400).body("errors.field", contains("cursor"));
        }
    }
}
