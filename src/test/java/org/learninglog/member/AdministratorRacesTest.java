package org.learninglog.member;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.learninglog.Api.as;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.learninglog.Invariants;
import org.learninglog.Race;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;
import org.learninglog.api.ProblemException;
import org.learninglog.identity.Actor;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The service keeps at least one active administrator whatever the interleaving: real requests race against the
 * real PostgreSQL, round after round, with the two racing administrators the only ones there are.
 */
@QuarkusTest
class AdministratorRacesTest {

    private static final int ROUNDS = 12;

    @Inject
    TestData data;

    @Inject
    Administrators administrators;

    @Inject
    Invariants invariants;

    @Inject
    MemberService members;

    private final List<UUID> demoted = new ArrayList<>();

    @AfterEach
    void giveTheOtherAdministratorsTheirRoleBack() {
        administrators.restore(demoted);
        demoted.clear();
    }

    @Test
    void shouldKeepAnAdministratorWhenTheLastTwoDemoteOrDeactivateEachOtherAtOnce() throws Exception {
        List<Map<String, Object>> changes = List.of(Map.of("role", "MEMBER"), Map.of("active", false),
                Map.of("role", "MEMBER", "active", false));
        try (Race race = new Race(2)) {
            for (int round = 0; round < ROUNDS; round++) {
                TestMember ada = data.admin();
                TestMember bea = data.admin();
                demoted.addAll(administrators.keepOnly(ada.id(), bea.id()));
                Map<String, Object> adaDoes = changes.get(round % changes.size());
                Map<String, Object> beaDoes = changes.get((round / changes.size()) % changes.size());

                List<Callable<Integer>> contenders = List.of(
                        () -> as(ada.token()).body(adaDoes).patch("/api/v1/members/{id}", bea.id()).statusCode(),
                        () -> as(bea.token()).body(beaDoes).patch("/api/v1/members/{id}", ada.id()).statusCode());
                List<Integer> statuses = race.run(contenders);

                String seen = "round " + round + " " + adaDoes + " / " + beaDoes + ": " + statuses;
                assertEquals(1, invariants.activeAdministrators(), seen);
                assertEquals(1, statuses.stream().filter(s -> s == 200).count(), seen);
                // The loser is told why: no longer an administrator (401 when deactivated, 403 when demoted
                // before its request was authenticated) or the other is the last one left (422).
                assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 401 || s == 403 || s == 422), seen);
            }
        }
    }

    /** What a request authorised just before the other administrator's demotion committed finds under the lock. */
    @Test
    void shouldRefuseToDemoteTheLastActiveAdministratorSayingWhy() {
        TestMember ada = data.admin();
        TestMember bea = data.admin();
        demoted.addAll(administrators.keepOnly(ada.id(), bea.id()));
        members.change(new Actor(ada.id(), true), bea.id(),
                new MemberService.AdminChange(null, null, null, null, Member.Role.MEMBER, null));

        for (var change : List.of(new MemberService.AdminChange(null, null, null, null, Member.Role.MEMBER, null),
                new MemberService.AdminChange(null, null, null, null, null, false))) {
            // Bea's identity still says administrator: she was authenticated before her demotion.
            ProblemException problem = assertThrows(ProblemException.class,
                    () -> members.change(new Actor(bea.id(), true), ada.id(), change));

            assertEquals(422, problem.status());
            assertTrue(problem.getMessage().contains("is the last active administrator"), problem.getMessage());
        }
        assertEquals(1, invariants.activeAdministrators());
        as(ada.token()).get("/api/v1/me").then().statusCode(200).body("role", equalTo("ADMIN"));
    }

    /** Three administrators: one demoting the second while the second demotes the third. */
    @Test
    void shouldRefuseAnAdministratorDemotedWhileTheirRequestWaited() throws Exception {
        try (Race race = new Race(2)) {
            for (int round = 0; round < ROUNDS / 2; round++) {
                TestMember ada = data.admin();
                TestMember bea = data.admin();
                TestMember cem = data.admin();
                demoted.addAll(administrators.keepOnly(ada.id(), bea.id(), cem.id()));

                List<Integer> statuses = race.run(List.of(
                        () -> as(ada.token()).body(Map.of("role", "MEMBER")).patch("/api/v1/members/{id}", bea.id())
                                .statusCode(),
                        () -> as(bea.token()).body(Map.of("role", "MEMBER")).patch("/api/v1/members/{id}", cem.id())
                                .statusCode()));

                String seen = "round " + round + ": " + statuses;
                assertEquals(200, statuses.get(0), seen);
                long admins = invariants.activeAdministrators();
                // Bea's demotion of Cem counts only if it was served before her own.
                assertEquals(statuses.get(1) == 200 ? 1 : 2, admins, seen);
                assertTrue(statuses.get(1) == 200 || statuses.get(1) == 403, seen);
            }
        }
    }
}
