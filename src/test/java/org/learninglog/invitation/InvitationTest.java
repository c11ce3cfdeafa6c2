package org.learninglog.invitation;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.learninglog.Api.anonymous;
import static org.learninglog.Api.as;
import static org.learninglog.Api.badRequestAs;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.learninglog.ClockAndMailTest;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;
import org.learninglog.mail.MailDispatcher;
import org.learninglog.mail.TestMailServer;

import io.quarkus.test.junit.QuarkusTest;

/** Invitations and the note about a new group, in each member's language, read from the test SMTP server. */
@QuarkusTest
class InvitationTest extends ClockAndMailTest {

    private static final Instant WEDNESDAY = Instant.parse("2026-12-02T10:00:00Z");

    @Inject
    MailDispatcher dispatcher;

    @Test
    void shouldInviteANewMemberInTheLanguageTheirAdministratorsBrowserPrefers() {
        clock.set(WEDNESDAY);
        TestMember admin = data.admin();
        String email = newEmail("jonas+weber");

        String id = as(admin.token()).header("Accept-Language", "fr-CH, de-DE;q=0.9, en;q=0.8")
                .body(newcomer("Jonas Weber", email)).post("/api/v1/members")
                .then().statusCode(201).body("language", equalTo("de")).extract().path("id");

        MimeMessage invitation = onlyMessageTo(email);
        assertEquals("Ihre Einladung zu Learning Log", TestMailServer.subject(invitation));
        String text = TestMailServer.part(invitation, "text/plain");
        assertThat(text, containsString("Hallo Jonas Weber,"));
        assertThat(text, containsString("In Learning Log arbeiten kleine Gruppen"));
        assertThat(text, containsString("Eingeladen am 2. Dezember 2026."));
        assertThat(text, containsString("Bei Learning Log anmelden: http://localhost:8080/sign-in?email="
                + URLEncoder.encode(email, StandardCharsets.UTF_8)));
        String html = TestMailServer.part(invitation, "text/html");
        assertThat(html, containsString("<html lang=\"de\">"));
        assertThat(html, containsString("href=\"http://localhost:8080/sign-in?email=jonas%2Bweber."));
        as(admin.token()).get("/api/v1/members/{id}", id).then().statusCode(200).body("language", equalTo("de"));
    }

    @Test
    void shouldInviteInEnglishWhenTheRequestPrefersNoLanguageTheServiceHas() {
        clock.set(WEDNESDAY);
        TestMember admin = data.admin();
        String email = newEmail("priya");

        as(admin.token()).header("Accept-Language", "fr-FR, ja;q=0.5").body(newcomer("Priya Shah", email))
                .post("/api/v1/members").then().statusCode(201).body("language", equalTo("en"));

        MimeMessage invitation = onlyMessageTo(email);
        assertEquals("You are invited to Learning Log", TestMailServer.subject(invitation));
        String text = TestMailServer.part(invitation, "text/plain");
        assertThat(text, containsString("Hello Priya Shah,"));
        assertThat(text, containsString("Invited on 2 December 2026."));
        assertThat(text, containsString("Sign in to Learning Log: http://localhost:8080/sign-in?email="));
        assertThat(text, not(containsString("token")));
    }

    @Test
    void shouldTakeTheLanguageGivenOverTheRequestsAndEnglishWithoutEither() {
        TestMember admin = data.admin();

        as(admin.token()).header("Accept-Language", "de").body(newcomer("Marta García", newEmail("marta"), "es"))
                .post("/api/v1/members").then().statusCode(201).body("language", equalTo("es"));
        as(admin.token()).body(newcomer("Oliver Brown", newEmail("oliver"))).post("/api/v1/members")
                .then().statusCode(201).body("language", equalTo("en"));
        as(admin.token()).header("Accept-Language", "not a ;;; language").body(newcomer("Aoife", newEmail("aoife")))
                .post("/api/v1/members").then().statusCode(201).body("language", equalTo("en"));
    }

    @Test
    void shouldRefuseALanguageTheServiceDoesNotWriteNamingTheField() {
        TestMember admin = data.admin();
        String email = newEmail("fr");

        for (String language : List.of("fr", "de-DE", "EN", "xx")) {
            badRequestAs(admin.token()).body(newcomer("Jean", email, language)).post("/api/v1/members")
                    .then().statusCode(400).body("errors.field", hasItem("language"));
        }
        badRequestAs(admin.token()).body(Map.of("language", "fr")).patch("/api/v1/me")
                .then().statusCode(400).body("errors.field", hasItem("language"));
        // Nothing was created: the address is still free.
        as(admin.token()).body(newcomer("Jean", email, "en")).post("/api/v1/members").then().statusCode(201);
        as(admin.token()).get("/api/v1/me").then().body("language", equalTo("en"));
    }

    @Test
    void shouldLetMembersAndAdministratorsChangeTheLanguage() {
        TestMember admin = data.admin();
        TestMember zofia = data.member("Zofia Nowak", "Europe/Warsaw");

        as(zofia.token()).body(Map.of("language", "pl")).patch("/api/v1/me")
                .then().statusCode(200).body("language", equalTo("pl"));
        as(admin.token()).body(Map.of("language", "de")).patch("/api/v1/members/{id}", zofia.id())
                .then().statusCode(200).body("language", equalTo("de"));
        as(zofia.token()).get("/api/v1/me").then().body("language", equalTo("de"));
    }

    @Test
    void shouldTellAMemberAddedToAGroupWhichGroupAndWhenItsLogDayIsInTheirLanguage() {
        clock.set(WEDNESDAY);
        TestMember admin = data.admin();
        TestMember marta = data.member("Marta");
        TestMember jonas = data.member("Jonas", "Europe/Berlin");
        TestMember oliver = data.member("Oliver", "Europe/London");
        as(jonas.token()).body(Map.of("language", "de")).patch("/api/v1/me").then().statusCode(200);
        String name = "Sustainability " + TestData.suffix();
        UUID groupId = data.group(name, marta);

        for (TestMember member : List.of(jonas, oliver)) {
            as(admin.token()).body(Map.of("memberId", member.id().toString()))
                    .post("/api/v1/groups/{id}/members", groupId).then().statusCode(201);
        }

        MimeMessage toJonas = onlyMessageTo(jonas.email());
        assertEquals("Sie sind jetzt in " + name + " auf Learning Log", TestMailServer.subject(toJonas));
        String german = TestMailServer.part(toJonas, "text/plain");
        assertThat(german, containsString("Sie wurden zur Gruppe " + name + " hinzugefügt."));
        assertThat(german, containsString("Der Log-Tag der Gruppe ist Dienstag, ab 09:00 Uhr Ihrer Zeit."
                + " Der nächste ist Dienstag, 8. Dezember 2026."));
        assertThat(german, containsString("http://localhost:8080/groups/" + groupId));
        MimeMessage toOliver = onlyMessageTo(oliver.email());
        assertEquals("You are now in " + name + " on Learning Log", TestMailServer.subject(toOliver));
        assertThat(TestMailServer.part(toOliver, "text/plain"), containsString(
                "The group's log day is Tuesday, from 09:00 your time. The next one is Tuesday, 8 December 2026."));
        // Set-up and jobs that add members without a caller tell nobody.
        assertEquals(List.of(), TestMailServer.messagesTo(marta.email()));
    }

    @Test
    void shouldResendAnInvitationButNotTwiceWithinTenMinutes() {
        clock.set(WEDNESDAY);
        TestMember admin = data.admin();
        String email = newEmail("resent");
        String id = as(admin.token()).body(newcomer("Resent", email)).post("/api/v1/members")
                .then().statusCode(201).extract().path("id");
        assertEquals(1, delivered(email).size());

        clock.advance(Duration.ofMinutes(9));
        as(admin.token()).post("/api/v1/members/{id}/invitation", id).then().statusCode(202);
        as(admin.token()).post("/api/v1/members/{id}/invitation", id).then().statusCode(202);
        assertEquals(1, delivered(email).size(), "none again within ten minutes of the first");

        clock.advance(Duration.ofMinutes(2));
        as(admin.token()).post("/api/v1/members/{id}/invitation", id).then().statusCode(202);
        as(admin.token()).post("/api/v1/members/{id}/invitation", id).then().statusCode(202);
        List<MimeMessage> invitations = delivered(email);
        assertEquals(2, invitations.size(), "one more after ten minutes, and only one");
        assertEquals("You are invited to Learning Log", TestMailServer.subject(invitations.get(1)));
    }

    @Test
    void shouldRefuseToResendForUnknownAndDeactivatedMembersAndForNonAdministrators() {
        TestMember admin = data.admin();
        TestMember ana = data.member("Ana");
        TestMember bo = data.member("Bo");

        as(admin.token()).post("/api/v1/members/{id}/invitation", UUID.randomUUID()).then().statusCode(404);
        as(ana.token()).post("/api/v1/members/{id}/invitation", bo.id()).then().statusCode(403);
        anonymous().post("/api/v1/members/{id}/invitation", bo.id()).then().statusCode(401);
        as(admin.token()).body(Map.of("active", false)).patch("/api/v1/members/{id}", bo.id()).then()
                .statusCode(200);
        as(admin.token()).post("/api/v1/members/{id}/invitation", bo.id()).then().statusCode(409)
                .body("detail", containsString("deactivated"));
        assertEquals(List.of(), delivered(bo.email()));
    }

    private static Map<String, Object> newcomer(String name, String email) {
        return Map.of("displayName", name, "email", email, "timeZone", "Europe/Berlin");
    }

    private static Map<String, Object> newcomer(String name, String email, String language) {
        Map<String, Object> body = new HashMap<>(newcomer(name, email));
        body.put("language", language);
        return body;
    }

    private static String newEmail(String local) {
        return local + "." + TestData.suffix() + "@test.invalid";
    }

    private List<MimeMessage> delivered(String email) {
        for (int round = 0; round < 100 && dispatcher.dispatchDue() > 0; round++) {
            // keep delivering: other tests leave mail due too
        }
        return TestMailServer.messagesTo(email);
    }

    private MimeMessage onlyMessageTo(String email) {
        List<MimeMessage> messages = delivered(email);
        assertEquals(1, messages.size());
        return messages.get(0);
    }
}
