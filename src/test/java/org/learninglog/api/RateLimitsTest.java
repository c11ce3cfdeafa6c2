package org.learninglog.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.learninglog.Api;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;
import org.learninglog.time.MutableClock;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Requests per minute per member and per client address, counted in PostgreSQL; stricter for operations that send
 * email and for search. A profile of its own sets low limits; the rest of the suite runs far below its own. Each
 * test plays a client address of its own (X-Forwarded-For) in a minute of its own.
 */
@QuarkusTest
@TestProfile(RateLimitsTest.LowLimits.class)
class RateLimitsTest {

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "learninglog.rate-limits.per-caller-per-minute", "5",
                    "learninglog.rate-limits.per-address-per-minute", "8",
                    "learninglog.rate-limits.email.per-caller-per-minute", "2",
                    "learninglog.rate-limits.email.per-address-per-minute", "3",
                    "learninglog.rate-limits.search.per-caller-per-minute", "3",
                    "learninglog.rate-limits.search.per-address-per-minute", "4");
        }
    }

    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RateLimitsConfig config;

    private final String address = "10.29." + ADDRESSES.get() / 250 + "." + ADDRESSES.getAndIncrement() % 250;

    @AfterEach
    void resetTheClock() {
        clock.reset();
    }

    @Test
    void shouldAnswer429WithRetryAfterAndRateLimitHeadersToAMemberBeyondTheirLimit() {
        clock.set(Instant.parse("2001-04-01T10:00:48Z"));
        TestMember ana = data.member("Ana");
        for (int i = 1; i <= 5; i++) {
            Response served = getMe(ana.token());
            assertEquals(200, served.statusCode());
            assertEquals("\"member\";q=5;w=60, \"address\";q=8;w=60", served.header("RateLimit-Policy"));
            assertEquals("\"member\";r=" + (5 - i) + ";t=12, \"address\";r=" + (8 - i) + ";t=12",
                    served.header("RateLimit"));
        }

        Response refused = getMe(ana.token());
        assertEquals(429, refused.statusCode());
        assertThat(refused.contentType(), containsString("application/problem+json"));
        assertEquals("12", refused.header("Retry-After"));
        assertEquals("\"member\";r=0;t=12, \"address\";r=2;t=12", refused.header("RateLimit"));
        assertEquals("\"member\";q=5;w=60, \"address\";q=8;w=60", refused.header("RateLimit-Policy"));
        assertEquals("/problems/too-many-requests", refused.jsonPath().getString("type"));
        assertThat(refused.jsonPath().getString("detail"), containsString("At most 5 requests by one member"));
    }

    @Test
    void shouldServeTheMemberAgainInTheNextWindow() {
        clock.set(Instant.parse("2001-04-02T10:00:00Z"));
        TestMember ana = data.member("Ana");
        for (int i = 0; i < 5; i++) {
            getMe(ana.token()).then().statusCode(200);
        }
        clock.advance(Duration.ofSeconds(59));
        Response refused = getMe(ana.token());
        assertEquals(429, refused.statusCode());
        assertEquals("1", refused.header("Retry-After"));

        clock.advance(Duration.ofSeconds(1));
        Response served = getMe(ana.token());
        assertEquals(200, served.statusCode(), "a new minute, a new window");
        assertEquals("\"member\";r=4;t=60, \"address\";r=7;t=60", served.header("RateLimit"));
    }

    @Test
    void shouldCountEveryTokenOfOneMemberTogether() {
        clock.set(Instant.parse("2001-04-03T10:00:00Z"));
        TestMember ana = data.member("Ana");
        String second = Api.as(ana.token()).header("X-Forwarded-For", address)
                .body(Map.of("name", "second client")).post("/api/v1/me/tokens")
                .then().statusCode(201).extract().path("token");
        for (int i = 0; i < 3; i++) {
            getMe(ana.token()).then().statusCode(200);
        }
        getMe(second).then().statusCode(200).header("RateLimit", containsString("\"member\";r=0"));

        assertEquals(429, getMe(second).statusCode(), "the fifth request of the member was their first token's");
        assertEquals(429, getMe(ana.token()).statusCode());
    }

    @Test
    void shouldRefuseAClientAddressBeyondItsLimitWhoeverCalls() {
        clock.set(Instant.parse("2001-04-04T10:00:00Z"));
        TestMember ana = data.member("Ana");
        TestMember ben = data.member("Ben");
        for (int i = 0; i < 4; i++) {
            getMe(ana.token()).then().statusCode(200);
            getMe(ben.token()).then().statusCode(200);
        }
        TestMember cem = data.member("Cem");

        Response refused = getMe(cem.token());
        assertEquals(429, refused.statusCode(), "Cem's first request, but the address's ninth");
        assertEquals("\"member\";r=4;t=60, \"address\";r=0;t=60", refused.header("RateLimit"));
        assertThat(refused.jsonPath().getString("detail"), containsString("requests from one client address"));
        assertEquals(200, Api.as(cem.token()).header("X-Forwarded-For", "10.30.0.1").get("/api/v1/me")
                .statusCode(), "the same member from another address");
    }

    @Test
    void shouldLimitAnonymousCallersPerAddressAndEmailSendingOperationsMoreStrictly() {
        clock.set(Instant.parse("2001-04-05T10:00:00Z"));
        for (int i = 0; i < 3; i++) {
            Response accepted = signInLink("someone." + i + "." + TestData.suffix() + "@test.invalid");
            assertEquals(202, accepted.statusCode());
            assertEquals("\"address\";q=8;w=60, \"email-address\";q=3;w=60", accepted.header("RateLimit-Policy"));
        }

        Response refused = signInLink("someone.else." + TestData.suffix() + "@test.invalid");
        assertEquals(429, refused.statusCode());
        assertEquals("60", refused.header("Retry-After"));
        assertEquals("\"address\";r=4;t=60, \"email-address\";r=0;t=60", refused.header("RateLimit"));
        assertThat(refused.jsonPath().getString("detail"),
                containsString("At most 3 requests that send email from one client address"));
    }

    @Test
    void shouldLimitInvitationsAndNudgesPerMemberMoreStrictlyThanOtherOperations() {
        clock.set(Instant.parse("2001-04-06T10:00:00Z"));
        TestMember admin = data.admin();
        TestMember ben = data.member("Ben");
        TestMember cem = data.member("Cem");
        resendInvitation(admin, ben).then().statusCode(202);
        resendInvitation(admin, cem).then().statusCode(202)
                .header("RateLimit", "\"member\";r=3;t=60, \"address\";r=6;t=60, \"email-member\";r=0;t=60,"
                        + " \"email-address\";r=1;t=60");

        Response refused = resendInvitation(admin, ben);
        assertEquals(429, refused.statusCode());
        assertThat(refused.jsonPath().getString("detail"), containsString("requests that send email by one member"));
        getMe(admin.token()).then().statusCode(200);
    }

    @Test
    void shouldLimitSearchesMoreStrictlyThanOtherOperations() {
        clock.set(Instant.parse("2001-04-07T10:00:00Z"));
        TestMember ana = data.member("Ana");
        for (int i = 0; i < 3; i++) {
            search(ana).then().statusCode(200)
                    .header("RateLimit-Policy", containsString("\"search-member\";q=3;w=60"));
        }

        Response refused = search(ana);
        assertEquals(429, refused.statusCode());
        assertThat(refused.jsonPath().getString("detail"), containsString("At most 3 searches by one member"));
        getMe(ana.token()).then().statusCode(200);
    }

    @Test
    void shouldLeaveARequestWithAWrongTokenToTheFailedAuthenticationLimit() {
        clock.set(Instant.parse("2001-04-09T10:00:00Z"));
        TestMember ana = data.member("Ana");
        Response refused = getMe("ll_wrong_" + TestData.suffix());

        // The security check answers before the request reaches a resource; CallerLimits counts the failure.
        assertEquals(401, refused.statusCode());
        assertEquals(null, refused.header("RateLimit"));
        assertEquals("\"member\";r=4;t=60, \"address\";r=7;t=60", getMe(ana.token()).header("RateLimit"),
                "the address's first counted request");
    }

    @Test
    void shouldShareTheCountsOfEveryInstanceThroughTheDatabase() {
        clock.set(Instant.parse("2001-04-08T10:00:00Z"));
        // Two instances of the service: each its own limiter, one table.
        RateLimits one = new RateLimits(dataSource, config, clock);
        RateLimits other = new RateLimits(dataSource, config, clock);
        String member = "shared-" + TestData.suffix();
        for (int i = 0; i < 3; i++) {
            assertFalse(one.count("getMe", member, address).refused());
        }
        assertFalse(other.count("getMe", member, address).refused());
        assertFalse(one.count("getMe", member, address).refused());

        RateLimits.Verdict sixth = other.count("getMe", member, address);
        assertTrue(sixth.refused());
        assertEquals(6, sixth.counts().get(0).count());
    }

    @Test
    void shouldServeExactlyTheQuotaWhenManyRequestsRaceForOneMember() throws Exception {
        // Five rounds of 24 requests racing from 8 threads over 4 limiters (instances) on one table: the counts
        // they get back are 1..24 once each (no lost update), and exactly the quota of 5 is served.
        for (int round = 0; round < 5; round++) {
            clock.set(Instant.parse("2001-04-09T10:00:00Z").plus(Duration.ofMinutes(round)));
            List<RateLimits> instances = List.of(new RateLimits(dataSource, config, clock),
                    new RateLimits(dataSource, config, clock), new RateLimits(dataSource, config, clock),
                    new RateLimits(dataSource, config, clock));
            String member = "racing-" + TestData.suffix();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<RateLimits.Verdict>> verdicts = new ArrayList<>();
                for (int i = 0; i < 24; i++) {
                    RateLimits instance = instances.get(i % instances.size());
                    verdicts.add(pool.submit(() -> {
                        start.await();
                        return instance.count("getMe", member, "racing-" + member);
                    }));
                }
                start.countDown();
                Set<Integer> counts = new TreeSet<>();
                int served = 0;
                for (Future<RateLimits.Verdict> verdict : verdicts) {
                    RateLimits.Verdict v = verdict.get(30, TimeUnit.SECONDS);
                    counts.add(v.counts().get(0).count());
                    served += v.refused() ? 0 : 1;
                }
                assertEquals(IntStream.rangeClosed(1, 24).boxed().collect(Collectors.toSet()), counts,
                        "round " + round + ": every request its own count");
                assertEquals(5, served, "round " + round + ": requests served");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private Response getMe(String token) {
        return Api.as(token).header("X-Forwarded-For", address).get("/api/v1/me");
    }

    private Response signInLink(String email) {
        return Api.anonymous().header("X-Forwarded-For", address).body(Map.of("email", email))
                .post("/api/v1/sign-in-links");
    }

    private Response resendInvitation(TestMember admin, TestMember member) {
        return Api.as(admin.token()).header("X-Forwarded-For", address)
                .post("/api/v1/members/{id}/invitation", member.id());
    }

    private Response search(TestMember member) {
        return Api.as(member.token()).header("X-Forwarded-For", address).queryParam("q", "crates")
                .get("/api/v1/search");
    }
}
