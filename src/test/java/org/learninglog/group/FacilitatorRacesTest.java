package org.learninglog.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.learninglog.Api.as;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.learninglog.Invariants;
import org.learninglog.Race;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A group with members keeps at least one facilitator whatever the interleaving: the two facilitators of a group
 * (and an administrator) remove and demote each other and themselves at once, round after round, against the real
 * PostgreSQL; afterwards every group of the test still has a facilitator.
 */
@QuarkusTest
class FacilitatorRacesTest {

    private static final int ROUNDS = 3;

    @Inject
    TestData data;

    @Inject
    Invariants invariants;

    /** What a contender does in a group to a member of it, answering the HTTP status. */
    private enum Move {
        REMOVE, DEMOTE;

        int by(TestMember actor, UUID group, TestMember target) {
            return this == REMOVE
                    ? as(actor.token()).delete("/api/v1/groups/{id}/members/{memberId}", group, target.id())
                            .statusCode()
                    : as(actor.token()).body(Map.of("role", "MEMBER"))
                            .patch("/api/v1/groups/{id}/members/{memberId}", group, target.id()).statusCode();
        }
    }

    @Test
    void shouldKeepAFacilitatorWhenTwoFacilitatorsRemoveOrDemoteEachOtherAtOnce() throws Exception {
        List<UUID> groups = new ArrayList<>();
        try (Race race = new Race(2)) {
            for (Move fays : Move.values()) {
                for (Move guss : Move.values()) {
                    for (int round = 0; round < ROUNDS; round++) {
                        TestMember fay = data.member("Fay");
                        TestMember gus = data.member("Gus");
                        UUID group = data.group("Two facilitators " + TestData.suffix(), fay, data.member("Ana"));
                        data.join(group, gus, Membership.Role.FACILITATOR);
                        groups.add(group);

                        List<Integer> statuses = race.run(List.<Callable<Integer>>of(
                                () -> fays.by(fay, group, gus),
                                () -> guss.by(gus, group, fay)));

                        String seen = fays + " / " + guss + " round " + round + ": " + statuses;
                        assertEquals(1, invariants.facilitators(group), seen);
                        assertEquals(1, statuses.stream().filter(s -> s == 200 || s == 204).count(), seen);
                        // The one served second is no longer a facilitator (403) or no longer in the group (404).
                        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 204 || s == 403 || s == 404),
                                seen);
                    }
                }
            }
        }
        assertEquals(List.of(), invariants.groupsWithMembersButNoFacilitator(groups));
    }

    @Test
    void shouldKeepAFacilitatorWhenBothStepDownAtOnceWhileAnAdministratorRemovesOrDemotesOne() throws Exception {
        List<UUID> groups = new ArrayList<>();
        TestMember admin = data.admin();
        try (Race race = new Race(3)) {
            for (Move own : Move.values()) {
                for (Move administrators : Move.values()) {
                    for (int round = 0; round < ROUNDS; round++) {
                        TestMember fay = data.member("Fay");
                        TestMember gus = data.member("Gus");
                        UUID group = data.group("Stepping down " + TestData.suffix(), fay, data.member("Ana"));
                        data.join(group, gus, Membership.Role.FACILITATOR);
                        groups.add(group);
                        TestMember target = round % 2 == 0 ? fay : gus;

                        List<Integer> statuses = race.run(List.<Callable<Integer>>of(
                                () -> own.by(fay, group, fay),
                                () -> own.by(gus, group, gus),
                                () -> administrators.by(admin, group, target)));

                        String seen = own + " themselves, administrator " + administrators + " round " + round + ": "
                                + statuses;
                        assertEquals(1, invariants.facilitators(group), seen);
                        assertTrue(statuses.stream().anyMatch(s -> s == 200 || s == 204), seen);
                        // Whoever is served once one facilitator is left and would take that one away gets 422.
                        assertTrue(statuses.stream().anyMatch(s -> s == 422), seen);
                        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 204 || s == 403 || s == 404
                                || s == 422), seen);
                    }
                }
            }
        }
        assertEquals(List.of(), invariants.groupsWithMembersButNoFacilitator(groups));
    }
}
