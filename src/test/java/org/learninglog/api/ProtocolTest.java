package org.learninglog.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.learninglog.Api.anonymous;
import static org.learninglog.Api.badRequestAs;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;

import io.quarkus.test.junit.QuarkusTest;

/** HTTP's own answers (405, OPTIONS, 431) carry what the protocol asks for, as problem details. */
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
}
