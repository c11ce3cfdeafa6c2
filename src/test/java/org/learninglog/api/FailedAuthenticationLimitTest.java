package org.learninglog.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;
import org.learninglog.time.MutableClock;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * Many wrong tokens from one client address get 429 with `Retry-After` until the window is over. A profile of its
 * own sets the production limit, which the rest of the suite (revoked tokens, one address) would run into.
 */
@QuarkusTest
@TestProfile(FailedAuthenticationLimitTest.ProductionLimit.class)
class FailedAuthenticationLimitTest {

    public static class ProductionLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("learninglog.http.callers.max-failed-authentications", "20");
        }
    }

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void resetTheClock() {
        clock.reset();
    }

    @Test
    void shouldAnswer429WithRetryAfterToManyWrongTokensFromOneAddressUntilTheWindowIsOver() throws Exception {
        clock.set(Instant.parse("2001-03-01T10:00:00Z"));
        TestMember ana = data.member("Ana");
        for (int i = 0; i < 20; i++) {
            assertEquals(401, get("/api/v1/me", "ll_wrong_" + i + "_" + TestData.suffix()).statusCode());
        }

        HttpResponse<String> refused = get("/api/v1/me", "ll_wrong_again");
        assertEquals(429, refused.statusCode());
        assertEquals("60", refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow(), containsString("problem+json"));
        assertThat(refused.body(), containsString("failed authentications"));
        clock.advance(Duration.ofSeconds(45));
        assertEquals("15", get("/api/v1/me", "ll_wrong_again").headers().firstValue("Retry-After").orElseThrow());
        assertEquals(200, get("/q/health/live", null).statusCode(), "requests without credentials are served");

        clock.advance(Duration.ofSeconds(15));
        assertEquals(200, get("/api/v1/me", ana.token()).statusCode(), "the window is over");
        assertEquals(401, get("/api/v1/me", "ll_wrong_later").statusCode());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + path))
                .timeout(Duration.ofSeconds(5));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
