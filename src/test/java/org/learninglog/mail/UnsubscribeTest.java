package org.learninglog.mail;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.learninglog.Api;
import org.learninglog.ClockAndMailTest;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;
import org.learninglog.reminder.ReminderFixtures;
import org.learninglog.reminder.ReminderJob;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class UnsubscribeTest extends ClockAndMailTest {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    @Inject
    ReminderFixtures fixtures;

    @Inject
    ReminderJob job;

    @Inject
    UnsubscribeTokens tokens;

    @Test
    void shouldShowThePagesInTheMembersLanguage() {
        TestMember jonas = data.member("Jonas");
        Api.as(jonas.token()).body(Map.of("language", "de")).patch("/api/v1/me").then().statusCode(200);
        String token = tokens.issue(jonas.id(), UnsubscribeTokens.REPLIES);

        Api.anonymous().queryParam("token", token).get("/unsubscribe").then()
                .statusCode(200)
                .body(containsString("<html lang=\"de\">"))
                .body(containsString("<h1>Benachrichtigungen zu Threads abbestellen?</h1>"))
                .body(containsString("<button type=\"submit\">Benachrichtigungen zu Threads abbestellen</button>"));
        oneClick(token).statusCode(200)
                .body(containsString("<h1>Sie haben abbestellt</h1>"))
                .body(containsString("Jonas, Learning Log schickt Ihnen keine Benachrichtigungen zu Threads mehr."));
    }

    @Test
    void shouldShowAConfirmationPageThatChangesNothing() {
        TestMember ana = data.member("Ana <Admin>");
        data.group("Confirm " + TestData.suffix(), null, ana);
        String token = tokenFromAReminderTo(ana);

        Api.anonymous().queryParam("token", token).get("/unsubscribe").then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("Ana &lt;Admin&gt;"))
                .body(containsString("<form method=\"post\" action=\"unsubscribe?token=" + token + "\">"))
                .body(containsString("name=\"List-Unsubscribe\" value=\"One-Click\""));

        Api.as(ana.token()).get("/api/v1/me").then().statusCode(200).body("reminders", equalTo(true));
    }

    @Test
    void shouldSwitchRemindersOffWithOneClickAndLetTheMemberSwitchThemOnAgain() {
        TestMember ana = data.member("Ana");
        UUID group = data.group("Unsubscribe " + TestData.suffix(), null, ana);
        String token = tokenFromAReminderTo(ana);

        oneClick(token).statusCode(200).contentType(containsString("text/html"))
                .body(containsString("You are unsubscribed"));
        Api.as(ana.token()).get("/api/v1/me").then().statusCode(200).body("reminders", equalTo(false));
        oneClick(token).statusCode(200); // a second click changes nothing

        remindAt("2026-06-09T08:00:00Z"); // the next Tuesday
        assertEquals(List.of(), keysNotOfWeek(ana, "2026-W23"));

        Api.as(ana.token()).body("{\"reminders\": true}").patch("/api/v1/me").then()
                .statusCode(200).body("reminders", equalTo(true));
        remindAt("2026-06-16T08:00:00Z");
        assertEquals(List.of("reminder:" + ana.id() + ":" + group + ":2026-W25"), keysNotOfWeek(ana, "2026-W23"));
    }

    @Test
    void shouldRefuseATokenWhoseMemberWasSwapped() {
        TestMember ana = data.member("Ana");
        TestMember bob = data.member("Bob");
        data.group("Swapped " + TestData.suffix(), null, ana, bob);
        String anasToken = tokenFromAReminderTo(ana);
        String payloadForBob = BASE64URL.encodeToString(("v1:reminders:" + bob.id()).getBytes(StandardCharsets.UTF_8));
        String altered = payloadForBob + anasToken.substring(anasToken.indexOf('.'));

        Api.anonymous().queryParam("token", altered).get("/unsubscribe").then()
                .statusCode(400).contentType(containsString("text/html"))
                .body(containsString("This unsubscribe link is not valid"));
        oneClick(altered).statusCode(400).body(not(containsString("unsubscribed")));

        Api.as(bob.token()).get("/api/v1/me").then().body("reminders", equalTo(true));
        Api.as(ana.token()).get("/api/v1/me").then().body("reminders", equalTo(true));
    }

    @Test
    void shouldRefuseATokenSignedWithAnotherKey() throws Exception {
        TestMember ana = data.member("Ana");
        String payload = BASE64URL.encodeToString(("v1:reminders:" + ana.id()).getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("an-attacker-guessing-the-signing-key".getBytes(StandardCharsets.UTF_8),
                "HmacSHA256"));
        String forged = payload + "."
                + BASE64URL.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));

        oneClick(forged).statusCode(400);
        oneClick("not-a-token").statusCode(400);
        oneClick(payload).statusCode(400);

        Api.as(ana.token()).get("/api/v1/me").then().body("reminders", equalTo(true));
    }

    @Test
    void shouldAcceptTheOneClickPostAsMultipartFormData() {
        TestMember ana = data.member("Ana");
        String token = tokens.issue(ana.id(), UnsubscribeTokens.REMINDERS);

        Api.anonymous().contentType("multipart/form-data").multiPart("List-Unsubscribe", "One-Click")
                .queryParam("token", token).post("/unsubscribe").then()
                .statusCode(200).contentType(containsString("text/html")).body(containsString("You are unsubscribed"));

        Api.as(ana.token()).get("/api/v1/me").then().statusCode(200).body("reminders", equalTo(false));
    }

    @Test
    void shouldAcceptTheOneClickPostWithoutABody() {
        TestMember ana = data.member("Ana");
        String token = tokens.issue(ana.id(), UnsubscribeTokens.REPLIES);

        Api.anonymous().contentType("application/x-www-form-urlencoded").queryParam("token", token)
                .post("/unsubscribe").then().statusCode(200);

        Api.as(ana.token()).get("/api/v1/me").then().body("replyNotifications", equalTo("OFF"));
    }

    @Test
    void shouldRefuseAnotherSpellingOfAValidToken() {
        TestMember ana = data.member("Ana");
        String token = tokens.issue(ana.id(), UnsubscribeTokens.REMINDERS);
        String signature = token.substring(token.indexOf('.') + 1);
        // A 32-byte signature takes 43 Base64 characters; the last one carries 2 bits that decode to nothing.
        char last = signature.charAt(signature.length() - 1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char sameBytes = alphabet.charAt(alphabet.indexOf(last) ^ 1);
        String lastChanged = token.substring(0, token.length() - 1) + sameBytes;
        assertArrayEquals(Base64.getUrlDecoder().decode(signature),
                Base64.getUrlDecoder().decode(lastChanged.substring(token.indexOf('.') + 1)));

        for (String variant : List.of(token + "=", lastChanged, " " + token, token.replace('.', ','))) {
            Api.anonymous().queryParam("token", variant).get("/unsubscribe").then()
                    .statusCode(400).contentType(containsString("text/html"));
            oneClick(variant).statusCode(400);
        }

        Api.as(ana.token()).get("/api/v1/me").then().body("reminders", equalTo(true));
        Api.anonymous().queryParam("token", token).get("/unsubscribe").then().statusCode(200);
    }

    @Test
    void shouldAskForTheTokenWhenItIsMissing() {
        Api.anonymous().get("/unsubscribe").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("token"));
    }

    /** Reminds the member (who is in a group) and reads the token from the `List-Unsubscribe` header of the email received. */
    private String tokenFromAReminderTo(TestMember member) {
        remindAt("2026-06-02T08:00:00Z");
        fixtures.deliverAll();
        String header = TestMailServer.header(TestMailServer.messagesTo(member.email()).get(0), "List-Unsubscribe");
        return header.substring(header.indexOf("token=") + "token=".length(), header.indexOf('>'));
    }

    private void remindAt(String instant) {
        clock.set(Instant.parse(instant));
        job.enqueueDue();
    }

    private List<String> keysNotOfWeek(TestMember member, String week) {
        return fixtures.outbox(member.id()).stream().map(ReminderFixtures.OutboxRow::dedupeKey)
                .filter(key -> !key.endsWith(week)).toList();
    }

    private static ValidatableResponse oneClick(String token) {
        return Api.anonymous().contentType("application/x-www-form-urlencoded")
                .formParam("List-Unsubscribe", "One-Click")
                .queryParam("token", token)
                .post("/unsubscribe").then();
    }
}
