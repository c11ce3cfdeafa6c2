package org.learninglog.thread;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.learninglog.Api.as;
import static org.learninglog.Api.badRequestAs;
import static org.learninglog.Api.field;
import static org.learninglog.Api.pageThrough;
import static org.learninglog.thread.Threads.question;
import static org.learninglog.thread.Threads.reply;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;
import org.learninglog.entry.Entries;
import org.learninglog.time.MutableClock;

import io.quarkus.test.junit.QuarkusTest;

/** A thread's replies and the questions feed, walked page by page: every item once, in order, also when times tie. */
@QuarkusTest
class ThreadPagingTest {

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    TestMember ana;
    List<TestMember> peers;
    UUID groupId;

    @BeforeEach
    void setUp() {
        clock.set(Entries.TUESDAY_W48);
        ana = data.member("Ana");
        peers = List.of(data.member("Ben"), data.member("Cleo"), data.member("Dan"), data.member("Eve"));
        groupId = data.group("Paging " + TestData.suffix(), ana, peers.toArray(TestMember[]::new));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldPageRepliesOldestFirstAndTiesByIdWithoutRepeatsOrGaps() {
        String entryId = question(ana, groupId);
        List<String> replies = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            replies.add(reply(peers.get(i % peers.size()), entryId, "Reply " + i));
        }
        // All at the same instant: the id decides, as the database orders uuids (by their bytes).
        replies.sort(Comparator.naturalOrder());

        assertEquals(replies, field("id", pageThrough(ana.token(), 2, "/api/v1/entries/{id}/replies", entryId)));
    }

    @Test
    void shouldPageTheQuestionsNewestFirstAndWaitingOnesFirst() {
        List<String> questions = new ArrayList<>();
        for (TestMember peer : peers) {
            questions.add(question(peer, groupId));
        }
        List<String> replied = questions.subList(0, 2).stream().sorted().toList();
        for (String entryId : replied) {
            reply(ana, entryId, "An answer");
        }
        List<String> unreplied = questions.subList(2, 4).stream().sorted().toList();

        assertEquals(questions.stream().sorted(Comparator.reverseOrder()).toList(),
                field("entryId", pageThrough(ana.token(), 1, "/api/v1/questions?groupId=" + groupId)));
        assertEquals(Stream.concat(unreplied.stream(), replied.stream()).toList(),
                field("entryId", pageThrough(ana.token(), 1, "/api/v1/questions?sort=WAITING&groupId=" + groupId)));
    }

    @Test
    void shouldRefuseACursorOfTheOtherSort() {
        question(peers.get(0), groupId);
        question(peers.get(1), groupId);
        String newest = as(ana.token()).queryParam("limit", 1).queryParam("groupId", groupId.toString())
                .get("/api/v1/questions").then().statusCode(200).extract().path("nextCursor");

        badRequestAs(ana.token()).queryParam("sort", "WAITING").queryParam("cursor", newest)
                .get("/api/v1/questions").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }
}
