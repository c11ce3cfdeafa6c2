package org.learninglog.search;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.learninglog.Api.as;
import static org.learninglog.Api.badRequestAs;
import static org.learninglog.search.Memory.accept;
import static org.learninglog.search.Memory.entry;
import static org.learninglog.search.Memory.reply;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;
import org.learninglog.entry.Entries;
import org.learninglog.time.MutableClock;

import io.quarkus.test.junit.QuarkusTest;

/** Who knows what: accepted answers by topic, within my groups, and beyond them only for those who opt in. */
@QuarkusTest
class ExpertsTest {

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    @Inject
    ExpertSuggestions suggestions;

    TestMember ana;
    TestMember ben;
    TestMember cleo;
    TestMember celina;
    TestMember otto;
    UUID managers;
    UUID buyers;

    @BeforeEach
    void setUp() {
        clock.set(Entries.TUESDAY_W48);
        ana = data.member("Ana");
        ben = data.member("Ben");
        cleo = data.member("Cleo");
        celina = data.member("Celina");
        otto = data.member("Otto");
        managers = data.group("Managers " + TestData.suffix(), ana, ben, cleo);
        buyers = data.group("Buyers " + TestData.suffix(), celina, otto);
        String crates = entry(cleo, managers, "Returnable crates", "Went missing", "Who tracks crates?",
                List.of("packaging"));
        accept(cleo, crates, reply(ben, crates, "Scan them at the gate"));
        String film = entry(otto, buyers, "Secret film trial", "Tore", "Which stretch film?",
                List.of("packaging", "film"));
        accept(otto, film, reply(celina, film, "The secret brand from the co-op"));
        String boxes = entry(celina, buyers, "Boxes", "Heavy", "Lighter boxes?", List.of("packaging"));
        accept(celina, boxes, reply(otto, boxes, "Corrugated twin wall"));
    }

    /** Whoever opted in stays visible to later tests' members: opt out again. */
    @org.junit.jupiter.api.AfterEach
    void optOut() {
        as(celina.token()).body(Map.of("shareExpertise", false)).patch("/api/v1/me").then().statusCode(200);
    }

    private void share(TestMember member, boolean share) {
        as(member.token()).body(Map.of("shareExpertise", share)).patch("/api/v1/me").then().statusCode(200)
                .body("shareExpertise", equalTo(share));
    }

    @Test
    void shouldListExpertsOfMyGroupsOnly() {
        as(ana.token()).queryParam("topic", "packaging").get("/api/v1/experts").then().statusCode(200)
                .body("items.member.displayName", equalTo(List.of("Ben")))
                .body("items[0].acceptedCount", equalTo(1))
                .body("items[0].topics", equalTo(List.of("packaging")))
                .body("items[0].inMyGroups", equalTo(true))
                .body("items[0].lastAcceptedAt", equalTo("2026-11-24T10:00:00Z"));
        as(ana.token()).queryParam("topic", "secret").get("/api/v1/experts").then().body("items", empty());
        as(ana.token()).queryParam("topic", "film").get("/api/v1/experts").then().body("items", empty());
        as(otto.token()).queryParam("topic", "packaging").get("/api/v1/experts").then()
                .body("items.member.displayName", org.hamcrest.Matchers.containsInAnyOrder("Celina", "Otto"));
        badRequestAs(ana.token()).queryParam("topic", "--").get("/api/v1/experts").then().statusCode(400)
                .body("errors.field", hasItem("topic"));
        badRequestAs(ana.token()).get("/api/v1/experts").then().statusCode(400).body("errors.field", hasItem("topic"));
    }

    @Test
    void shouldPageExpertsByAcceptedAnswersThenTheMostRecent() {
        clock.advance(Duration.ofDays(7));
        String tape = entry(ana, managers, "Tape", "Peels", "Which packaging tape?", List.of("packaging"));
        accept(ana, tape, reply(ben, tape, "The blue one"));
        String labels = entry(cleo, managers, "Labels", "Smudge", "Which packaging labels?", List.of("packaging"));
        accept(cleo, labels, reply(ana, labels, "Thermal ones"));
        clock.advance(Duration.ofDays(7));
        String pallets = entry(ben, managers, "Pallets", "Broke", "Packaging pallets that last?",
                List.of("packaging"));
        accept(ben, pallets, reply(cleo, pallets, "Plastic ones"));

        List<String> names = new java.util.ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 4; page++) {
            var request = as(ana.token()).queryParam("topic", "packaging").queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var json = request.get("/api/v1/experts").then().statusCode(200).extract().jsonPath();
            names.addAll(json.getList("items.member.displayName"));
            cursor = json.getString("nextCursor");
            if (cursor == null) {
                break;
            }
        }
        // Ben answered twice; Cleo and Ana once each, Cleo last.
        assertEquals(List.of("Ben", "Cleo", "Ana"), names);
    }

    @Test
    void shouldShowWhoOptedInAcrossTheOrganisationWithoutTheirContent() {
        as(celina.token()).get("/api/v1/me").then().body("shareExpertise", equalTo(false));
        share(celina, true);
        var experts = as(ana.token()).queryParam("topic", "packaging").get("/api/v1/experts").then().statusCode(200)
                .body("items.member.displayName", org.hamcrest.Matchers.containsInAnyOrder("Ben", "Celina"))
                .extract().jsonPath();
        Map<String, Object> expert = experts.getMap("items.find { it.member.displayName == 'Celina' }");
        assertEquals(false, expert.get("inMyGroups"));
        assertEquals(1, expert.get("acceptedCount"));
        assertEquals(List.of("film", "packaging"), expert.get("topics"));
        assertEquals(Set.of("member", "acceptedCount", "lastAcceptedAt", "topics", "inMyGroups"), expert.keySet());
        String body = as(ana.token()).queryParam("topic", "secret").get("/api/v1/experts").then()
                .body("items.member.displayName", equalTo(List.of("Celina"))).extract().asString();
        assertEquals(false, body.contains("co-op"), body);
        // Otto did not opt in: never seen outside his group.
        as(ana.token()).queryParam("topic", "boxes").get("/api/v1/experts").then().body("items", empty());
        share(celina, false);
        as(ana.token()).queryParam("topic", "packaging").get("/api/v1/experts").then()
                .body("items.member.displayName", equalTo(List.of("Ben")));
        // Another member's setting is not theirs to read.
        as(ana.token()).get("/api/v1/members/{id}", celina.id()).then().body("shareExpertise",
                org.hamcrest.Matchers.nullValue());
    }

    @Test
    void shouldSuggestUpToThreeExpertsToTheAskerOfAnUnansweredQuestionOnce() {
        share(celina, true);
        String asked = entry(ana, managers, "New tape", "Peels off", "Which packaging tape holds in the cold?",
                List.of("packaging"));
        clock.advance(Duration.ofHours(3));
        suggestions.suggestDue();
        // Ana is told of the group's other questions (QUESTION_ASKED); only suggestions count here.
        as(ana.token()).get("/api/v1/me/notifications").then()
                .body("items.findAll { it.kind == 'EXPERT_SUGGESTED' }", empty());
        clock.advance(Duration.ofHours(2));
        suggestions.suggestDue();
        suggestions.suggestDue();
        as(ana.token()).get("/api/v1/me/notifications").then().statusCode(200)
                .body("items.findAll { it.kind == 'EXPERT_SUGGESTED' }.entryId", equalTo(List.of(asked, asked)))
                .body("items.findAll { it.kind == 'EXPERT_SUGGESTED' }.actor.displayName",
                        org.hamcrest.Matchers.containsInAnyOrder("Ben", "Celina"));
        // The people suggested are not shown the question; Otto, who did not opt in, is not suggested.
        as(ben.token()).get("/api/v1/me/notifications").then().body("items.kind", not(hasItem("EXPERT_SUGGESTED")));
        as(celina.token()).get("/api/v1/me/notifications").then()
                .body("items.kind", not(hasItem("EXPERT_SUGGESTED")));
    }

    @Test
    void shouldNotSuggestForAnsweredQuestionsNorTheAskerThemselves() {
        String asked = entry(ben, managers, "Tape", "Peels", "Which packaging tape?", List.of("packaging"));
        accept(ben, asked, reply(ana, asked, "The blue one"));
        clock.advance(Duration.ofHours(5));
        suggestions.suggestDue();
        as(ben.token()).get("/api/v1/me/notifications").then().body("items.kind", not(hasItem("EXPERT_SUGGESTED")));
        clock.advance(Duration.ofDays(7));
        String again = entry(ben, managers, "Crates again", "Lost", "Where do packaging crates go?",
                List.of("packaging"));
        clock.advance(Duration.ofHours(5));
        suggestions.suggestDue();
        // Ben answered on packaging himself, and is not suggested to himself; Ana is.
        as(ben.token()).get("/api/v1/me/notifications").then()
                .body("items.findAll { it.kind == 'EXPERT_SUGGESTED' }.actor.displayName", equalTo(List.of("Ana")))
                .body("items.findAll { it.kind == 'EXPERT_SUGGESTED' }.entryId", equalTo(List.of(again)));
    }
}
