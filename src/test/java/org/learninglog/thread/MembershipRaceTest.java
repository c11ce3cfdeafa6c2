package org.learninglog.thread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.learninglog.Api.as;
import static org.learninglog.thread.Threads.question;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learninglog.Race;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;
import org.learninglog.entry.Entries;
import org.learninglog.time.MutableClock;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A member removed from a group while they post: what they write is stored before the removal, or refused after it;
 * never stored in a group they are no longer in.
 */
@QuarkusTest
class MembershipRaceTest {

    static final int ROUNDS = 12;

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    @Inject
    ThreadInvariants invariants;

    @Inject
    AgroalDataSource dataSource;

    TestMember fay;
    TestMember asker;
    TestMember mo;

    @BeforeEach
    void setUp() {
        clock.set(Entries.TUESDAY_W48);
        fay = data.member("Facilitator");
        asker = data.member("Asker");
        mo = data.member("Mo");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldStoreNothingOfAMemberOnceTheirRemovalIsAnswered() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            UUID groupId = data.group("Removal race " + TestData.suffix(), fay, asker, mo);
            String entryId = question(asker, groupId);
            List<Callable<Object>> calls = new ArrayList<>();
            calls.add(() -> as(mo.token()).body(Entries.packagingEntry())
                    .put("/api/v1/groups/{g}/weeks/current/entries/me", groupId).statusCode());
            calls.add(() -> as(mo.token()).body(Map.of("body", "Pool the orders"))
                    .post("/api/v1/entries/{id}/replies", entryId).statusCode());
            calls.add(() -> {
                as(fay.token()).delete("/api/v1/groups/{g}/members/{m}", groupId, mo.id()).then().statusCode(204);
                return invariants.contentOf(mo.id(), groupId);
            });

            List<Object> results = Race.all(calls);

            assertTrue(Set.of(201, 404).contains(results.get(0)), "entry answered " + results.get(0));
            assertTrue(Set.of(201, 404).contains(results.get(1)), "reply answered " + results.get(1));
            long stored = results.stream().limit(2).filter(code -> code.equals(201)).count();
            assertEquals(stored, invariants.contentOf(mo.id(), groupId), "a 201 is stored, a 404 is not");
            assertEquals(results.get(2), invariants.contentOf(mo.id(), groupId),
                    "nothing stored after the removal was answered, round " + round);
            assertEquals(List.of(), invariants.violations(groupId), "round " + round);
        }
    }

    @Test
    void shouldMakePostsWaitForARemovalInProgressAndThenRefuseThem() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 4; round++) {
                UUID groupId = data.group("Removal in progress " + TestData.suffix(), fay, asker, mo);
                String entryId = question(asker, groupId);
                try (Connection removal = dataSource.getConnection()) {
                    removal.setAutoCommit(false);
                    String transaction = removeUncommitted(removal, groupId, mo.id());
                    Future<Integer> entry = pool.submit(() -> as(mo.token()).body(Entries.packagingEntry())
                            .put("/api/v1/groups/{g}/weeks/current/entries/me", groupId).statusCode());
                    Future<Integer> reply = pool.submit(() -> as(mo.token()).body(Map.of("body", "Pool the orders"))
                            .post("/api/v1/entries/{id}/replies", entryId).statusCode());
                    awaitWaiters(removal, transaction, 2, entry, reply);
                    removal.commit();

                    assertEquals(404, entry.get(60, TimeUnit.SECONDS), "the entry after the removal, round " + round);
                    assertEquals(404, reply.get(60, TimeUnit.SECONDS), "the reply after the removal, round " + round);
                }
                assertEquals(0, invariants.contentOf(mo.id(), groupId), "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Removes the membership as the group feature does, without committing; returns the transaction's id. */
    private static String removeUncommitted(Connection connection, UUID groupId, UUID memberId) throws Exception {
        try (PreparedStatement delete = connection
                .prepareStatement("DELETE FROM membership WHERE group_id = ? AND member_id = ?")) {
            delete.setObject(1, groupId);
            delete.setObject(2, memberId);
            assertEquals(1, delete.executeUpdate());
        }
        try (PreparedStatement id = connection.prepareStatement("SELECT transactionid::text FROM pg_locks"
                + " WHERE pid = pg_backend_pid() AND locktype = 'transactionid' AND granted");
                ResultSet row = id.executeQuery()) {
            assertTrue(row.next());
            return row.getString(1);
        }
    }

    /** Waits until the requests wait for the transaction's locks; fails when one is answered before. */
    private static void awaitWaiters(Connection connection, String transaction, int waiters, Future<?>... requests)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            for (Future<?> request : requests) {
                if (request.isDone()) {
                    fail("A request was answered (" + request.get() + ") while the removal was not committed");
                }
            }
            try (PreparedStatement waiting = connection.prepareStatement("SELECT count(*) FROM pg_locks"
                    + " WHERE locktype = 'transactionid' AND transactionid::text = ? AND NOT granted")) {
                waiting.setString(1, transaction);
                try (ResultSet row = waiting.executeQuery()) {
                    row.next();
                    if (row.getInt(1) >= waiters) {
                        return;
                    }
                }
            }
            Thread.sleep(10);
        }
        fail("The requests did not wait for the removal in progress");
    }
}
