package org.learninglog.search;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.learninglog.Api.as;
import static org.learninglog.Api.badRequestAs;
import static org.learninglog.search.Memory.accept;
import static org.learninglog.search.Memory.entry;
import static org.learninglog.search.Memory.language;
import static org.learninglog.search.Memory.reply;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;
import org.learninglog.entry.Entries;
import org.learninglog.time.MutableClock;

import io.quarkus.test.junit.QuarkusTest;

/** The questions feed with words, tags and answers; a group's tags; "has anyone asked this before?". */
@QuarkusTest
class GroupMemoryTest {

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    @Inject
    SessionFactory sessions;

    TestMember ana;
    TestMember ben;
    TestMember cleo;
    TestMember outsider;
    UUID managers;
    UUID elsewhere;
    String labels;
    String labelsAnswer;
    String crates;

    @BeforeEach
    void setUp() {
        clock.set(Entries.TUESDAY_W48);
        Memory.Groups groups = Memory.Groups.of(data);
        ana = groups.ana();
        ben = groups.ben();
        cleo = groups.cleo();
        outsider = groups.outsider();
        managers = groups.managers();
        elsewhere = groups.elsewhere();
        labels = entry(ana, managers, "Asked suppliers for recycling labels", "They want a surcharge",
                "How do I get suppliers to print recycling labels for free?", List.of("packaging", "suppliers"));
        labelsAnswer = reply(ben, labels, "Put the labels into the yearly tender, then nobody charges extra");
        accept(ana, labels, labelsAnswer);
        clock.advance(Duration.ofMinutes(5));
        crates = entry(ben, managers, "Returnable crates in two stores", "Crates went missing",
                "Who tracks returnable crates?", List.of("packaging"));
        clock.advance(Duration.ofMinutes(5));
        entry(cleo, managers, "Motion sensors", "They miss people", null, List.of("energy"));
        entry(outsider, elsewhere, "Our secret supplier labels", "None", "Labels from suppliers?",
                List.of("packaging", "secret"));
    }

    @Test
    void shouldFilterTheQuestionsFeedByWordsAndTagWithTheAcceptedAnswerInline() {
        as(cleo.token()).queryParam("q", "recycling labels").get("/api/v1/questions").then().statusCode(200)
                .body("items.entryId", equalTo(List.of(labels)))
                .body("items[0].acceptedAnswer.replyId", equalTo(labelsAnswer))
                .body("items[0].acceptedAnswer.author.displayName", equalTo("Ben"))
                .body("items[0].acceptedAnswer.excerpt",
                        equalTo("Put the labels into the yearly tender, then nobody charges extra"))
                .body("items[0].tags", equalTo(List.of("packaging", "suppliers")));
        // Words of the thread find the question too.
        as(cleo.token()).queryParam("q", "tender").get("/api/v1/questions").then()
                .body("items.entryId", equalTo(List.of(labels)));
        as(cleo.token()).queryParam("tag", "packaging").get("/api/v1/questions").then()
                .body("items.entryId", equalTo(List.of(crates, labels)))
                .body("items[0].acceptedAnswer", nullValue());
        as(cleo.token()).queryParam("tag", "secret").get("/api/v1/questions").then().body("items", empty());
        as(cleo.token()).queryParam("q", "secret").get("/api/v1/questions").then().body("items", empty());
        badRequestAs(cleo.token()).queryParam("q", "\"-\"").get("/api/v1/questions").then().statusCode(400)
                .body("errors.field", hasItem("q"));
    }

    @Test
    void shouldListTheAcceptedAnswersOfAPageInOneStatement() {
        for (TestMember member : List.of(ana, ben, cleo)) {
            clock.advance(Duration.ofDays(7));
            String asked = entry(member, managers, "Tried " + member.name(), "Failed", "Question?", List.of());
            accept(member, asked, reply(member == ana ? ben : ana, asked, "An answer for " + member.name()));
        }
        Statistics statistics = sessions.getStatistics();
        statistics.clear();
        as(cleo.token()).queryParam("status", "ANSWERED").get("/api/v1/questions").then().statusCode(200)
                .body("items.size()", equalTo(4));
        long perPage = statistics.getPrepareStatementCount();
        as(cleo.token()).queryParam("status", "ANSWERED").queryParam("limit", 1).get("/api/v1/questions").then()
                .statusCode(200);
        assertEquals(perPage, statistics.getPrepareStatementCount() - perPage, "statements do not grow with items");
    }

    @Test
    void shouldListAGroupsTagsWithCounts() {
        as(cleo.token()).get("/api/v1/groups/{id}/tags", managers).then().statusCode(200)
                .body("items.tag", equalTo(List.of("packaging", "energy", "suppliers")))
                .body("items.count", equalTo(List.of(2, 1, 1)));
        as(cleo.token()).queryParam("limit", 1).get("/api/v1/groups/{id}/tags", managers).then()
                .body("items.tag", equalTo(List.of("packaging")));
        List<String> walked = org.learninglog.Api.field("tag",
                org.learninglog.Api.pageThrough(cleo.token(), 1, "/api/v1/groups/{id}/tags", managers));
        assertEquals(List.of("packaging", "energy", "suppliers"), walked);
        badRequestAs(cleo.token()).get("/api/v1/groups/{id}/tags", elsewhere).then().statusCode(404);
        badRequestAs(data.admin().token()).get("/api/v1/groups/{id}/tags", managers).then().statusCode(404);
    }

    @Test
    void shouldFindSimilarEarlierQuestionsWithTheirAcceptedAnswers() {
        as(cleo.token()).queryParam("groupId", managers.toString())
                .queryParam("text", "Can a supplier print the recycling label without charging?")
                .get("/api/v1/questions/similar").then().statusCode(200)
                .body("items[0].entryId", equalTo(labels))
                .body("items[0].status", equalTo("ANSWERED"))
                .body("items[0].acceptedAnswer.replyId", equalTo(labelsAnswer))
                .body("items.entryId", org.hamcrest.Matchers.not(hasItem(crates)));
        as(cleo.token()).queryParam("groupId", managers.toString()).queryParam("text", "crates")
                .queryParam("limit", 1).get("/api/v1/questions/similar").then()
                .body("items.entryId", equalTo(List.of(crates))).body("items[0].acceptedAnswer", nullValue());
        as(cleo.token()).queryParam("groupId", managers.toString()).queryParam("text", "the of and")
                .get("/api/v1/questions/similar").then().statusCode(200).body("items", empty());
    }

    @Test
    void shouldKeepSimilarQuestionsToTheCallersGroup() {
        badRequestAs(ana.token()).queryParam("groupId", elsewhere.toString()).queryParam("text", "labels")
                .get("/api/v1/questions/similar").then().statusCode(404);
        as(outsider.token()).queryParam("groupId", elsewhere.toString()).queryParam("text", "recycling labels")
                .get("/api/v1/questions/similar").then().body("items.entryId",
                        org.hamcrest.Matchers.not(hasItem(labels)));
        badRequestAs(ana.token()).queryParam("groupId", managers.toString()).get("/api/v1/questions/similar").then()
                .statusCode(400).body("errors.field", hasItem("text"));
        badRequestAs(ana.token()).queryParam("groupId", managers.toString()).queryParam("text", "?!")
                .get("/api/v1/questions/similar").then().statusCode(400).body("errors.field", hasItem("text"));
    }

    @Test
    void shouldFindSimilarQuestionsInTheGroupsLanguage() {
        language(ana, managers, "de");
        clock.advance(Duration.ofDays(7));
        String german = entry(cleo, managers, "Mit Lieferanten gesprochen", "Zu teuer",
                "Welcher Lieferant druckt Recyclingetiketten?", List.of());
        as(ben.token()).queryParam("groupId", managers.toString()).queryParam("text", "Kennt jemand einen Lieferanten?")
                .get("/api/v1/questions/similar").then().body("items[0].entryId", equalTo(german));
    }
}
