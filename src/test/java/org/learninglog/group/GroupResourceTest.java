package org.learninglog.group;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.learninglog.Api.as;
import static org.learninglog.Api.badRequestAs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.learninglog.Api;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class GroupResourceTest {

    @Inject
    TestData data;

    @Test
    void shouldCreateAGroupWithDefaults() {
        TestMember admin = data.admin();

        Response created = as(admin.token()).body(Map.of("name", "Sustainability leads")).post("/api/v1/groups");

        created.then().statusCode(201)
                .header("Location", endsWith("/api/v1/groups/" + created.path("id")))
                .body("name", equalTo("Sustainability leads"))
                .body("logDay", equalTo("TUESDAY"))
                .body("reminderTime", equalTo("09:00"))
                .body("followUpDay", nullValue())
                .body("followUpTime", nullValue())
                .body("archived", equalTo(false))
                .body("memberCount", equalTo(0));
        as(admin.token()).get("/api/v1/groups/{id}", created.<String>path("id")).then()
                .statusCode(200).body("reminderTime", equalTo("09:00"));
    }

    @Test
    void shouldCreateAGroupWithItsOwnCadence() {
        TestMember admin = data.admin();

        as(admin.token()).body(Map.of("name", "Store managers", "description", "New packaging rules",
                "logDay", "MONDAY", "reminderTime", "08:30", "followUpDay", "THURSDAY", "followUpTime", "16:45"))
                .post("/api/v1/groups").then()
                .statusCode(201)
                .body("description", equalTo("New packaging rules"))
                .body("logDay", equalTo("MONDAY"))
                .body("reminderTime", equalTo("08:30"))
                .body("followUpDay", equalTo("THURSDAY"))
                .body("followUpTime", equalTo("16:45"));
    }

    @Test
    void shouldStoreADescriptionAlikeWhenCreatingAndChanging() {
        TestMember admin = data.admin();

        as(admin.token()).body(Map.of("name", "Blank", "description", "   ")).post("/api/v1/groups").then()
                .statusCode(201).body("description", nullValue());
        String id = as(admin.token()).body(Map.of("name", "Padded", "description", "  Packaging rules \n"))
                .post("/api/v1/groups").then().statusCode(201).body("description", equalTo("Packaging rules"))
                .extract().path("id");
        as(admin.token()).body(Map.of("description", "  Packaging rules \n")).patch("/api/v1/groups/{id}", id).then()
                .statusCode(200).body("description", equalTo("Packaging rules"));
    }

    @Test
    void shouldForbidAMemberToCreateAGroup() {
        TestMember ana = data.member("Ana");

        as(ana.token()).body(Map.of("name", "Mine")).post("/api/v1/groups").then()
                .statusCode(403).contentType("application/problem+json");
    }

    @Test
    void shouldRejectABlankName() {
        TestMember admin = data.admin();

        as(admin.token()).body(Map.of("name", "  ")).post("/api/v1/groups").then()
                .statusCode(400).body("errors.field", hasItem("name"));
        badRequestAs(admin.token()).body(Map.of("name", "")).post("/api/v1/groups").then()
                .statusCode(400).body("errors.field", hasItem("name"));
    }

    @Test
    void shouldRejectControlCharactersInAName() {
        TestMember admin = data.admin();
        UUID group = data.group("Clean " + TestData.suffix(), null);

        as(admin.token()).body(Map.of("name", "Leads\u001fNorth")).post("/api/v1/groups").then()
                .statusCode(400).body("errors.field", hasItem("name"));
        as(admin.token()).body(Map.of("name", "Leads\nNorth")).patch("/api/v1/groups/{id}", group).then()
                .statusCode(400).body("errors.field", hasItem("name"));
        // PostgreSQL refuses U+0000 in any text; that is the caller's 400, not the database's 500.
        as(admin.token()).body(Map.of("name", "Leads", "description", "North\u0000")).post("/api/v1/groups").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("description"));
    }

    @Test
    void shouldRejectATimeThatIsNotATimeOfDay() {
        TestMember admin = data.admin();

        for (String time : List.of("25:00", "9:00", "09:60", "noon")) {
            badRequestAs(admin.token()).body(Map.of("name", "Night owls", "reminderTime", time)).post("/api/v1/groups")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("reminderTime"));
        }
        badRequestAs(admin.token()).body(Map.of("name", "Night owls", "followUpDay", "FRIDAY", "followUpTime", "24:00"))
                .post("/api/v1/groups").then().statusCode(400).body("errors.field", hasItem("followUpTime"));
    }

    @Test
    void shouldRejectAFollowUpDayWithoutATime() {
        TestMember admin = data.admin();

        as(admin.token()).body(Map.of("name", "Half follow-up", "followUpDay", "THURSDAY")).post("/api/v1/groups")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("followUpTime"));
        as(admin.token()).body(Map.of("name", "Half follow-up", "followUpTime", "09:00")).post("/api/v1/groups")
                .then().statusCode(400).body("errors.field", hasItem("followUpDay"));
    }

    @Test
    void shouldRejectAFollowUpBeforeTheLogDayReminder() {
        TestMember admin = data.admin();

        as(admin.token()).body(Map.of("name", "Backwards", "followUpDay", "MONDAY", "followUpTime", "10:00"))
                .post("/api/v1/groups").then().statusCode(400).body("errors.field", hasItem("followUpDay"));
        as(admin.token()).body(Map.of("name", "Backwards", "followUpDay", "TUESDAY", "followUpTime", "09:00"))
                .post("/api/v1/groups").then().statusCode(400);
        as(admin.token()).body(Map.of("name", "Same day later", "followUpDay", "TUESDAY", "followUpTime", "15:00"))
                .post("/api/v1/groups").then().statusCode(201);
    }

    @Test
    void shouldLetAFacilitatorChangeTheCadence() {
        TestMember fay = data.member("Fay");
        UUID group = data.group("Cadence " + TestData.suffix(), fay);

        as(fay.token()).body(Map.of("logDay", "WEDNESDAY", "reminderTime", "07:15", "followUpDay", "FRIDAY",
                "followUpTime", "10:00")).patch("/api/v1/groups/{id}", group).then()
                .statusCode(200)
                .body("logDay", equalTo("WEDNESDAY"))
                .body("reminderTime", equalTo("07:15"))
                .body("followUpDay", equalTo("FRIDAY"))
                .body("followUpTime", equalTo("10:00"))
                .body("memberCount", equalTo(1));

        // The stored follow-up is checked against the new log day too.
        as(fay.token()).body(Map.of("logDay", "SATURDAY")).patch("/api/v1/groups/{id}", group).then()
                .statusCode(400).body("errors.field", hasItem("followUpDay"));
        as(fay.token()).body(Map.of("clearFollowUp", true, "followUpTime", "11:00")).patch("/api/v1/groups/{id}", group)
                .then().statusCode(400).body("errors.field", hasItem("clearFollowUp"));

        as(fay.token()).body(Map.of("clearFollowUp", true)).patch("/api/v1/groups/{id}", group).then()
                .statusCode(200)
                .body("followUpDay", nullValue())
                .body("followUpTime", nullValue())
                .body("logDay", equalTo("WEDNESDAY"));
        as(fay.token()).body(Map.of("followUpTime", "11:00")).patch("/api/v1/groups/{id}", group).then()
                .statusCode(400).body("errors.field", hasItem("followUpDay"));
        as(fay.token()).get("/api/v1/groups/{id}", group).then()
                .statusCode(200).body("followUpDay", nullValue()).body("reminderTime", equalTo("07:15"));
    }

    @Test
    void shouldLetAFacilitatorRenameDescribeAndArchive() {
        TestMember fay = data.member("Fay");
        UUID group = data.group("Old name " + TestData.suffix(), fay);

        as(fay.token()).body(Map.of("name", "  New name  ", "description", "What we work on", "archived", true))
                .patch("/api/v1/groups/{id}", group).then()
                .statusCode(200)
                .body("name", equalTo("New name"))
                .body("description", equalTo("What we work on"))
                .body("archived", equalTo(true));
        as(fay.token()).body(Map.of("description", "")).patch("/api/v1/groups/{id}", group).then()
                .statusCode(200).body("description", nullValue()).body("name", equalTo("New name"));
        badRequestAs(fay.token()).body(Map.of("name", "")).patch("/api/v1/groups/{id}", group).then()
                .statusCode(400).body("errors.field", hasItem("name"));
    }

    @Test
    void shouldForbidAPlainMemberToChangeTheGroup() {
        TestMember fay = data.member("Fay");
        TestMember ana = data.member("Ana");
        UUID group = data.group("Not yours " + TestData.suffix(), fay, ana);

        as(ana.token()).get("/api/v1/groups/{id}", group).then().statusCode(200);
        as(ana.token()).body(Map.of("reminderTime", "10:00")).patch("/api/v1/groups/{id}", group).then()
                .statusCode(403).contentType("application/problem+json");
        as(ana.token()).get("/api/v1/groups/{id}", group).then().body("reminderTime", equalTo("09:00"));
    }

    @Test
    void shouldHideTheGroupFromOutsiders() {
        TestMember fay = data.member("Fay");
        TestMember outsider = data.member("Olga");
        UUID group = data.group("Private " + TestData.suffix(), fay);

        as(outsider.token()).get("/api/v1/groups/{id}", group).then()
                .statusCode(404).contentType("application/problem+json");
        as(outsider.token()).body(Map.of("name", "Mine now")).patch("/api/v1/groups/{id}", group).then()
                .statusCode(404);
        as(outsider.token()).get("/api/v1/groups/{id}/members", group).then().statusCode(404);
        as(outsider.token()).body(Map.of("memberId", outsider.id().toString()))
                .post("/api/v1/groups/{id}/members", group)
                .then().statusCode(404);
        as(outsider.token()).delete("/api/v1/groups/{id}/members/{memberId}", group, fay.id()).then().statusCode(404);
        as(outsider.token()).get("/api/v1/groups/{id}", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void shouldShowAnAdministratorTheGroupAndItsMembership() {
        TestMember admin = data.admin();
        TestMember fay = data.member("Fay");
        TestMember ana = data.member("Ana");
        UUID group = data.group("Watched " + TestData.suffix(), fay, ana);

        as(admin.token()).get("/api/v1/groups/{id}", group).then().statusCode(200).body("memberCount", equalTo(2));
        as(admin.token()).get("/api/v1/groups/{id}/members", group).then()
                .statusCode(200)
                .body("items.memberId", hasItem(fay.id().toString()))
                .body("items.find { it.memberId == '" + fay.id() + "' }.role", equalTo("FACILITATOR"))
                .body("items.find { it.memberId == '" + ana.id() + "' }.role", equalTo("MEMBER"))
                .body("items.find { it.memberId == '" + ana.id() + "' }.displayName", equalTo("Ana"));
    }

    @Test
    void shouldAddAMemberOnce() {
        TestMember admin = data.admin();
        TestMember fay = data.member("Fay");
        TestMember ana = data.member("Ana");
        UUID group = data.group("Growing " + TestData.suffix(), fay);

        as(admin.token()).body(Map.of("memberId", ana.id().toString())).post("/api/v1/groups/{id}/members", group)
                .then()
                .statusCode(201)
                .body("memberId", equalTo(ana.id().toString()))
                .body("displayName", equalTo("Ana"))
                .body("role", equalTo("MEMBER"))
                .body("joinedAt", notNullValue());

        as(admin.token()).body(Map.of("memberId", ana.id().toString(), "role", "FACILITATOR"))
                .post("/api/v1/groups/{id}/members", group).then()
                .statusCode(409).contentType("application/problem+json");
        as(ana.token()).get("/api/v1/groups/{id}", group).then().statusCode(200).body("memberCount", equalTo(2));
    }

    @Test
    void shouldMakeTheFirstMemberOfAGroupItsFacilitator() {
        TestMember admin = data.admin();
        TestMember fay = data.member("Fay");
        TestMember ana = data.member("Ana");
        UUID group = data.group("Brand new " + TestData.suffix(), null);

        as(admin.token()).body(Map.of("memberId", fay.id().toString(), "role", "MEMBER"))
                .post("/api/v1/groups/{id}/members", group).then()
                .statusCode(422).contentType("application/problem+json");
        as(admin.token()).get("/api/v1/groups/{id}", group).then().body("memberCount", equalTo(0));

        as(admin.token()).body(Map.of("memberId", fay.id().toString())).post("/api/v1/groups/{id}/members", group)
                .then().statusCode(201).body("role", equalTo("FACILITATOR"));
        as(admin.token()).body(Map.of("memberId", ana.id().toString())).post("/api/v1/groups/{id}/members", group)
                .then().statusCode(201).body("role", equalTo("MEMBER"));
    }

    @Test
    void shouldRejectAddingAnUnknownOrDeactivatedMember() {
        TestMember admin = data.admin();
        TestMember gone = data.member("Gone");
        UUID group = data.group("Growing " + TestData.suffix(), null);
        as(admin.token()).body(Map.of("active", false)).patch("/api/v1/members/{id}", gone.id()).then().statusCode(200);

        as(admin.token()).body(Map.of("memberId", UUID.randomUUID().toString()))
                .post("/api/v1/groups/{id}/members", group)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("memberId"));
        as(admin.token()).body(Map.of("memberId", gone.id().toString())).post("/api/v1/groups/{id}/members", group)
                .then().statusCode(400).body("errors.field", hasItem("memberId"));
        badRequestAs(admin.token()).body(Map.of()).post("/api/v1/groups/{id}/members", group)
                .then().statusCode(400).body("errors.field", hasItem("memberId"));
    }

    @Test
    void shouldLetAFacilitatorButNotAPlainMemberAddMembers() {
        TestMember fay = data.member("Fay");
        TestMember ana = data.member("Ana");
        TestMember bo = data.member("Bo");
        TestMember carl = data.member("Carl");
        UUID group = data.group("Facilitated " + TestData.suffix(), fay, ana);

        as(fay.token()).body(Map.of("email", bo.email())).post("/api/v1/groups/{id}/members", group).then()
                .statusCode(201).body("role", equalTo("MEMBER")).body("memberId", equalTo(bo.id().toString()));
        as(ana.token()).body(Map.of("email", carl.email())).post("/api/v1/groups/{id}/members", group).then()
                .statusCode(403).contentType("application/problem+json");
        as(carl.token()).get("/api/v1/groups/{id}", group).then().statusCode(404);
    }

    /**
     * A facilitator adds by id only people they share a group with, and anyone else by an email address they know
     * already; an id of someone else answers like an unknown id, so ids tell nothing about people.
     */
    @Test
    void shouldLetAFacilitatorAddPeopleOutsideTheirGroupsByEmailOnly() {
        TestMember fay = data.member("Fay");
        TestMember ana = data.member("Ana");
        TestMember stranger = data.member("Stranger");
        TestMember colleague = data.member("Colleague");
        UUID group = data.group("Facilitated " + TestData.suffix(), fay);
        data.group("Where Fay meets her colleague " + TestData.suffix(), fay, colleague);

        String unknown = as(fay.token()).body(Map.of("memberId", UUID.randomUUID().toString()))
                .post("/api/v1/groups/{id}/members", group).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("memberId"))
                .extract().path("errors[0].message");
        as(fay.token()).body(Map.of("memberId", stranger.id().toString())).post("/api/v1/groups/{id}/members", group)
                .then().statusCode(400).body("errors.field", hasItem("memberId"))
                .body("errors[0].message", equalTo(unknown));
        as(fay.token()).get("/api/v1/members/{id}", stranger.id()).then().statusCode(404);

        as(fay.token()).body(Map.of("memberId", colleague.id().toString()))
                .post("/api/v1/groups/{id}/members", group).then().statusCode(201);
        as(fay.token()).body(Map.of("email", stranger.email().toUpperCase())).post("/api/v1/groups/{id}/members", group)
                .then().statusCode(201).body("memberId", equalTo(stranger.id().toString()));
        as(fay.token()).body(Map.of("email", "nobody." + TestData.suffix() + "@example.org"))
                .post("/api/v1/groups/{id}/members", group).then()
                .statusCode(400).body("errors.field", hasItem("email"));
        as(fay.token()).body(Map.of("memberId", ana.id().toString(), "email", ana.email()))
                .post("/api/v1/groups/{id}/members", group).then()
                .statusCode(400).body("errors.field", hasItem("email"));
        as(fay.token()).body(Map.of("email", "not-an-address")).post("/api/v1/groups/{id}/members", group).then()
                .statusCode(400).body("errors.field", hasItem("email"));
        // Now that they share a group, Fay sees the stranger, but not their email address.
        as(fay.token()).get("/api/v1/members/{id}", stranger.id()).then()
                .statusCode(200).body("displayName", equalTo("Stranger")).body("email", nullValue());
        as(fay.token()).get("/api/v1/groups/{id}", group).then().body("memberCount", equalTo(3));
    }

    @Test
    void shouldKeepTheLastFacilitatorOfAGroupWithMembers() {
        TestMember admin = data.admin();
        TestMember fay = data.member("Fay");
        TestMember ana = data.member("Ana");
        UUID group = data.group("One facilitator " + TestData.suffix(), fay, ana);

        for (TestMember who : List.of(fay, admin)) {
            as(who.token()).body(Map.of("role", "MEMBER"))
                    .patch("/api/v1/groups/{id}/members/{memberId}", group, fay.id()).then()
                    .statusCode(422).contentType("application/problem+json")
                    .body("detail", containsString("last facilitator"));
            as(who.token()).delete("/api/v1/groups/{id}/members/{memberId}", group, fay.id()).then()
                    .statusCode(422).body("detail", containsString("last facilitator"));
        }
        as(fay.token()).get("/api/v1/groups/{id}/members", group).then()
                .body("items.find { it.memberId == '" + fay.id() + "' }.role", equalTo("FACILITATOR"));

        // Handing over: promote the successor first, then step down.
        as(fay.token()).body(Map.of("role", "FACILITATOR"))
                .patch("/api/v1/groups/{id}/members/{memberId}", group, ana.id()).then().statusCode(200);
        as(fay.token()).delete("/api/v1/groups/{id}/members/{memberId}", group, fay.id()).then().statusCode(204);
        // The last member of all may go, leaving an empty group.
        as(ana.token()).delete("/api/v1/groups/{id}/members/{memberId}", group, ana.id()).then().statusCode(204);
        as(admin.token()).get("/api/v1/groups/{id}", group).then().body("memberCount", equalTo(0));
    }

    @Test
    void shouldChangeAMembersRole() {
        TestMember fay = data.member("Fay");
        TestMember ana = data.member("Ana");
        TestMember bo = data.member("Bo");
        UUID group = data.group("Roles " + TestData.suffix(), fay, ana, bo);

        as(ana.token()).body(Map.of("role", "FACILITATOR"))
                .patch("/api/v1/groups/{id}/members/{memberId}", group, ana.id()).then()
                .statusCode(403);
        as(fay.token()).body(Map.of("role", "FACILITATOR"))
                .patch("/api/v1/groups/{id}/members/{memberId}", group, ana.id()).then()
                .statusCode(200)
                .body("memberId", equalTo(ana.id().toString()))
                .body("displayName", equalTo("Ana"))
                .body("role", equalTo("FACILITATOR"));

        // Now a facilitator, Ana may manage the group.
        as(ana.token()).body(Map.of("reminderTime", "10:00")).patch("/api/v1/groups/{id}", group).then()
                .statusCode(200);
        as(ana.token()).body(Map.of("role", "MEMBER"))
                .patch("/api/v1/groups/{id}/members/{memberId}", group, fay.id()).then()
                .statusCode(200).body("role", equalTo("MEMBER"));
        as(fay.token()).body(Map.of("name", "Taken over")).patch("/api/v1/groups/{id}", group).then().statusCode(403);
        as(ana.token()).body(Map.of("role", "MEMBER"))
                .patch("/api/v1/groups/{id}/members/{memberId}", group, UUID.randomUUID()).then()
                .statusCode(404);
        badRequestAs(ana.token()).body(Map.of("role", "OWNER"))
                .patch("/api/v1/groups/{id}/members/{memberId}", group, bo.id()).then()
                .statusCode(400).body("errors.field", hasItem("role"));
    }

    @Test
    void shouldRemoveAMemberWhoThenNoLongerSeesTheGroup() {
        TestMember fay = data.member("Fay");
        TestMember ana = data.member("Ana");
        TestMember bo = data.member("Bo");
        UUID group = data.group("Shrinking " + TestData.suffix(), fay, ana, bo);

        as(ana.token()).delete("/api/v1/groups/{id}/members/{memberId}", group, bo.id()).then().statusCode(403);
        as(fay.token()).delete("/api/v1/groups/{id}/members/{memberId}", group, bo.id()).then().statusCode(204);

        as(bo.token()).get("/api/v1/groups/{id}", group).then().statusCode(404);
        as(bo.token()).get("/api/v1/groups/{id}/members", group).then().statusCode(404);
        as(fay.token()).get("/api/v1/groups/{id}/members", group).then()
                .statusCode(200).body("items.memberId", not(hasItem(bo.id().toString())));
        as(fay.token()).get("/api/v1/groups/{id}", group).then().body("memberCount", equalTo(2));
        as(fay.token()).delete("/api/v1/groups/{id}/members/{memberId}", group, bo.id()).then().statusCode(404);
        // Bo still exists; only the membership went.
        as(bo.token()).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void shouldListOnlyMyGroupsWithTheirMemberCounts() {
        TestMember ana = data.member("Ana");
        TestMember bo = data.member("Bo");
        TestMember carl = data.member("Carl");
        UUID small = data.group("Small " + TestData.suffix(), ana);
        UUID larger = data.group("Larger " + TestData.suffix(), bo, ana, carl);
        UUID notMine = data.group("Not Ana's " + TestData.suffix(), bo, carl);

        Map<String, Integer> counts = new HashMap<>();
        for (Map<String, Object> group : walkGroups(ana.token(), 20)) {
            counts.put((String) group.get("id"), (Integer) group.get("memberCount"));
        }

        assertEquals(Map.of(small.toString(), 1, larger.toString(), 3), counts);
        assertTrue(walkGroups(bo.token(), 20).stream().anyMatch(g -> g.get("id").equals(notMine.toString())));
    }

    @Test
    void shouldListAllGroupsToAnAdministrator() {
        TestMember admin = data.admin();
        TestMember ana = data.member("Ana");
        UUID withAna = data.group("With Ana " + TestData.suffix(), ana);
        UUID empty = data.group("Empty " + TestData.suffix(), null);

        List<String> ids = walkGroups(admin.token(), 100).stream().map(g -> (String) g.get("id")).toList();

        assertTrue(ids.containsAll(List.of(withAna.toString(), empty.toString())), ids.toString());
        assertEquals(ids.size(), new HashSet<>(ids).size(), "duplicates in " + ids);
    }

    @Test
    void shouldPageGroupsByNameWithoutDuplicates() {
        TestMember ana = data.member("Ana");
        String tag = TestData.suffix();
        Set<String> expected = new HashSet<>();
        for (String name : List.of("Delta ", "alpha ", "Charlie ", "Bravo ", "Alpha ")) {
            expected.add(data.group(name + tag, ana).toString());
        }

        List<Map<String, Object>> groups = walkGroups(ana.token(), 2);

        List<String> ids = groups.stream().map(g -> (String) g.get("id")).toList();
        assertEquals(5, ids.size(), ids.toString());
        assertEquals(expected, new HashSet<>(ids));
        List<String> names = groups.stream().map(g -> ((String) g.get("name")).toLowerCase()).toList();
        assertEquals(names.stream().sorted().toList(), names);
    }

    /** Java and PostgreSQL lower-case `İ` differently; the cursor must still continue where the page ended. */
    @Test
    void shouldPageGroupsWhoseNamesLowerCaseDifferentlyInJava() {
        TestMember ana = data.member("Ana");
        String tag = TestData.suffix();
        Set<String> expected = new HashSet<>();
        for (String name : List.of("İzmir ", "İstanbul ", "Ikea ", "İnegöl ")) {
            expected.add(data.group(name + tag, ana).toString());
        }

        for (int limit = 1; limit <= 3; limit++) {
            List<String> ids = walkGroups(ana.token(), limit).stream().map(g -> (String) g.get("id")).toList();
            assertEquals(4, ids.size(), "limit " + limit + ": " + ids);
            assertEquals(expected, new HashSet<>(ids), "limit " + limit);
        }
    }

    /** Names are limited in code points: 120 emoji take 240 UTF-16 units, and their cursors must still page. */
    @Test
    void shouldPageGroupsWithTheLongestNamesOfEmoji() {
        TestMember admin = data.admin();
        TestMember ana = data.member("Ana");
        Set<String> expected = new HashSet<>();
        for (String emoji : List.of("\uD83C\uDF31", "\uD83C\uDF32", "\uD83C\uDF33")) {
            expected.add(as(admin.token()).body(Map.of("name", emoji.repeat(120))).post("/api/v1/groups").then()
                    .statusCode(201).body("name", equalTo(emoji.repeat(120))).extract().path("id"));
        }
        for (String id : expected) {
            as(admin.token()).body(Map.of("memberId", ana.id().toString())).post("/api/v1/groups/{id}/members", id)
                    .then().statusCode(201);
        }
        badRequestAs(admin.token()).body(Map.of("name", "\uD83C\uDF31".repeat(121))).post("/api/v1/groups").then()
                .statusCode(400).body("errors.field", hasItem("name"));

        List<String> ids = walkGroups(ana.token(), 1).stream().map(g -> (String) g.get("id")).toList();

        assertEquals(expected, new HashSet<>(ids));
    }

    /** Java lower-cases a final `Σ` to `ς`, PostgreSQL to `σ`: the order and the cursor are the database's alone. */
    @Test
    void shouldPageGroupsWhoseNamesEndInAFinalSigma() {
        TestMember ana = data.member("Ana");
        String tag = TestData.suffix();
        Set<String> expected = new HashSet<>();
        for (String name : List.of("AΣ", "BΣ", "ΟΔΟΣ", "İ")) {
            expected.add(data.group(tag + " " + name, ana).toString());
        }

        for (int limit = 1; limit <= 2; limit++) {
            List<String> ids = walkGroups(ana.token(), limit).stream().map(g -> (String) g.get("id")).toList();
            assertEquals(4, ids.size(), "limit " + limit + ": " + ids);
            assertEquals(expected, new HashSet<>(ids), "limit " + limit);
        }
    }

    /** The contract caps a cursor at 1024 characters; the longest names must still page. */
    @Test
    void shouldPageGroupsWithTheLongestNames() {
        TestMember ana = data.member("Ana");
        Set<String> expected = new HashSet<>();
        for (String letter : List.of("学", "習", "日")) {
            expected.add(data.group(letter.repeat(120), ana).toString());
        }

        List<String> ids = walkGroups(ana.token(), 1).stream().map(g -> (String) g.get("id")).toList();

        assertEquals(expected, new HashSet<>(ids));
    }

    @Test
    void shouldPageAMembershipWhoseNamesLowerCaseDifferentlyInJava() {
        TestMember fay = data.member("Fay");
        TestMember[] members = { data.member("İlkay"), data.member("İbrahim"), data.member("İsmail") };
        UUID group = data.group("Turkish names " + TestData.suffix(), fay, members);

        List<String> seen = Api.field("memberId",
                Api.pageThrough(fay.token(), 1, "/api/v1/groups/{id}/members", group));

        assertEquals(4, new HashSet<>(seen).size(), seen.toString());
    }

    @Test
    void shouldPageAMembershipWhoseNamesEndInAFinalSigma() {
        TestMember fay = data.member("Fay");
        TestMember[] members = { data.member("AΣ"), data.member("BΣ"), data.member("İlkay"), data.member("ΟΔΟΣ") };
        UUID group = data.group("Greek names " + TestData.suffix(), fay, members);

        List<String> seen = Api.field("memberId",
                Api.pageThrough(fay.token(), 1, "/api/v1/groups/{id}/members", group));

        assertEquals(5, seen.size(), seen.toString());
        assertEquals(5, new HashSet<>(seen).size(), seen.toString());
    }

    @Test
    void shouldPageTheMembershipWithoutDuplicates() {
        TestMember fay = data.member("Fay");
        List<TestMember> members = new ArrayList<>();
        for (String name : List.of("Erin", "ana", "Dora", "Bo", "Ana")) {
            members.add(data.member(name));
        }
        UUID group = data.group("Paged membership " + TestData.suffix(), fay, members.toArray(TestMember[]::new));

        List<String> seen = Api.field("memberId",
                Api.pageThrough(fay.token(), 1, "/api/v1/groups/{id}/members", group));

        assertEquals(6, seen.size(), seen.toString());
        assertEquals(6, new HashSet<>(seen).size(), "duplicates in " + seen);
    }

    @Test
    void shouldRefuseAFiftyFirstMember() {
        TestMember admin = data.admin();
        TestMember fay = data.member("Fay");
        TestMember[] others = new TestMember[49];
        for (int i = 0; i < others.length; i++) {
            others[i] = data.member("Member " + i);
        }
        UUID group = data.group("Full " + TestData.suffix(), fay, others);
        as(admin.token()).get("/api/v1/groups/{id}", group).then().body("memberCount", equalTo(50));
        TestMember late = data.member("Late");

        as(fay.token()).body(Map.of("email", late.email())).post("/api/v1/groups/{id}/members", group).then()
                .statusCode(422).contentType("application/problem+json");
        as(admin.token()).get("/api/v1/groups/{id}", group).then().body("memberCount", equalTo(50));

        as(fay.token()).delete("/api/v1/groups/{id}/members/{memberId}", group, others[0].id()).then().statusCode(204);
        as(fay.token()).body(Map.of("email", late.email())).post("/api/v1/groups/{id}/members", group).then()
                .statusCode(201);
    }

    /** Several instances may add members at once; the group row lock keeps the count honest. */
    @Test
    void shouldAdmitOnlyOneOfConcurrentAdditionsOfTheFiftiethMember() throws Exception {
        TestMember fay = data.member("Fay");
        TestMember[] others = new TestMember[48];
        for (int i = 0; i < others.length; i++) {
            others[i] = data.member("Member " + i);
        }
        UUID group = data.group("Almost full " + TestData.suffix(), fay, others);
        List<TestMember> candidates = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            candidates.add(data.member("Candidate " + i));
        }

        ExecutorService pool = Executors.newFixedThreadPool(candidates.size());
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (TestMember candidate : candidates) {
                answers.add(pool.submit(() -> as(fay.token()).body(Map.of("email", candidate.email()))
                        .post("/api/v1/groups/{id}/members", group).statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(30, TimeUnit.SECONDS));
            }
            statuses.sort(null);
            assertEquals(List.of(201, 422, 422, 422), statuses);
        } finally {
            pool.shutdownNow();
        }
        as(fay.token()).get("/api/v1/groups/{id}", group).then().body("memberCount", equalTo(50));
    }

    /** Every group of the caller's list, page by page. */
    private static List<Map<String, Object>> walkGroups(String token, int limit) {
        return Api.pageThrough(token, limit, "/api/v1/groups");
    }
}
