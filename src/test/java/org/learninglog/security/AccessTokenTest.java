package org.learninglog.security;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.learninglog.Api.anonymous;
import static org.learninglog.Api.as;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.learninglog.Api;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;
import org.learninglog.identity.Actor;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class AccessTokenTest {

    @Inject
    TestData data;

    @Inject
    AccessTokenService tokens;

    @ConfigProperty(name = "learninglog.tokens.max-live-per-member")
    int cap;

    @Test
    void shouldShowTheSecretOnceWhenCreatingAToken() {
        TestMember ana = data.member("Ana");

        Response created = as(ana.token()).body(Map.of("name", "laptop")).post("/api/v1/me/tokens");

        created.then().statusCode(201)
                .header("Location", endsWith("/api/v1/me/tokens/" + created.path("id")))
                .body("name", equalTo("laptop"))
                .body("token", startsWith("ll_"))
                .body("createdAt", notNullValue());
        String secret = created.path("token");
        assertEquals(secret.substring(0, 10), created.path("prefix"));
        assertTrue(secret.length() >= 40, "a token carries at least 256 bits: " + secret.length());
    }

    @Test
    void shouldNeverListTheSecret() {
        TestMember ana = data.member("Ana");
        String secret = as(ana.token()).body(Map.of("name", "laptop")).post("/api/v1/me/tokens").path("token");

        Response list = as(ana.token()).get("/api/v1/me/tokens");

        list.then().statusCode(200)
                .body("items.name", hasItem("laptop"))
                .body("items.token", everyItem(nullValue()));
        assertFalse(list.asString().contains(secret), list.asString());
    }

    @Test
    void shouldAuthenticateWithANewTokenAndNoteWhenItWasLastUsed() {
        TestMember ana = data.member("Ana");
        Response created = as(ana.token()).body(Map.of("name", "ci")).post("/api/v1/me/tokens");
        String id = created.path("id");
        String secret = created.path("token");
        as(ana.token()).get("/api/v1/me/tokens").then()
                .body("items.find { it.id == '" + id + "' }.lastUsedAt", nullValue());

        as(secret).get("/api/v1/me").then().statusCode(200).body("id", equalTo(ana.id().toString()));

        as(ana.token()).get("/api/v1/me/tokens").then()
                .body("items.find { it.id == '" + id + "' }.lastUsedAt", notNullValue());
    }

    @Test
    void shouldRevokeAToken() {
        TestMember ana = data.member("Ana");
        Response created = as(ana.token()).body(Map.of("name", "old laptop")).post("/api/v1/me/tokens");
        String id = created.path("id");
        String secret = created.path("token");

        as(ana.token()).delete("/api/v1/me/tokens/{id}", id).then().statusCode(204);

        as(secret).get("/api/v1/me").then().statusCode(401).contentType("application/problem+json");
        as(ana.token()).get("/api/v1/me/tokens").then().body("items.id", not(hasItem(id)));
        as(ana.token()).delete("/api/v1/me/tokens/{id}", id).then().statusCode(404);
    }

    @Test
    void shouldNotRevokeSomeoneElsesToken() {
        TestMember ana = data.member("Ana");
        TestMember bo = data.member("Bo");
        Response created = as(bo.token()).body(Map.of("name", "phone")).post("/api/v1/me/tokens");

        as(ana.token()).delete("/api/v1/me/tokens/{id}", created.<String>path("id")).then()
                .statusCode(404).contentType("application/problem+json");

        as(created.<String>path("token")).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void shouldLetAnAdministratorIssueAMembersFirstToken() {
        TestMember admin = data.admin();
        TestMember bo = data.member("Bo");

        Response issued = as(admin.token()).body(Map.of("name", "onboarding")).post("/api/v1/members/{id}/tokens",
                bo.id());

        // No Location: the token lives under the member's /me, which is not a URL the administrator can use.
        issued.then().statusCode(201).header("Location", nullValue())
                .body("token", startsWith("ll_")).body("name", equalTo("onboarding"));
        as(issued.<String>path("token")).get("/api/v1/me").then()
                .statusCode(200).body("id", equalTo(bo.id().toString())).body("role", equalTo("MEMBER"));
        as(bo.token()).get("/api/v1/me/tokens").then().body("items.id", hasItem(issued.<String>path("id")));
    }

    @Test
    void shouldForbidAMemberToIssueTokensForOthers() {
        TestMember ana = data.member("Ana");
        TestMember bo = data.member("Bo");

        as(ana.token()).body(Map.of("name", "sneaky")).post("/api/v1/members/{id}/tokens", bo.id()).then()
                .statusCode(403).contentType("application/problem+json");
    }

    @Test
    void shouldNotIssueATokenForAnUnknownOrDeactivatedMember() {
        TestMember admin = data.admin();
        TestMember bo = data.member("Bo");
        as(admin.token()).body(Map.of("active", false)).patch("/api/v1/members/{id}", bo.id()).then().statusCode(200);

        as(admin.token()).body(Map.of("name", "x")).post("/api/v1/members/{id}/tokens", java.util.UUID.randomUUID())
                .then().statusCode(404);
        as(admin.token()).body(Map.of("name", "x")).post("/api/v1/members/{id}/tokens", bo.id())
                .then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void shouldRejectABlankOrUnstorableTokenName() {
        TestMember ana = data.member("Ana");

        as(ana.token()).body(Map.of("name", "   ")).post("/api/v1/me/tokens").then()
                .statusCode(400).body("errors.field", hasItem("name"));
        as(ana.token()).body(Map.of("name", "lap\u0000top")).post("/api/v1/me/tokens").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("name"));
    }

    @Test
    void shouldPageThroughAllTokensWithoutDuplicates() {
        TestMember ana = data.member("Ana");
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            expected.add(as(ana.token()).body(Map.of("name", "token " + i)).post("/api/v1/me/tokens").path("id"));
        }

        List<String> seen = Api.field("id", Api.pageThrough(ana.token(), 1, "/api/v1/me/tokens"));

        // The four new tokens and the one the test data gave Ana.
        assertEquals(5, seen.size(), seen.toString());
        assertEquals(5, new HashSet<>(seen).size(), "duplicates: " + seen);
        assertTrue(seen.containsAll(expected), seen.toString());
    }

    @Test
    void shouldRefuseATokenBeyondTheCapUntilOneIsRevoked() {
        TestMember admin = data.admin();
        TestMember ana = data.member("Ana");
        for (int i = 1; i < cap; i++) {
            tokens.issueForMe(new Actor(ana.id(), false), "filler " + i);
        }

        as(ana.token()).body(Map.of("name", "one too many")).post("/api/v1/me/tokens").then()
                .statusCode(422).contentType("application/problem+json")
                .body("detail", containsString(String.valueOf(cap)));
        as(admin.token()).body(Map.of("name", "one too many")).post("/api/v1/members/{id}/tokens", ana.id()).then()
                .statusCode(422);
        assertEquals(cap, Api.pageThrough(ana.token(), 100, "/api/v1/me/tokens").size());

        // A filler, not the token this test is calling with (several share one created instant).
        String filler = as(ana.token()).queryParam("limit", 100).get("/api/v1/me/tokens")
                .path("items.find { it.name == 'filler 1' }.id");
        as(ana.token()).delete("/api/v1/me/tokens/{id}", filler).then().statusCode(204);
        as(ana.token()).body(Map.of("name", "room again")).post("/api/v1/me/tokens").then().statusCode(201);
    }

    @Test
    void shouldNeverWriteASecretToTheLog() {
        TestMember admin = data.admin();
        TestMember ana = data.member("Ana");
        try (LogCapture log = LogCapture.start("org.learninglog", "io.quarkus.security", "io.quarkus.vertx.http",
                "io.quarkus.resteasy.reactive", "org.jboss.resteasy.reactive", "org.hibernate.SQL")) {
            Logger.getLogger("org.learninglog.test").fine("capture marker");

            Response created = as(ana.token()).body(Map.of("name", "laptop")).post("/api/v1/me/tokens");
            String secret = created.path("token");
            as(secret).get("/api/v1/me").then().statusCode(200);
            as(ana.token()).get("/api/v1/me/tokens").then().statusCode(200);
            String issued = as(admin.token()).body(Map.of("name", "onboarding"))
                    .post("/api/v1/members/{id}/tokens", ana.id()).path("token");
            as(issued).get("/api/v1/me").then().statusCode(200);
            as(ana.token()).delete("/api/v1/me/tokens/{id}", created.<String>path("id")).then().statusCode(204);
            as(secret).get("/api/v1/me").then().statusCode(401);
            anonymous().header("Authorization", "Basic " + secret).get("/api/v1/me").then().statusCode(401);

            String text = log.text();
            assertTrue(text.contains("capture marker"), "the log was not captured");
            assertFalse(text.contains(secret), "the secret of a created token was logged");
            assertFalse(text.contains(issued), "the secret of an issued token was logged");
            assertFalse(text.contains(ana.token()), "a secret used to authenticate was logged");
        }
    }

    /** Collects every log record, down to DEBUG for the given categories, for as long as it is open. */
    private static final class LogCapture extends Handler implements AutoCloseable {

        private final StringBuffer text = new StringBuffer();
        private final List<Logger> raised = new ArrayList<>();
        private final List<Level> previous = new ArrayList<>();

        static LogCapture start(String... debugCategories) {
            LogCapture capture = new LogCapture();
            capture.setLevel(Level.ALL);
            for (String category : debugCategories) {
                Logger logger = Logger.getLogger(category);
                capture.raised.add(logger);
                capture.previous.add(logger.getLevel());
                logger.setLevel(Level.FINE);
            }
            Logger.getLogger("").addHandler(capture);
            return capture;
        }

        String text() {
            return text.toString();
        }

        @Override
        public void publish(LogRecord record) {
            String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
            text.append(record.getLoggerName()).append(' ').append(message).append('\n');
            for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                text.append(t).append('\n');
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            Logger.getLogger("").removeHandler(this);
            for (int i = 0; i < raised.size(); i++) {
                raised.get(i).setLevel(previous.get(i));
            }
        }
    }
}
