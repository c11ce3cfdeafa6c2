package org.learninglog.search;

import static org.learninglog.Api.as;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;
import org.learninglog.entry.Entries;

/** Posting what the group's memory is made of, through the API. */
final class Memory {

    private Memory() {
    }

    /** Ana, Ben and Cleo in one group (managers); Otto, the outsider, alone in another (elsewhere). */
    record Groups(TestMember ana, TestMember ben, TestMember cleo, TestMember outsider, UUID managers,
            UUID elsewhere) {

        static Groups of(TestData data) {
            TestMember ana = data.member("Ana");
            TestMember ben = data.member("Ben");
            TestMember cleo = data.member("Cleo");
            TestMember outsider = data.member("Otto");
            return new Groups(ana, ben, cleo, outsider, data.group("Managers " + TestData.suffix(), ana, ben, cleo),
                    data.group("Elsewhere " + TestData.suffix(), outsider));
        }
    }

    /** The member's entry for the current week; returns its id. */
    static String entry(TestMember author, UUID groupId, String tried, String failed, String question,
            List<String> tags) {
        return as(author.token()).body(Entries.entry(tried, failed, question, tags))
                .put("/api/v1/groups/{g}/weeks/current/entries/me", groupId)
                .then().statusCode(201).extract().path("id");
    }

    static String reply(TestMember replier, String entryId, String body) {
        return as(replier.token()).body(Map.of("body", body)).post("/api/v1/entries/{id}/replies", entryId)
                .then().statusCode(201).extract().path("id");
    }

    static void accept(TestMember asker, String entryId, String replyId) {
        as(asker.token()).body(Map.of("replyId", replyId)).put("/api/v1/entries/{id}/answer", entryId).then()
                .statusCode(200);
    }

    static void language(TestMember facilitator, UUID groupId, String language) {
        as(facilitator.token()).body(Map.of("language", language)).patch("/api/v1/groups/{id}", groupId).then()
                .statusCode(200);
    }
}
