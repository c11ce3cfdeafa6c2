package org.learninglog.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.learninglog.Api;
import org.learninglog.ClockAndMailTest;
import org.learninglog.TestData.TestMember;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The pages as plain HTTP sees them: headers, the redirect to sign-in and back, no secrets in addresses. */
@QuarkusTest
class WebPagesTest extends ClockAndMailTest {

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private static final List<String> PAGES = List.of("/", "/groups/%s", "/groups/%s/weeks/current",
            "/groups/%s/weeks/2026-W11", "/groups/%s/members", "/groups/%s/insights", "/entries/%s", "/questions",
            "/notifications",
            "/settings", "/admin", "/search");

    @Inject
    Mailbox mailbox;

    @Test
    void shouldSendTheSignedOutToSignInAndBackToThePage() {
        UUID group = UUID.randomUUID();
        for (String page : PAGES) {
            String path = page.formatted(group);
            Response response = given().redirects().follow(false).get(path);
            assertEquals(303, response.statusCode(), path);
            assertEquals("/sign-in?next=" + java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8),
                    response.header("Location").replaceFirst("^https?://[^/]+", ""), path);
        }
    }

    @Test
    void shouldSendAnEndedSessionToSignInToo() {
        given().redirects().follow(false).cookie("ll_session", "no-such-session").get("/questions").then()
                .statusCode(303).header("Location", containsString("/sign-in?next=%2Fquestions"));
    }

    @Test
    void shouldServeEveryPageWithTheContentSecurityPolicyAndNoInlineScript() {
        TestMember ana = data.member("Ana");
        String session = signIn(ana, "/");
        UUID group = data.group("Headers " + org.learninglog.TestData.suffix(), ana);
        for (String page : PAGES) {
            String path = page.formatted(group);
            Response response = given().redirects().follow(false).cookie("ll_session", session).get(path);
            assertEquals(200, response.statusCode(), path);
            assertEquals(CSP, response.header("Content-Security-Policy"), path);
            assertEquals("nosniff", response.header("X-Content-Type-Options"), path);
            assertEquals("same-origin", response.header("Referrer-Policy"), path);
            assertEquals("en", response.header("Content-Language"), path);
            String html = response.body().asString();
            assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)").matcher(html).find(), "inline script on " + path);
            assertFalse(Pattern.compile("\\son[a-z]+=", Pattern.CASE_INSENSITIVE).matcher(html).find(),
                    "inline event handler on " + path);
            assertFalse(html.contains("style="), "inline style on " + path);
        }
    }

    @Test
    void shouldProtectTheSignInAndUnsubscribePagesOfOtherFeaturesLikeTheFrontEndsOwn() {
        for (String path : List.of("/sign-in", "/sign-in?email=ana%40test.invalid", "/sign-in/no-such-link",
                "/unsubscribe?token=no-such-token")) {
            Response response = given().redirects().follow(false).get(path);
            assertTrue(response.contentType().startsWith("text/html"), path);
            assertEquals(CSP, response.header("Content-Security-Policy"), path);
            assertEquals("nosniff", response.header("X-Content-Type-Options"), path);
            String html = response.body().asString();
            assertFalse(html.contains("style="), "inline style on " + path);
            assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)").matcher(html).find(), "inline script on " + path);
        }
    }

    @Test
    void shouldWriteThePagesInTheMembersLanguage() {
        TestMember jonas = data.member("Jonas");
        Api.as(jonas.token()).body(Map.of("language", "de")).patch("/api/v1/me").then().statusCode(200);
        String session = signIn(jonas, "/");
        given().cookie("ll_session", session).header("Accept-Language", "es").get("/settings").then()
                .statusCode(200).header("Content-Language", "de")
                .body(containsString("<html lang=\"de\">"), containsString("Einstellungen"));
    }

    @Test
    void shouldLandWhereTheSignInWasGoingWithNoSecretInTheAddress() {
        TestMember ana = data.member("Ana");
        UUID group = data.group("Landing " + org.learninglog.TestData.suffix(), ana);
        String next = "/groups/" + group + "/weeks/2026-W11";
        Api.anonymous().header("X-Forwarded-For", Mailbox.clientAddress())
                .body(Map.of("email", ana.email(), "next", next)).post("/api/v1/sign-in-links").then().statusCode(202);
        String link = mailbox.path(ana.email(), Mailbox.SIGN_IN);
        Response signedIn = given().redirects().follow(false).post(link);
        assertEquals(303, signedIn.statusCode());
        String location = signedIn.header("Location").replaceFirst("^https?://[^/]+", "");
        assertEquals(next, location);
        String cookie = signedIn.header("Set-Cookie");
        assertTrue(cookie.contains("HttpOnly"), cookie);
        String secret = signedIn.cookie("ll_session");
        assertFalse(location.contains(secret));
        given().cookie("ll_session", secret).get(location).then().statusCode(200)
                .body(not(containsString(secret)), not(containsString(link)));
    }

    @Test
    void shouldAnswerAMalformedPageAddressWithANotFoundPage() {
        TestMember ana = data.member("Ana");
        String session = signIn(ana, "/");
        given().cookie("ll_session", session).get("/entries/not-an-id").then().statusCode(404)
                .contentType(containsString("text/html")).header("Content-Security-Policy", equalTo(CSP))
                .body(containsString("Page not found"));
        given().cookie("ll_session", session).get("/groups/" + UUID.randomUUID() + "/weeks/next-year").then()
                .statusCode(404);
    }

    @Test
    void shouldServeTheAssetsWithinTheFirstLoadBudget() throws IOException {
        long total = 0;
        for (String asset : List.of("/assets/app.css", "/assets/app.js", "/assets/api.js")) {
            byte[] body = given().get(asset).then().statusCode(200).header("Content-Type", not(emptyOrNullString()))
                    .extract().asByteArray();
            total += gzipped(body);
        }
        assertTrue(total < 100 * 1024, "JS and CSS are " + total + " bytes compressed");
    }

    private String signIn(TestMember member, String next) {
        int seen = Mailbox.received(member.email());
        Api.anonymous().header("X-Forwarded-For", Mailbox.clientAddress())
                .body(Map.of("email", member.email(), "next", next)).post("/api/v1/sign-in-links").then()
                .statusCode(202);
        String link = mailbox.path(member.email(), Mailbox.SIGN_IN, seen);
        return given().redirects().follow(false).post(link).then().statusCode(303).extract().cookie("ll_session");
    }

    private static long gzipped(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out);
                InputStream in = new java.io.ByteArrayInputStream(body)) {
            in.transferTo(gzip);
        }
        return out.size();
    }
}
