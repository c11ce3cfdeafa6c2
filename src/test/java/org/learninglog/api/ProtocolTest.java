package org.learninglog.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.learninglog.Api.anonymous;
import static org.learninglog.Api.as;
import static org.learninglog.Api.badRequestAs;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;
import org.learninglog.entry.Entries;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** HTTP's own answers (405, 406, OPTIONS, 431) carry what the protocol asks for, as problem details. */
@QuarkusTest
class ProtocolTest {

    @Inject
    TestData data;

    TestMember ana;

    @BeforeEach
    void setUp() {
        ana = data.member("Ana");
    }

    @Test
    void shouldNameTheAllowedMethodsInA405() {
        badRequestAs(ana.token()).delete("/api/v1/me").then()
                .statusCode(405).contentType("application/problem+json")
                .header("Allow", equalTo("GET, HEAD, OPTIONS, PATCH"));
        badRequestAs(ana.token()).put("/api/v1/groups/{g}/members", UUID.randomUUID()).then()
                .statusCode(405).contentType("application/problem+json")
                .header("Allow", equalTo("GET, HEAD, OPTIONS, POST"));
        badRequestAs(ana.token()).get("/api/v1/me/notifications/read").then()
                .statusCode(405).header("Allow", equalTo("OPTIONS, POST"));
        anonymous().delete("/unsubscribe").then().statusCode(405).header("Allow", equalTo("GET, HEAD, OPTIONS, POST"));
    }

    @Test
    void shouldAnswerOptionsWithTheMethodsOfThePath() {
        anonymous().options("/api/v1/entries/{id}", UUID.randomUUID()).then()
                .statusCode(200).header("Allow", equalTo("DELETE, GET, HEAD, OPTIONS, PATCH"));
        anonymous().options("/api/v1/me/tokens").then()
                .statusCode(200).header("Allow", equalTo("GET, HEAD, OPTIONS, POST"));
    }

    @Test
    void shouldAnswerHeadersTooLargeWithAProblem() {
        anonymous().header("X-Padding", "p".repeat(30_000)).get("/api/v1/me").then()
                .statusCode(431).contentType("application/problem+json")
                .body("status", equalTo(431))
                .body("detail", containsString("at most 20480"));
        badRequestAs(ana.token()).header("X-Padding", "p".repeat(15_000)).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void shouldTakeAnyAcceptOnAnOperationWithoutContent() throws Exception {
        UUID groupId = data.group("Negotiators " + TestData.suffix(), ana);
        String entryId = as(ana.token()).body(Entries.packagingEntry())
                .put("/api/v1/groups/{g}/weeks/current/entries/me", groupId).then().statusCode(201).extract()
                .path("id");
        // The request validator, like the generated clients, reads a 204 operation as producing only problems.
        badRequestAs(ana.token()).accept("application/json").put("/api/v1/entries/{id}/follow", entryId).then()
                .statusCode(204);
        as(ana.token()).accept("*/*").delete("/api/v1/entries/{id}/follow", entryId).then().statusCode(204);
        assertEquals(204, withoutAccept("PUT", "/api/v1/entries/" + entryId + "/follow"));
        badRequestAs(ana.token()).accept("text/html").delete("/api/v1/entries/{id}/follow", entryId).then()
                .statusCode(204);
        String tokenId = as(ana.token()).body(Map.of("name", "laptop")).post("/api/v1/me/tokens").then()
                .statusCode(201).extract().path("id");
        badRequestAs(ana.token()).accept("application/json").delete("/api/v1/me/tokens/{id}", tokenId).then()
                .statusCode(204);
    }

    /** The status of a request that sends no `Accept` header at all (REST Assured always sends one). */
    private int withoutAccept(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Authorization", "Bearer " + ana.token())
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void shouldAnswerAProblemWhateverTheAcceptOnAnOperationWithoutContent() {
        badRequestAs(ana.token()).accept("application/json").put("/api/v1/entries/{id}/follow", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldNameWhatTheOperationAnswersWithInA406() {
        badRequestAs(ana.token()).accept("text/html").get("/api/v1/me").then()
                .statusCode(406).contentType("application/problem+json")
                .body("detail", equalTo("The Accept header allows none of the media types this operation answers "
                        + "with: application/json"));
        badRequestAs(ana.token()).accept("application/json").get("/api/v1/me").then().statusCode(200);
        badRequestAs(ana.token()).accept("application/*").get("/api/v1/me").then().statusCode(200);
    }
}
