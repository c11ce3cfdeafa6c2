package org.learninglog.thread;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.learninglog.Api.as;
import static org.learninglog.Api.badRequestAs;
import static org.learninglog.thread.Threads.question;
import static org.learninglog.thread.Threads.reply;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;
import org.learninglog.entry.Entries;
import org.learninglog.time.MutableClock;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class QuestionsTest {

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    TestMember ana;
    TestMember ben;
    TestMember cleo;
    UUID managers;
    UUID buyers;
    String answered;
    String replied;
    String waiting;

    @BeforeEach
    void setUp() {
        clock.set(Entries.TUESDAY_W48);
        ana = data.member("Ana");
        ben = data.member("Ben");
        cleo = data.member("Cleo");
        managers = data.group("Managers " + TestData.suffix(), ana, ben, cleo);
        buyers = data.group("Buyers " + TestData.suffix(), ana, ben);
        answered = question(ana, managers);
        clock.advance(Duration.ofMinutes(10));
        replied = question(ben, managers);
        clock.advance(Duration.ofMinutes(10));
        waiting = question(ana, buyers);
        clock.advance(Duration.ofMinutes(10));
        String answer = reply(ben, answered, "Pool the orders");
        as(ana.token()).body(Map.of("replyId", answer)).put("/api/v1/entries/{id}/answer", answered).then()
                .statusCode(200);
        reply(ana, replied, "Try a longer contract");
    }

    @Test
    void shouldListQuestionsOfMyGroupsNewestFirst() {
        as(ana.token()).get("/api/v1/questions").then().statusCode(200)
                .body("items.entryId", equalTo(List.of(waiting, replied, answered)))
                .body("items.status", equalTo(List.of("OPEN", "OPEN", "ANSWERED")))
                .body("items.replyCount", equalTo(List.of(0, 1, 1)))
                .body("items[0].groupName", equalTo(buyersName()))
                .body("items[0].question", equalTo("Has anyone found a workaround?"))
                .body("items[1].firstReplyAt", equalTo("2026-11-24T10:30:00Z"));
        as(cleo.token()).get("/api/v1/questions").then().statusCode(200)
                .body("items.entryId", equalTo(List.of(replied, answered)));
    }

    @Test
    void shouldFilterByStatusAndGroup() {
        as(ana.token()).get("/api/v1/questions?status=OPEN").then().body("items.entryId",
                equalTo(List.of(waiting, replied)));
        as(ana.token()).get("/api/v1/questions?status=ANSWERED").then().body("items.entryId",
                equalTo(List.of(answered)));
        as(ana.token()).queryParam("groupId", managers.toString()).get("/api/v1/questions").then()
                .body("items.entryId", equalTo(List.of(replied, answered)));
        badRequestAs(cleo.token()).queryParam("groupId", buyers.toString()).get("/api/v1/questions").then()
                .statusCode(404);
        badRequestAs(ana.token()).get("/api/v1/questions?status=closed").then().statusCode(400)
                .body("errors.field", hasItem("status"));
        // The lower case of before is refused like any other value; NONE is a status, but no question has it.
        for (String refused : List.of("answered", "NONE")) {
            badRequestAs(ana.token()).queryParam("status", refused).get("/api/v1/questions").then().statusCode(400)
                    .body("errors.field", hasItem("status"));
        }
        badRequestAs(ana.token()).queryParam("sort", "waiting").get("/api/v1/questions").then().statusCode(400)
                .body("errors.field", hasItem("sort"));
    }

    @Test
    void shouldPutTheLongestWaitingQuestionWithoutAReplyFirst() {
        TestMember dan = data.member("Dan");
        data.group("Solo " + TestData.suffix(), dan);
        as(ana.token()).get("/api/v1/questions?sort=WAITING&status=OPEN").then()
                .body("items.entryId", equalTo(List.of(waiting, replied)));
        as(ana.token()).get("/api/v1/questions?sort=WAITING").then()
                .body("items.entryId", equalTo(List.of(waiting, answered, replied)));
        String next = as(ana.token()).get("/api/v1/questions?sort=WAITING&limit=1").then()
                .body("items", hasSize(1)).extract().path("nextCursor");
        as(ana.token()).queryParam("cursor", next).get("/api/v1/questions?sort=WAITING&limit=2").then()
                .body("items.entryId", equalTo(List.of(answered, replied))).body("nextCursor", equalTo(null));
    }

    @Test
    void shouldLeaveRemovedEntriesOut() {
        String id = question(cleo, buyersOf(cleo));
        as(cleo.token()).header("If-Match", "\"1\"").delete("/api/v1/entries/{id}", id).then().statusCode(204);
        as(cleo.token()).get("/api/v1/questions").then().body("items.entryId", equalTo(List.of(replied, answered)));
    }

    private UUID buyersOf(TestMember member) {
        return data.group("Cleo's " + TestData.suffix(), member);
    }

    private String buyersName() {
        return as(ana.token()).get("/api/v1/groups/{g}", buyers).then().extract().path("name");
    }
}
