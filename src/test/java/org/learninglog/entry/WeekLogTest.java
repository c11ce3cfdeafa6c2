package org.learninglog.entry;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.learninglog.Api.as;
import static org.learninglog.entry.Entries.packagingEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;
import org.learninglog.time.MutableClock;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class WeekLogTest {

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    @Inject
    EntityManagerFactory entityManagerFactory;

    @BeforeEach
    void setUp() {
        clock.set(Entries.TUESDAY_W48);
    }

    @Test
    void shouldShowWhoPostedWhoHasNotAndWhoIsAway() {
        TestMember ana = data.member("Ana");
        TestMember ben = data.member("Ben");
        TestMember cleo = data.member("Cleo");
        TestMember dan = data.member("Dan");
        UUID groupId = data.group("Managers " + TestData.suffix(), ana, ben, cleo, dan);
        as(dan.token()).body(Map.of("awayUntil", "2026-12-07")).patch("/api/v1/me").then().statusCode(200);
        as(ana.token()).body(packagingEntry()).put("/api/v1/groups/{g}/weeks/current/entries/me", groupId)
                .then().statusCode(201);
        as(ben.token()).body(packagingEntry()).put("/api/v1/groups/{g}/weeks/2026-W48/entries/me", groupId)
                .then().statusCode(201);

        as(cleo.token()).get("/api/v1/groups/{g}/weeks/current/entries", groupId).then().statusCode(200)
                .body("week", equalTo("2026-W48"))
                .body("memberCount", equalTo(4))
                .body("postedCount", equalTo(2))
                .body("entries.author.displayName", containsInAnyOrder("Ana", "Ben"))
                .body("entries[0].replyCount", equalTo(0))
                .body("entries[0].questionStatus", equalTo("OPEN"))
                .body("notPosted.displayName", equalTo(List.of("Cleo")))
                .body("away.displayName", equalTo(List.of("Dan")))
                .body("away[0].awayUntil", equalTo("2026-12-07"));
        as(cleo.token()).get("/api/v1/groups/{g}/weeks/2026-W47/entries", groupId).then().statusCode(200)
                .body("entries", hasSize(0)).body("notPosted", hasSize(3));
    }

    @Test
    void shouldReadAWeekWithoutLoadingEntitiesWhateverItsSize() {
        // The log is one JDBC statement whose JSON PostgreSQL builds (decision 113); bench/run.sh counts its SQL.
        // Any statement through Hibernate here means the entity read path (and its per-size cost) came back.
        assertEquals(0, statementsToReadAWeekOf(2), "Hibernate statements for a week of 2 entries");
        assertEquals(0, statementsToReadAWeekOf(12), "Hibernate statements for a week of 12 entries");
    }

    private long statementsToReadAWeekOf(int posting) {
        List<TestMember> members = new ArrayList<>();
        for (int i = 0; i < posting; i++) {
            members.add(data.member("Poster " + i));
        }
        UUID groupId = data.group("Statement count " + TestData.suffix(), null, members.toArray(TestMember[]::new));
        for (TestMember member : members) {
            as(member.token()).body(packagingEntry()).put("/api/v1/groups/{g}/weeks/current/entries/me", groupId)
                    .then().statusCode(201);
        }
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        // Once to warm up token last-used bookkeeping, then measured.
        as(members.get(0).token()).get("/api/v1/groups/{g}/weeks/current/entries", groupId).then().statusCode(200);
        long before = statistics.getPrepareStatementCount();
        as(members.get(0).token()).get("/api/v1/groups/{g}/weeks/current/entries", groupId).then().statusCode(200)
                .body("entries", hasSize(posting));
        return statistics.getPrepareStatementCount() - before;
    }

}
