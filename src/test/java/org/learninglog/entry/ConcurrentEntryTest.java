package org.learninglog.entry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.learninglog.Api.as;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;
import org.learninglog.time.MutableClock;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ConcurrentEntryTest {

    static final int REQUESTS = 20;

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    @Inject
    EntityManager entityManager;

    @Test
    void shouldKeepOneEntryWhenTwentyPutsRace() throws Exception {
        clock.set(Entries.TUESDAY_W48);
        TestMember ana = data.member("Ana");
        UUID groupId = data.group("Race " + TestData.suffix(), ana);

        ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            int attempt = i;
            statuses.add(pool.submit(() -> {
                start.await();
                return as(ana.token()).body(Map.of("tried", "Attempt " + attempt, "failed", "Race"))
                        .put("/api/v1/groups/{g}/weeks/current/entries/me", groupId).statusCode();
            }));
        }
        start.countDown();
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            codes.add(status.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertTrue(codes.stream().allMatch(code -> code == 200 || code == 201), "every answer a 2xx: " + codes);
        assertEquals(1, codes.stream().filter(code -> code == 201).count(), "exactly one created: " + codes);
        assertEquals(1L, ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM entry WHERE group_id = ?1 AND member_id = ?2")
                .setParameter(1, groupId).setParameter(2, ana.id()).getSingleResult()).longValue());
        assertEquals((long) REQUESTS, ((Number) entityManager.createNativeQuery(
                "SELECT max(r.version) FROM entry_revision r JOIN entry e ON e.id = r.entry_id WHERE e.group_id = ?1")
                .setParameter(1, groupId).getSingleResult()).longValue(), "every put recorded as one version");
    }
}
