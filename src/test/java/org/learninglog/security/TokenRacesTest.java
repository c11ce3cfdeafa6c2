package org.learninglog.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.learninglog.Api.as;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.learninglog.Invariants;
import org.learninglog.Race;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;
import org.learninglog.identity.Actor;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Tokens against deactivation and against their cap, raced on real threads against the real PostgreSQL, round
 * after round; afterwards the tables are checked, and every secret handed out is tried.
 */
@QuarkusTest
class TokenRacesTest {

    private static final int ROUNDS = 15;
    private static final int CREATORS = 4;
    private static final int ATTEMPTS_EACH = 3;

    @Inject
    TestData data;

    @Inject
    Invariants invariants;

    @Inject
    AccessTokenService tokens;

    @ConfigProperty(name = "learninglog.tokens.max-live-per-member")
    int cap;

    @Test
    void shouldLeaveNoTokenAliveThatWasCreatedWhileTheMemberWasBeingDeactivated() throws Exception {
        TestMember admin = data.admin();
        List<UUID> raced = new ArrayList<>();
        int created = 0;
        try (Race race = new Race(CREATORS + 1)) {
            for (int round = 0; round < ROUNDS; round++) {
                TestMember bo = data.member("Bo " + round);
                raced.add(bo.id());
                List<String> secrets = Collections.synchronizedList(new ArrayList<>());
                List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
                List<Callable<Integer>> contenders = new ArrayList<>();
                for (int c = 0; c < CREATORS; c++) {
                    boolean byAdministrator = c == 0;
                    contenders.add(() -> {
                        for (int i = 0; i < ATTEMPTS_EACH; i++) {
                            Response answer = byAdministrator
                                    ? as(admin.token()).body(Map.of("name", "onboarding"))
                                            .post("/api/v1/members/{id}/tokens", bo.id())
                                    : as(bo.token()).body(Map.of("name", "laptop")).post("/api/v1/me/tokens");
                            statuses.add(answer.statusCode());
                            if (answer.statusCode() == 201) {
                                secrets.add(answer.path("token"));
                            }
                        }
                        return 0;
                    });
                }
                contenders.add(() -> as(admin.token()).body(Map.of("active", false))
                        .patch("/api/v1/members/{id}", bo.id()).statusCode());
                List<Integer> deactivation = race.run(contenders);

                String seen = "round " + round + ": " + statuses;
                assertEquals(200, deactivation.get(CREATORS), seen);
                assertEquals(0, invariants.liveTokensOfInactiveMembers(List.of(bo.id())), seen);
                // Before the deactivation: 201; after it: 422 (under the lock) or 401 (the token is gone already).
                assertTrue(statuses.stream().allMatch(s -> s == 201 || s == 401 || s == 422), seen);

                as(admin.token()).body(Map.of("active", true)).patch("/api/v1/members/{id}", bo.id()).then()
                        .statusCode(200);
                for (String secret : secrets) {
                    as(secret).get("/api/v1/me").then().statusCode(401);
                }
                as(bo.token()).get("/api/v1/me").then().statusCode(401);
                created += secrets.size();
            }
        }
        assertEquals(0, invariants.liveTokensOfInactiveMembers(raced));
        // The races did interleave: some tokens were made before a deactivation (and revoked by it).
        assertTrue(created > 0, "no token was created in any round");
    }

    @Test
    void shouldNeverLetConcurrentRequestsPassTheCapOfLiveTokens() throws Exception {
        int free = 3;
        int contenders = 8;
        try (Race race = new Race(contenders)) {
            for (int round = 0; round < ROUNDS / 3; round++) {
                TestMember admin = data.admin();
                TestMember ana = data.member("Ana " + round);
                // Test data gave Ana one token; fill up to a few short of the cap.
                for (int i = 1; i < cap - free; i++) {
                    tokens.issueForMe(new Actor(ana.id(), false), "filler " + i);
                }
                List<Callable<Integer>> requests = new ArrayList<>();
                for (int c = 0; c < contenders; c++) {
                    requests.add(c % 4 == 0
                            ? () -> as(admin.token()).body(Map.of("name", "issued"))
                                    .post("/api/v1/members/{id}/tokens", ana.id()).statusCode()
                            : () -> as(ana.token()).body(Map.of("name", "mine")).post("/api/v1/me/tokens")
                                    .statusCode());
                }
                List<Integer> statuses = race.run(requests);

                String seen = "round " + round + ": " + statuses;
                assertEquals(free, statuses.stream().filter(s -> s == 201).count(), seen);
                assertEquals(contenders - free, statuses.stream().filter(s -> s == 422).count(), seen);
                assertEquals(cap, invariants.liveTokens(ana.id()), seen);
            }
        }
    }
}
