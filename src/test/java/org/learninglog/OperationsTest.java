package org.learninglog;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.learninglog.Api.anonymous;
import static org.learninglog.Api.as;
import static org.learninglog.Api.management;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.learninglog.TestData.TestMember;

import io.quarkus.test.junit.QuarkusTest;

/** What a load balancer and a monitoring system rely on; none of it needs a token. */
@QuarkusTest
class OperationsTest {

    @Inject
    TestData data;

    @Test
    void shouldReportLiveness() {
        anonymous().get("/q/health/live").then()
                .statusCode(200)
                .body("status", equalTo("UP"));
    }

    @Test
    void shouldReportReadinessIncludingTheDatabase() {
        anonymous().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.find { it.name.contains('Database') }.status", equalTo("UP"));
    }

    @Test
    void shouldNotServeMetricsOnTheApplicationPort() {
        anonymous().accept("text/plain").get("/q/metrics").then()
                .statusCode(404)
                .body(not(containsString("jvm_memory_used_bytes")));
    }

    @Test
    void shouldExposePrometheusMetricsOnTheManagementInterfaceIncludingHttpRequests() {
        TestMember ana = data.member("Ana");
        as(ana.token()).get("/api/v1/me").then().statusCode(200);
        as(ana.token()).get("/api/v1/members/{id}", ana.id()).then().statusCode(200);

        // Prometheus asks for its text format; without an Accept header the answer is OpenMetrics.
        management().accept("text/plain").get("/q/metrics").then()
                .statusCode(200)
                .contentType(containsString("text/plain"))
                .body(containsString("# TYPE http_server_requests_seconds"))
                .body(containsString("uri=\"/api/v1/me\""))
                // Requests are counted per route template, not per id, so the number of series stays bounded.
                .body(containsString("uri=\"/api/v1/members/{memberId}\""))
                .body(not(containsString(ana.id().toString())))
                .body(containsString("jvm_memory_used_bytes"));
    }
}
