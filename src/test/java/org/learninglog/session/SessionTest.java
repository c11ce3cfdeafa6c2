package org.learninglog.session;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.learninglog.Api;
import org.learninglog.ClockAndMailTest;
import org.learninglog.Race;
import org.learninglog.TestData.TestMember;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class SessionTest extends ClockAndMailTest {

    @Inject
    SignIns signIns;

    @Inject
    SessionService sessions;

    @Test
    void shouldRefuseAStateChangeWithTheSessionCookieButWithoutTheCsrfHeader() {
        TestMember ana = data.member("Ana");
        String session = signIns.session(ana);

        Api.bySession(session).body(Map.of("displayName", "Mallory")).patch("/api/v1/me").then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("X-CSRF-Token"));
        Api.bySession(session).header("X-CSRF-Token", "forged").body(Map.of("displayName", "Mallory"))
                .patch("/api/v1/me").then().statusCode(403);
        Api.as(ana.token()).get("/api/v1/me").then().body("displayName", equalTo("Ana"));

        Api.bySession(session).header("X-CSRF-Token", SignIns.csrfToken(session))
                .body(Map.of("displayName", "Ana B.")).patch("/api/v1/me").then().statusCode(200)
                .body("displayName", equalTo("Ana B."));
        Api.as(ana.token()).body(Map.of("displayName", "Ana C.")).patch("/api/v1/me").then().statusCode(200);
    }

    @Test
    void shouldMarkTheCurrentSessionAmongMine() {
        TestMember bo = data.member("Bo");
        String first = signIns.session(bo);
        clock.advance(Duration.ofMinutes(1));
        String second = signIns.session(bo);

        List<Map<String, Object>> seen = Api.bySession(second).get("/api/v1/me/sessions").then().statusCode(200)
                .extract().jsonPath().getList("items");

        assertEquals(2, seen.size());
        assertEquals(List.of(true, false), seen.stream().map(s -> s.get("current")).toList());
        String secondId = Api.bySession(second).get("/api/v1/me/sessions/current").then().extract().path("id");
        assertEquals(secondId, seen.get(0).get("id"));
        Api.bySession(first).get("/api/v1/me").then().statusCode(200);
        assertEquals(2, Api.pageThrough(bo.token(), 1, "/api/v1/me/sessions").size());
    }

    @Test
    void shouldEndTheSessionForEveryClientOnSignOut() {
        TestMember cy = data.member("Cy");
        String session = signIns.session(cy);
        Api.bySession(session).get("/api/v1/me").then().statusCode(200);

        Response signedOut = Api.bySession(session).header("X-CSRF-Token", SignIns.csrfToken(session))
                .delete("/api/v1/me/sessions/current");

        signedOut.then().statusCode(204);
        assertTrue(signedOut.header("Set-Cookie").startsWith("ll_session=; Max-Age=0"), signedOut.header("Set-Cookie"));
        // A second client still holding the same cookie, as another instance would see it.
        Api.bySession(session).get("/api/v1/me").then().statusCode(401);
        Api.as(cy.token()).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void shouldEndASessionRevokedFromAnother() {
        TestMember di = data.member("Di");
        String laptop = signIns.session(di);
        String phone = signIns.session(di);
        String tablet = signIns.session(di);
        String phoneId = Api.bySession(phone).get("/api/v1/me/sessions/current").then().extract().path("id");

        Api.bySession(laptop).header("X-CSRF-Token", SignIns.csrfToken(laptop))
                .delete("/api/v1/me/sessions/{id}", phoneId).then().statusCode(204);

        Api.bySession(phone).get("/api/v1/me").then().statusCode(401);
        Api.bySession(tablet).get("/api/v1/me").then().statusCode(200);
        Api.bySession(laptop).header("X-CSRF-Token", SignIns.csrfToken(laptop))
                .delete("/api/v1/me/sessions/others").then().statusCode(204);
        Api.bySession(tablet).get("/api/v1/me").then().statusCode(401);
        Api.bySession(laptop).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void shouldNotLetAMemberRevokeAnotherMembersSession() {
        TestMember ed = data.member("Ed");
        TestMember fay = data.member("Fay");
        String session = signIns.session(fay);
        String id = Api.bySession(session).get("/api/v1/me/sessions/current").then().extract().path("id");

        Api.as(ed.token()).delete("/api/v1/me/sessions/{id}", id).then().statusCode(404);

        Api.bySession(session).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void shouldHaveNoCurrentSessionForABearerToken() {
        TestMember gil = data.member("Gil");
        Api.as(gil.token()).get("/api/v1/me/sessions/current").then().statusCode(404);
    }

    @Test
    void shouldEndSessionsWhenTheMemberIsDeactivated() {
        TestMember admin = data.admin();
        TestMember hal = data.member("Hal");
        String session = signIns.session(hal);

        Api.as(admin.token()).body(Map.of("active", false)).patch("/api/v1/members/{id}", hal.id()).then()
                .statusCode(200);

        Api.bySession(session).get("/api/v1/me").then().statusCode(401);
        Api.as(admin.token()).body(Map.of("active", true)).patch("/api/v1/members/{id}", hal.id()).then()
                .statusCode(200);
        // Reactivation revives no session.
        Api.bySession(session).get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void shouldLeaveNoLiveSessionOfADeactivatedMemberWhateverTheInterleaving() throws Exception {
        TestMember admin = data.admin();
        for (int round = 0; round < 5; round++) {
            TestMember ivy = data.member("Ivy");
            Callable<Object> deactivate = () -> Api.as(admin.token()).body(Map.of("active", false))
                    .patch("/api/v1/members/{id}", ivy.id()).statusCode();
            Callable<Object> open = () -> sessions.open(ivy.id()).map(SessionService.Opened::secret);
            List<Object> results = Race.all(List.of(deactivate, open));

            assertEquals(200, results.get(0));
            Object opened = results.get(1);
            if (opened instanceof java.util.Optional<?> secret && secret.isPresent()) {
                Api.bySession((String) secret.get()).get("/api/v1/me").then().statusCode(401);
            }
            assertEquals(0, Api.pageThrough(admin.token(), 10, "/api/v1/me/sessions").size());
        }
    }

    @Test
    void shouldEndASessionLeftIdle() {
        TestMember jo = data.member("Jo");
        String session = signIns.session(jo);

        clock.advance(Duration.ofDays(14).plusMinutes(1));

        Api.bySession(session).get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void shouldKeepASessionInUseUntilItsAbsoluteExpiry() {
        TestMember kim = data.member("Kim");
        String session = signIns.session(kim);
        for (int day = 10; day < 60; day += 10) {
            clock.advance(Duration.ofDays(10));
            Api.bySession(session).get("/api/v1/me").then().statusCode(200);
        }

        clock.advance(Duration.ofDays(10));

        Api.bySession(session).get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void shouldSignOutThroughTheFormOnlyWithItsCsrfField() {
        TestMember lu = data.member("Lu");
        String session = signIns.session(lu);
        String form = SignIns.page().cookie("ll_session", session).get("/sign-out").then().statusCode(200)
                .extract().asString();
        assertTrue(form.contains("name=\"csrf\" value=\"" + SignIns.csrfToken(session) + "\""), form);

        SignIns.page().cookie("ll_session", session).post("/sign-out").then().statusCode(403);
        Api.bySession(session).get("/api/v1/me").then().statusCode(200);

        SignIns.page().cookie("ll_session", session).formParam("csrf", SignIns.csrfToken(session))
                .post("/sign-out").then().statusCode(200).header("Set-Cookie", containsString("Max-Age=0"))
                .body(containsString("signed out"));
        Api.bySession(session).get("/api/v1/me").then().statusCode(401);
    }
}
