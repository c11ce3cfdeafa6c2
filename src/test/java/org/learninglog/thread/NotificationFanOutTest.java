package org.learninglog.thread;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.learninglog.Api.as;
import static org.learninglog.thread.Threads.question;
import static org.learninglog.thread.Threads.reply;

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
class NotificationFanOutTest {

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    TestMember asker;
    TestMember replier;
    TestMember follower;
    TestMember bystander;
    UUID groupId;
    String entryId;

    @BeforeEach
    void setUp() {
        clock.set(Entries.TUESDAY_W48);
        asker = data.member("Asker");
        replier = data.member("Replier");
        follower = data.member("Follower");
        bystander = data.member("Bystander");
        groupId = data.group("Fan-out " + TestData.suffix(), asker);
        entryId = question(asker, groupId);
        // They join after the question was asked, so only the thread's news reaches them, not the question's.
        for (TestMember member : List.of(replier, follower, bystander)) {
            data.join(groupId, member, org.learninglog.group.Membership.Role.MEMBER);
        }
    }

    @Test
    void shouldTellTheAskerAndFollowersButNotTheReplierNorBystanders() {
        as(follower.token()).put("/api/v1/entries/{id}/follow", entryId).then().statusCode(204);
        String replyId = reply(replier, entryId, "Pool the orders");

        as(asker.token()).get("/api/v1/me/notifications").then().statusCode(200)
                .body("unreadCount", equalTo(1))
                .body("items.kind", equalTo(List.of("REPLY_ON_MY_ENTRY")))
                .body("items[0].entryId", equalTo(entryId))
                .body("items[0].replyId", equalTo(replyId))
                .body("items[0].actor.displayName", equalTo("Replier"))
                .body("items[0].read", equalTo(false));
        as(follower.token()).get("/api/v1/me/notifications").then()
                .body("items.kind", equalTo(List.of("REPLY_ON_FOLLOWED_THREAD")));
        as(replier.token()).get("/api/v1/me/notifications").then().body("items", hasSize(0)).body("unreadCount",
                equalTo(0));
        as(bystander.token()).get("/api/v1/me/notifications").then().body("items", hasSize(0));
    }

    @Test
    void shouldTellEarlierRepliersAboutLaterReplies() {
        reply(replier, entryId, "First answer");
        reply(follower, entryId, "Second answer");
        as(replier.token()).get("/api/v1/me/notifications").then()
                .body("items.kind", equalTo(List.of("REPLY_ON_FOLLOWED_THREAD")))
                .body("items[0].actor.displayName", equalTo("Follower"));
        as(asker.token()).get("/api/v1/me/notifications").then().body("unreadCount", equalTo(2));
    }

    @Test
    void shouldNotTellThoseWhoUnfollowedEvenAfterTheyReplyAgain() {
        reply(replier, entryId, "First answer");
        as(replier.token()).delete("/api/v1/entries/{id}/follow", entryId).then().statusCode(204);
        reply(replier, entryId, "One more thought");
        as(asker.token()).delete("/api/v1/entries/{id}/follow", entryId).then().statusCode(204);
        reply(follower, entryId, "Late answer");
        as(replier.token()).get("/api/v1/me/notifications").then().body("items", hasSize(0));
        as(asker.token()).get("/api/v1/me/notifications").then().body("unreadCount", equalTo(2));
    }

    @Test
    void shouldNotTellDeactivatedMembersNorMembersWhoLeftTheGroup() {
        as(follower.token()).put("/api/v1/entries/{id}/follow", entryId).then().statusCode(204);
        as(bystander.token()).put("/api/v1/entries/{id}/follow", entryId).then().statusCode(204);
        TestMember admin = data.admin();
        as(admin.token()).body(Map.of("active", false)).patch("/api/v1/members/{id}", follower.id()).then()
                .statusCode(200);
        as(admin.token()).delete("/api/v1/groups/{g}/members/{m}", groupId, bystander.id()).then().statusCode(204);
        reply(replier, entryId, "Pool the orders");
        as(bystander.token()).get("/api/v1/me/notifications").then().body("items", hasSize(0));
        as(asker.token()).get("/api/v1/me/notifications").then().body("unreadCount", equalTo(1));
    }

    @Test
    void shouldNotTellMembersOfOtherGroups() {
        TestMember elsewhere = data.member("Elsewhere");
        data.group("Other " + TestData.suffix(), elsewhere);
        reply(replier, entryId, "Pool the orders");
        as(elsewhere.token()).get("/api/v1/me/notifications").then().body("items", hasSize(0));
    }

    @Test
    void shouldTellTheReplierWhenTheirAnswerIsAcceptedButNotTheAcceptor() {
        String replyId = reply(replier, entryId, "Pool the orders");
        as(asker.token()).body(Map.of("replyId", replyId)).put("/api/v1/entries/{id}/answer", entryId).then()
                .statusCode(200);
        as(replier.token()).get("/api/v1/me/notifications").then()
                .body("items.kind", equalTo(List.of("ANSWER_ACCEPTED")))
                .body("items[0].actor.displayName", equalTo("Asker"));
        as(asker.token()).get("/api/v1/me/notifications?unread=true").then()
                .body("items.kind", equalTo(List.of("REPLY_ON_MY_ENTRY")));
    }

    @Test
    void shouldMarkNotificationsRead() {
        reply(replier, entryId, "First");
        clock.advance(java.time.Duration.ofMinutes(1));
        reply(follower, entryId, "Second");
        String firstId = as(asker.token()).get("/api/v1/me/notifications").then().extract().path("items[1].id");
        as(asker.token()).body(Map.of("ids", List.of(firstId))).post("/api/v1/me/notifications/read").then()
                .statusCode(200).body("unreadCount", equalTo(1));
        as(asker.token()).get("/api/v1/me/notifications?unread=true").then().body("items", hasSize(1))
                .body("items[0].actor.displayName", equalTo("Follower"));
        // Someone else's notification ids change nothing of theirs.
        as(replier.token()).body(Map.of()).post("/api/v1/me/notifications/read").then().body("unreadCount", equalTo(0));
        as(asker.token()).get("/api/v1/me/notifications").then().body("unreadCount", equalTo(1));
        as(asker.token()).body(Map.of()).post("/api/v1/me/notifications/read").then().body("unreadCount", equalTo(0));
    }

    @Test
    void shouldPageNotificationsNewestFirst() {
        for (int i = 0; i < 3; i++) {
            clock.advance(java.time.Duration.ofMinutes(1));
            reply(replier, entryId, "Reply " + i);
        }
        String next = as(asker.token()).queryParam("limit", 2).get("/api/v1/me/notifications").then()
                .body("items", hasSize(2)).body("unreadCount", equalTo(3)).extract().path("nextCursor");
        as(asker.token()).queryParam("limit", 2).queryParam("cursor", next).get("/api/v1/me/notifications").then()
                .body("items", hasSize(1)).body("nextCursor", equalTo(null));
    }
}
