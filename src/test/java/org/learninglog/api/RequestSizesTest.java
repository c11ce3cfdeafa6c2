package org.learninglog.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.learninglog.Api;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * The sizes the contract sets: a body beyond `learninglog.http.max-body-size` is a 413 before it is read; a string
 * longer, an array with more items or an integer beyond what openapi.yaml allows is a 400 naming the field; a
 * problem quoting a long request stays within the contract's own limits.
 */
@QuarkusTest
class RequestSizesTest {

    private static final int MAX_BODY = 1024 * 1024;

    @Inject
    TestData data;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void shouldAnswer413WithProblemDetailsToABodyBeyondTheLimit() throws Exception {
        TestMember ana = data.member("Ana");
        HttpResponse<String> refused = postToken(ana, tokenBody(MAX_BODY + 1));

        assertEquals(413, refused.statusCode());
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow(), containsString("problem+json"));
        assertThat(refused.body(), containsString("\"status\":413"));
        assertThat(refused.body(), containsString("at most 1048576"));
    }

    @Test
    void shouldAcceptABodyOfExactlyTheLimit() throws Exception {
        TestMember ana = data.member("Ana");
        assertEquals(201, postToken(ana, tokenBody(MAX_BODY)).statusCode());
    }

    @Test
    void shouldRejectAStringLongerThanTheContractAllowsNamingTheField() {
        TestMember ana = data.member("Ana");
        Response refused = Api.badRequestAs(ana.token()).body(Map.of("displayName", "a".repeat(101)))
                .patch("/api/v1/me");

        assertEquals(400, refused.statusCode());
        assertThat(refused.jsonPath().getList("errors.field"), hasItem("displayName"));
        Api.as(ana.token()).get("/api/v1/me").then().statusCode(200)
                .body("displayName", org.hamcrest.Matchers.equalTo(ana.name()));
    }

    @Test
    void shouldRejectAnArrayWithMoreItemsThanTheContractAllowsNamingTheField() {
        TestMember ana = data.member("Ana");
        UUID groupId = data.group("Sizes " + TestData.suffix(), ana);
        Response refused = Api.badRequestAs(ana.token())
                .body(Map.of("tried", "Crates", "failed", "Labels", "tags", List.of("a", "b", "c", "d", "e", "f")))
                .put("/api/v1/groups/{g}/weeks/current/entries/me", groupId);

        assertEquals(400, refused.statusCode());
        assertThat(refused.jsonPath().getList("errors.field"), hasItem("tags"));
    }

    @Test
    void shouldRejectAnIntegerBeyondTheContractsMaximumNamingTheParameter() {
        TestMember ana = data.member("Ana");
        Response refused = Api.badRequestAs(ana.token()).queryParam("limit", 101).get("/api/v1/members");

        assertEquals(400, refused.statusCode());
        assertThat(refused.jsonPath().getList("errors.field"), hasItem("limit"));
    }

    @Test
    void shouldKeepAProblemAboutALongRequestWithinTheContractsLimits() {
        TestMember ana = data.member("Ana");
        // An unknown field is named in the detail; its name is as long as the client made it.
        Response refused = Api.badRequestAs(ana.token()).body(Map.of("x".repeat(5000), 1)).patch("/api/v1/me");

        assertEquals(400, refused.statusCode());
        assertThat(refused.jsonPath().getString("detail").length(), lessThanOrEqualTo(2000));
        for (String field : refused.jsonPath().getList("errors.field", String.class)) {
            assertThat(field.length(), lessThanOrEqualTo(200));
        }
    }

    private HttpResponse<String> postToken(TestMember member, String body) throws Exception {
        return http
                .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + "/api/v1/me/tokens"))
                        .timeout(Duration.ofSeconds(20))
                        .header("Authorization", "Bearer " + member.token())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A valid token request padded with spaces to exactly `size` bytes. */
    private static String tokenBody(int size) {
        String json = "{\"name\":\"padded\"}";
        return json + " ".repeat(size - json.length());
    }
}
