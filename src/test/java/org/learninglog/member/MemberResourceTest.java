package org.learninglog.member;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.learninglog.Api.as;
import static org.learninglog.Api.badRequestAs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.learninglog.api.Cursor;
import org.learninglog.time.MutableClock;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class MemberResourceTest {

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    @Test
    void shouldCreateAMemberWithDefaults() {
        TestMember admin = data.admin();
        String email = "ana." + TestData.suffix() + "@example.org";

        Response created = as(admin.token())
                .body(Map.of("displayName", "Ana Alves", "email", email, "timeZone", "Asia/Tokyo"))
                .post("/api/v1/members");

        created.then().statusCode(201)
                .header("Location", endsWith("/api/v1/members/" + created.path("id")))
                .body("displayName", equalTo("Ana Alves"))
                .body("email", equalTo(email))
                .body("timeZone", equalTo("Asia/Tokyo"))
                .body("role", equalTo("MEMBER"))
                .body("reminders", equalTo(true))
                .body("replyNotifications", equalTo("IMMEDIATE"))
                .body("active", equalTo(true))
                .body("awayUntil", nullValue());
        as(admin.token()).get("/api/v1/members/{id}", created.<String>path("id")).then()
                .statusCode(200).body("email", equalTo(email));
    }

    @Test
    void shouldCreateAnAdministratorWhenAsked() {
        TestMember admin = data.admin();

        as(admin.token())
                .body(Map.of("displayName", "Second Admin", "email", "admin2." + TestData.suffix() + "@example.org",
                        "timeZone", "UTC", "role", "ADMIN"))
                .post("/api/v1/members").then()
                .statusCode(201).body("role", equalTo("ADMIN"));
    }

    @Test
    void shouldRejectADuplicateEmailWhateverItsCase() {
        TestMember admin = data.admin();
        String local = "bo." + TestData.suffix();
        as(admin.token()).body(Map.of("displayName", "Bo", "email", local + "@example.org", "timeZone", "UTC"))
                .post("/api/v1/members").then().statusCode(201);

        as(admin.token()).body(Map.of("displayName", "Bo Again", "email", local.toUpperCase() + "@Example.ORG",
                "timeZone", "UTC")).post("/api/v1/members").then()
                .statusCode(409).contentType("application/problem+json").body("status", equalTo(409));
    }

    /** Instances race on the unique index, not on a check in memory: one wins, the others get 409, none a 500. */
    @Test
    void shouldCreateOnlyOneOfConcurrentMembersWithTheSameEmail() throws Exception {
        TestMember admin = data.admin();
        String email = "race." + TestData.suffix() + "@example.org";

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String name = "Racer " + i;
                answers.add(pool.submit(() -> as(admin.token())
                        .body(Map.of("displayName", name, "email", email, "timeZone", "UTC"))
                        .post("/api/v1/members").statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(30, TimeUnit.SECONDS));
            }
            statuses.sort(null);
            assertEquals(List.of(201, 409, 409, 409), statuses);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldRejectADuplicateEmailWhenChangingIt() {
        TestMember admin = data.admin();
        TestMember ana = data.member("Ana");
        TestMember bo = data.member("Bo");

        as(admin.token()).body(Map.of("email", ana.email().toUpperCase())).patch("/api/v1/members/{id}", bo.id()).then()
                .statusCode(409).contentType("application/problem+json");
    }

    @Test
    void shouldRejectAnInvalidEmail() {
        TestMember admin = data.admin();

        as(admin.token()).body(Map.of("displayName", "Carl", "email", "carl-at-example.org", "timeZone", "UTC"))
                .post("/api/v1/members").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("email"));
        badRequestAs(admin.token()).body(Map.of("displayName", "Carl", "email", "c", "timeZone", "UTC"))
                .post("/api/v1/members").then()
                .statusCode(400).body("errors.field", hasItem("email"));
    }

    @Test
    void shouldRejectAnUnknownTimeZone() {
        TestMember admin = data.admin();

        as(admin.token()).body(Map.of("displayName", "Carl", "email", "carl." + TestData.suffix() + "@example.org",
                "timeZone", "Mars/Olympus")).post("/api/v1/members").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("timeZone"));
    }

    @Test
    void shouldRejectABlankOrTooLongName() {
        TestMember admin = data.admin();
        String email = "dora." + TestData.suffix() + "@example.org";

        as(admin.token()).body(Map.of("displayName", "   ", "email", email, "timeZone", "UTC"))
                .post("/api/v1/members").then()
                .statusCode(400).body("errors.field", hasItem("displayName"));
        badRequestAs(admin.token()).body(Map.of("displayName", "", "email", email, "timeZone", "UTC"))
                .post("/api/v1/members").then()
                .statusCode(400).body("errors.field", hasItem("displayName"));
        badRequestAs(admin.token()).body(Map.of("displayName", "D".repeat(101), "email", email, "timeZone", "UTC"))
                .post("/api/v1/members").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("displayName"));
    }

    /** A control character would break the list cursor (it uses U+001F between keys) and mail headers later. */
    @Test
    void shouldRejectControlCharactersInAName() {
        TestMember admin = data.admin();
        TestMember ana = data.member("Ana");

        for (String name : List.of("Ana\u001fBo", "Ana\r\nBcc: x@example.org", "Ana\u0000")) {
            as(admin.token()).body(Map.of("displayName", name, "email", "cc." + TestData.suffix() + "@example.org",
                    "timeZone", "UTC")).post("/api/v1/members").then()
                    .statusCode(400).body("errors.field", hasItem("displayName"));
            as(ana.token()).body(Map.of("displayName", name)).patch("/api/v1/me").then()
                    .statusCode(400).body("errors.field", hasItem("displayName"));
        }
        as(ana.token()).get("/api/v1/me").then().body("displayName", equalTo("Ana"));
    }

    /** PostgreSQL refuses U+0000 in text; it must be the caller's 400, never the database's 500. */
    @Test
    void shouldRejectANulCharacterInsteadOfFailingInTheDatabase() {
        TestMember admin = data.admin();

        as(admin.token()).body(Map.of("displayName", "Nul", "email", "nul\u0000" + TestData.suffix() + "@example.org",
                "timeZone", "UTC")).post("/api/v1/members").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("email"));
        as(admin.token()).body(Map.of("email", "nul" + TestData.suffix() + "@exam\u0001ple.org"))
                .patch("/api/v1/members/{id}", admin.id()).then()
                .statusCode(400).body("errors.field", hasItem("email"));
        as(admin.token()).queryParam("cursor", Cursor.encode("Ana\u0000", UUID.randomUUID().toString()))
                .get("/api/v1/members").then()
                .statusCode(400).body("errors.field", hasItem("cursor"));
    }

    @Test
    void shouldForbidAMemberToCreateMembers() {
        TestMember ana = data.member("Ana");

        as(ana.token()).body(Map.of("displayName", "Eve", "email", "eve." + TestData.suffix() + "@example.org",
                "timeZone", "UTC")).post("/api/v1/members").then()
                .statusCode(403).contentType("application/problem+json");
    }

    @Test
    void shouldForbidAMemberToChangeOtherMembers() {
        TestMember ana = data.member("Ana");
        TestMember bo = data.member("Bo");
        data.group("Shared " + TestData.suffix(), ana, bo);

        as(ana.token()).body(Map.of("active", false)).patch("/api/v1/members/{id}", bo.id()).then()
                .statusCode(403).contentType("application/problem+json");
        as(bo.token()).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void shouldHideAMemberWhoSharesNoGroup() {
        TestMember ana = data.member("Ana");
        TestMember bo = data.member("Bo");
        TestMember carl = data.member("Carl");
        data.group("Ana and Carl " + TestData.suffix(), ana, carl);

        as(ana.token()).get("/api/v1/members/{id}", bo.id()).then()
                .statusCode(404).contentType("application/problem+json");
        as(ana.token()).get("/api/v1/members/{id}", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void shouldShowAMemberWhoSharesAGroup() {
        TestMember ana = data.member("Ana");
        TestMember bo = data.member("Bo", "Asia/Tokyo");
        data.group("Shared " + TestData.suffix(), ana, bo);

        as(ana.token()).get("/api/v1/members/{id}", bo.id()).then()
                .statusCode(200).body("displayName", equalTo("Bo")).body("timeZone", equalTo("Asia/Tokyo"));
        as(ana.token()).get("/api/v1/members/{id}", ana.id()).then().statusCode(200);
    }

    /** Sharing a group shows a member's name, time zone and role; the address and preferences stay private. */
    @Test
    void shouldShowEmailAndPreferencesOnlyToAdministratorsAndTheMemberThemselves() {
        TestMember admin = data.admin();
        TestMember ana = data.member("Ana");
        TestMember bo = data.member("Bo");
        data.group("Shared " + TestData.suffix(), ana, bo);

        as(ana.token()).get("/api/v1/members/{id}", bo.id()).then()
                .statusCode(200)
                .body("displayName", equalTo("Bo"))
                .body("timeZone", equalTo("Europe/Berlin"))
                .body("email", nullValue())
                .body("reminders", nullValue())
                .body("replyNotifications", nullValue())
                .body("$", not(hasKey("email")));
        List<Map<String, Object>> listed = Api.pageThrough(ana.token(), 20, "/api/v1/members");
        Map<String, Object> listedBo = listed.stream().filter(m -> m.get("id").equals(bo.id().toString())).findFirst()
                .orElseThrow();
        Map<String, Object> listedAna = listed.stream().filter(m -> m.get("id").equals(ana.id().toString()))
                .findFirst().orElseThrow();
        assertFalse(listedBo.containsKey("email"), listedBo.toString());
        assertEquals(ana.email(), listedAna.get("email"));

        as(bo.token()).get("/api/v1/members/{id}", bo.id()).then()
                .body("email", equalTo(bo.email())).body("reminders", equalTo(true));
        as(admin.token()).get("/api/v1/members/{id}", bo.id()).then()
                .body("email", equalTo(bo.email())).body("replyNotifications", equalTo("IMMEDIATE"));
    }

    @Test
    void shouldChangeMyProfile() {
        TestMember ana = data.member("Ana");
        LocalDate backOn = LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Tokyo"))).plusDays(14);

        as(ana.token()).body(Map.of("displayName", "Ana Alves", "timeZone", "Asia/Tokyo", "reminders", false,
                "replyNotifications", "DAILY_DIGEST", "awayUntil", backOn.toString())).patch("/api/v1/me").then()
                .statusCode(200)
                .body("displayName", equalTo("Ana Alves"))
                .body("timeZone", equalTo("Asia/Tokyo"))
                .body("reminders", equalTo(false))
                .body("replyNotifications", equalTo("DAILY_DIGEST"))
                .body("awayUntil", equalTo(backOn.toString()));

        as(ana.token()).get("/api/v1/me").then()
                .statusCode(200).body("displayName", equalTo("Ana Alves"))
                .body("awayUntil", equalTo(backOn.toString()));
        as(ana.token()).body(Map.of("reminders", true)).patch("/api/v1/me").then()
                .statusCode(200).body("reminders", equalTo(true)).body("displayName", equalTo("Ana Alves"));
    }

    @Test
    void shouldClearAwayWhenTheFirstDayBackHasCome() {
        TestMember ana = data.member("Ana");
        LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/Berlin")));
        as(ana.token()).body(Map.of("awayUntil", today.plusDays(3).toString())).patch("/api/v1/me").then()
                .statusCode(200).body("awayUntil", equalTo(today.plusDays(3).toString()));

        as(ana.token()).body(Map.of("awayUntil", today.minusDays(1).toString())).patch("/api/v1/me").then()
                .statusCode(200).body("awayUntil", nullValue());

        as(ana.token()).body(Map.of("awayUntil", today.plusDays(3).toString())).patch("/api/v1/me");
        as(ana.token()).body(Map.of("awayUntil", today.toString())).patch("/api/v1/me").then()
                .statusCode(200).body("awayUntil", nullValue());
    }

    @Test
    void shouldRefuseFieldsIMayNotChangeMyself() {
        TestMember ana = data.member("Ana");

        for (Map.Entry<String, Object> field : Map.<String, Object>of("role", "ADMIN", "email", "me@example.org",
                "id", UUID.randomUUID().toString(), "active", false).entrySet()) {
            badRequestAs(ana.token()).body(Map.of(field.getKey(), field.getValue())).patch("/api/v1/me").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem(field.getKey()));
        }
        as(ana.token()).get("/api/v1/me").then()
                .body("role", equalTo("MEMBER")).body("email", equalTo(ana.email())).body("active", equalTo(true));
    }

    @Test
    void shouldRejectAnUnknownTimeZoneForMe() {
        TestMember ana = data.member("Ana");

        as(ana.token()).body(Map.of("timeZone", "Mars/Olympus")).patch("/api/v1/me").then()
                .statusCode(400).body("errors.field", hasItem("timeZone"));
        badRequestAs(ana.token()).body(Map.of("displayName", "")).patch("/api/v1/me").then()
                .statusCode(400).body("errors.field", hasItem("displayName"));
    }

    @Test
    void shouldDeactivateAMemberAndKeepWhatTheyHave() {
        TestMember admin = data.admin();
        TestMember ana = data.member("Ana");
        TestMember bo = data.member("Bo");
        UUID group = data.group("Keeps Bo " + TestData.suffix(), ana, bo);

        as(admin.token()).body(Map.of("active", false)).patch("/api/v1/members/{id}", bo.id()).then()
                .statusCode(200).body("active", equalTo(false));

        as(bo.token()).get("/api/v1/me").then().statusCode(401);
        as(admin.token()).get("/api/v1/members/{id}", bo.id()).then()
                .statusCode(200).body("active", equalTo(false)).body("email", equalTo(bo.email()));
        as(ana.token()).get("/api/v1/groups/{id}/members", group).then()
                .statusCode(200).body("items.memberId", hasItem(bo.id().toString()));
        as(ana.token()).get("/api/v1/groups/{id}", group).then().body("memberCount", equalTo(2));
    }

    @Test
    void shouldKeepTokensRevokedWhenAMemberIsReactivated() {
        TestMember admin = data.admin();
        TestMember bo = data.member("Bo");
        as(admin.token()).body(Map.of("active", false)).patch("/api/v1/members/{id}", bo.id()).then().statusCode(200);

        as(admin.token()).body(Map.of("active", true)).patch("/api/v1/members/{id}", bo.id()).then()
                .statusCode(200).body("active", equalTo(true));

        // Reactivation is a fresh start: the administrator issues a new token.
        as(bo.token()).get("/api/v1/me").then().statusCode(401);
        String token = as(admin.token()).body(Map.of("name", "again")).post("/api/v1/members/{id}/tokens", bo.id())
                .then().statusCode(201).extract().path("token");
        as(token).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void shouldNotLetAnAdministratorDeactivateOrDemoteThemselves() {
        TestMember admin = data.admin();

        as(admin.token()).body(Map.of("active", false)).patch("/api/v1/members/{id}", admin.id()).then()
                .statusCode(422).contentType("application/problem+json");
        as(admin.token()).body(Map.of("role", "MEMBER")).patch("/api/v1/members/{id}", admin.id()).then()
                .statusCode(422);
        as(admin.token()).get("/api/v1/me").then().statusCode(200).body("role", equalTo("ADMIN"));
    }

    @Test
    void shouldListEveryoneToAnAdministrator() {
        TestMember admin = data.admin();
        TestMember ana = data.member("Ana");
        TestMember loner = data.member("Loner");

        List<String> ids = walk(admin.token(), 100);

        assertTrue(ids.containsAll(List.of(ana.id().toString(), loner.id().toString(), admin.id().toString())));
        assertEquals(ids.size(), new HashSet<>(ids).size(), "duplicates in " + ids);
    }

    @Test
    void shouldListOnlyTheMembersOfMyGroupsToAMember() {
        TestMember ana = data.member("Ana");
        TestMember bo = data.member("Bo");
        TestMember carl = data.member("Carl");
        TestMember dora = data.member("Dora");
        data.group("Ana and Bo " + TestData.suffix(), ana, bo);
        data.group("Bo and Carl " + TestData.suffix(), bo, carl);

        assertEquals(Set.of(ana.id().toString(), bo.id().toString()), new HashSet<>(walk(ana.token(), 20)));
        assertEquals(Set.of(ana.id().toString(), bo.id().toString(), carl.id().toString()),
                new HashSet<>(walk(bo.token(), 20)));
        assertEquals(List.of(), walk(dora.token(), 20));
    }

    @Test
    void shouldPageMembersByNameWithoutDuplicates() {
        String tag = TestData.suffix();
        TestMember ana = data.member("Ana " + tag);
        List<TestMember> others = List.of(data.member("Erin " + tag), data.member("bo " + tag),
                data.member("Carl " + tag), data.member("Dora " + tag), data.member("Bo " + tag));
        data.group("Paged " + tag, ana, others.toArray(TestMember[]::new));

        List<String> ids = walk(ana.token(), 2);

        List<String> expected = new ArrayList<>();
        expected.add(ana.id().toString());
        others.forEach(m -> expected.add(m.id().toString()));
        assertEquals(6, ids.size(), ids.toString());
        assertEquals(new HashSet<>(expected), new HashSet<>(ids));
        List<String> names = new ArrayList<>();
        for (String id : ids) {
            names.add(as(ana.token()).get("/api/v1/members/{id}", id).path("displayName"));
        }
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(Comparator.comparing(String::toLowerCase));
        assertEquals(sorted, names);
    }

    /** Java and PostgreSQL lower-case `İ` differently; the cursor must still continue where the page ended. */
    @Test
    void shouldPageMembersWhoseNamesLowerCaseDifferentlyInJava() {
        String tag = TestData.suffix();
        TestMember ilkay = data.member("İlkay " + tag);
        List<TestMember> others = List.of(data.member("İbrahim " + tag), data.member("İsmail " + tag),
                data.member("Ida " + tag), data.member("ΟΔΟΣ " + tag));
        data.group("Paged " + tag, ilkay, others.toArray(TestMember[]::new));

        Set<String> expected = new HashSet<>();
        expected.add(ilkay.id().toString());
        others.forEach(m -> expected.add(m.id().toString()));
        for (int limit = 1; limit <= 3; limit++) {
            List<String> ids = walk(ilkay.token(), limit);
            assertEquals(5, ids.size(), "limit " + limit + ": " + ids);
            assertEquals(expected, new HashSet<>(ids), "limit " + limit);
        }
    }

    /** Java lower-cases a final `Σ` to `ς`, PostgreSQL to `σ`: the order and the cursor are the database's alone. */
    @Test
    void shouldPageMembersWhoseNamesEndInAFinalSigma() {
        String tag = TestData.suffix();
        TestMember first = data.member(tag + " AΣ");
        List<TestMember> others = List.of(data.member(tag + " BΣ"), data.member(tag + " ΟΔΟΣ"),
                data.member(tag + " İ"));
        data.group("Greek " + tag, first, others.toArray(TestMember[]::new));

        for (int limit = 1; limit <= 2; limit++) {
            List<String> ids = walk(first.token(), limit);
            assertEquals(4, ids.size(), "limit " + limit + ": " + ids);
            assertEquals(4, new HashSet<>(ids).size(), "limit " + limit + ": " + ids);
        }
    }

    /** Every member id of the caller's list, page by page. */
    private static List<String> walk(String token, int limit) {
        return Api.field("id", Api.pageThrough(token, limit, "/api/v1/members"));
    }
}
