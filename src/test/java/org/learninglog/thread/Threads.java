package org.learninglog.thread;

import static org.learninglog.Api.as;

import java.util.Map;
import java.util.UUID;

import org.learninglog.TestData.TestMember;
import org.learninglog.entry.Entries;

/** Small factories for threads, through the API. */
final class Threads {

    private Threads() {
    }

    /** An entry with a question, posted by the member for the current week. */
    static String question(TestMember author, UUID groupId) {
        return as(author.token()).body(Entries.packagingEntry())
                .put("/api/v1/groups/{g}/weeks/current/entries/me", groupId)
                .then().statusCode(201).extract().path("id");
    }

    static String reply(TestMember replier, String entryId, String body) {
        return as(replier.token()).body(Map.of("body", body)).post("/api/v1/entries/{id}/replies", entryId)
                .then().statusCode(201).extract().path("id");
    }
}
