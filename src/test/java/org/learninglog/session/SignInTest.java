package org.learninglog.session;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.learninglog.Api;
import org.learninglog.ClockAndMailTest;
import org.learninglog.Race;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;
import org.learninglog.mail.TestMailServer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class SignInTest extends ClockAndMailTest {

    @Inject
    SignIns signIns;

    @Test
    void shouldSignInThroughTheEmailedLinkAndUseTheSessionOnTheApi() {
        TestMember ana = data.member("Ana");
        SignIns.askForLink(ana.email(), SignIns.clientAddress()).then().statusCode(202)
                .body("email", equalTo(ana.email())).body("validForMinutes", equalTo(15));
        String link = signIns.emailedLink(ana);

        SignIns.page().get("/sign-in/{token}", link).then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<form method=\"post\" action=\"/sign-in/" + link + "\""))
                .body(containsString("Sign in</button>"));
        Response signedIn = SignIns.page().post("/sign-in/{token}", link);

        signedIn.then().statusCode(303).header("Location", matchesPattern("http://localhost:\\d+/"));
        String setCookie = signedIn.header("Set-Cookie");
        assertTrue(setCookie.startsWith("ll_session="), setCookie);
        for (String attribute : List.of("HttpOnly", "SameSite=Lax", "Secure", "Path=/")) {
            assertTrue(setCookie.contains(attribute), attribute + " missing in " + setCookie);
        }
        String session = signedIn.cookie("ll_session");
        Api.bySession(session).get("/api/v1/me").then().statusCode(200).body("email", equalTo(ana.email()));
    }

    @Test
    void shouldWriteTheSignInEmailInTheMembersLanguage() {
        TestMember jonas = data.member("Jonas");
        Api.as(jonas.token()).body(Map.of("language", "de")).patch("/api/v1/me").then().statusCode(200);

        SignIns.askForLink(jonas.email(), SignIns.clientAddress()).then().statusCode(202);
        signIns.emailedLink(jonas);

        List<MimeMessage> mails = TestMailServer.messagesTo(jonas.email());
        MimeMessage mail = mails.get(mails.size() - 1);
        assertEquals("Ihr Anmeldelink für Learning Log", TestMailServer.subject(mail));
        String text = TestMailServer.part(mail, "text/plain");
        assertThat(text, containsString("Hallo Jonas"));
        assertThat(text, containsString("15 Minuten"));
    }

    @Test
    void shouldRefuseASignInPostedFromAnotherSiteAndKeepTheLink() {
        TestMember ana = data.member("Ana");
        SignIns.askForLink(ana.email(), SignIns.clientAddress()).then().statusCode(202);
        String link = signIns.emailedLink(ana);

        SignIns.page().header("Origin", "https://evil.example").post("/sign-in/{token}", link).then().statusCode(403)
                .header("Set-Cookie", nullValue()).body(containsString("another website"));
        SignIns.page().header("Sec-Fetch-Site", "cross-site").post("/sign-in/{token}", link).then().statusCode(403);
        SignIns.page().header("Sec-Fetch-Site", "cross-site").formParam("email", ana.email()).post("/sign-in")
                .then().statusCode(403);

        SignIns.page().header("Sec-Fetch-Site", "same-origin").post("/sign-in/{token}", link).then().statusCode(303)
                .header("Set-Cookie", startsWith("ll_session="));
    }

    @Test
    void shouldShowTheSignInPagesInTheBrowsersLanguage() {
        SignIns.page().header("Accept-Language", "de-AT,de;q=0.9,en;q=0.5").get("/sign-in").then().statusCode(200)
                .header("Content-Language", "de").body(containsString("<html lang=\"de\">"))
                .body(containsString("Ihre geschäftliche E-Mail-Adresse"));
        SignIns.page().header("Accept-Language", "pl").header("X-Forwarded-For", SignIns.clientAddress())
                .formParam("email", "<b>x</b>@test.invalid").post("/sign-in").then().statusCode(200)
                .body(containsString("Sprawdź skrzynkę pocztową"))
                .body(containsString("&lt;b&gt;x&lt;/b&gt;@test.invalid"));
        SignIns.page().header("Accept-Language", "fr").get("/sign-in/{token}", "not-a-link").then().statusCode(404)
                .header("Content-Language", "en").body(containsString("This sign-in link is not valid"));
    }

    @Test
    void shouldLeadToTheNextPathAfterSigningIn() {
        TestMember bo = data.member("Bo");
        Api.anonymous().header("X-Forwarded-For", SignIns.clientAddress())
                .body(Map.of("email", bo.email(), "next", "/groups/abc/weeks/current"))
                .post("/api/v1/sign-in-links").then().statusCode(202);

        SignIns.page().post("/sign-in/{token}", signIns.emailedLink(bo)).then().statusCode(303)
                .header("Location", containsString("/groups/abc/weeks/current"));
    }

    @Test
    void shouldRefuseALinkToAnotherSite() {
        Api.anonymous().header("X-Forwarded-For", SignIns.clientAddress())
                .body(Map.of("email", "x@test.invalid", "next", "//evil.example/"))
                .post("/api/v1/sign-in-links").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("next"));
        assertEquals(null, SignInRules.next("/\\evil.example"));
        assertEquals(null, SignInRules.next("https://evil.example/"));
        assertEquals("/groups", SignInRules.next("/groups"));
    }

    @Test
    void shouldAnswerKnownAndUnknownAddressesAlike() {
        TestMember cy = data.member("Cy");
        String unknown = "nobody." + TestData.suffix() + "@test.invalid";

        Response known = SignIns.askForLink(cy.email(), SignIns.clientAddress());
        Response other = SignIns.askForLink(unknown, SignIns.clientAddress());

        assertEquals(known.statusCode(), other.statusCode());
        assertEquals(known.contentType(), other.contentType());
        assertEquals(known.asString().replace(cy.email(), "ADDRESS"), other.asString().replace(unknown, "ADDRESS"));
        signIns.emailedLink(cy);
        assertEquals(List.of(), TestMailServer.messagesTo(unknown));
    }

    @Test
    void shouldShowTheSameCheckYourEmailPageForKnownAndUnknownAddresses() {
        TestMember di = data.member("Di");
        String unknown = "nobody." + TestData.suffix() + "@test.invalid";
        SignIns.page().get("/sign-in?email={email}", di.email()).then().statusCode(200)
                .body(containsString("value=\"" + di.email() + "\""));

        String known = SignIns.page().header("X-Forwarded-For", SignIns.clientAddress())
                .formParam("email", di.email()).post("/sign-in").then().statusCode(200).extract().asString();
        String other = SignIns.page().header("X-Forwarded-For", SignIns.clientAddress())
                .formParam("email", unknown).post("/sign-in").then().statusCode(200).extract().asString();

        assertTrue(known.contains("Check your email"), known);
        assertEquals(known.replace(di.email(), "ADDRESS"), other.replace(unknown, "ADDRESS"));
        assertNotNull(signIns.emailedLink(di));
    }

    @Test
    void shouldRefuseAReusedLink() {
        TestMember ed = data.member("Ed");
        SignIns.askForLink(ed.email(), SignIns.clientAddress()).then().statusCode(202);
        String link = signIns.emailedLink(ed);
        SignIns.page().post("/sign-in/{token}", link).then().statusCode(303);

        SignIns.page().post("/sign-in/{token}", link).then().statusCode(410)
                .contentType(containsString("text/html")).header("Set-Cookie", equalTo(null))
                .body(containsString("can no longer be used")).body(containsString("href=\"/sign-in?email="));
        SignIns.page().get("/sign-in/{token}", link).then().statusCode(410);
    }

    @Test
    void shouldRefuseAnExpiredLink() {
        TestMember fay = data.member("Fay");
        SignIns.askForLink(fay.email(), SignIns.clientAddress()).then().statusCode(202);
        String link = signIns.emailedLink(fay);

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));

        SignIns.page().get("/sign-in/{token}", link).then().statusCode(410);
        SignIns.page().post("/sign-in/{token}", link).then().statusCode(410).header("Set-Cookie", equalTo(null));
    }

    @Test
    void shouldAcceptALinkJustBeforeItExpires() {
        TestMember gil = data.member("Gil");
        SignIns.askForLink(gil.email(), SignIns.clientAddress()).then().statusCode(202);
        String link = signIns.emailedLink(gil);

        clock.advance(Duration.ofMinutes(14));

        SignIns.page().post("/sign-in/{token}", link).then().statusCode(303);
    }

    @Test
    void shouldRefuseATamperedLink() {
        TestMember hal = data.member("Hal");
        SignIns.askForLink(hal.email(), SignIns.clientAddress()).then().statusCode(202);
        String link = signIns.emailedLink(hal);
        String tampered = (link.charAt(0) == 'A' ? "B" : "A") + link.substring(1);

        SignIns.page().get("/sign-in/{token}", tampered).then().statusCode(404)
                .contentType(containsString("text/html")).body(containsString("not valid"));
        SignIns.page().post("/sign-in/{token}", tampered).then().statusCode(404).header("Set-Cookie", equalTo(null));
        SignIns.page().post("/sign-in/{token}", link.substring(0, 10)).then().statusCode(404);
        // The genuine link still works: a forged one consumed nothing.
        SignIns.page().post("/sign-in/{token}", link).then().statusCode(303);
    }

    @Test
    void shouldOpenOneSessionWhenTwoPostsOfOneLinkRace() throws Exception {
        TestMember ivy = data.member("Ivy");
        SignIns.askForLink(ivy.email(), SignIns.clientAddress()).then().statusCode(202);
        String link = signIns.emailedLink(ivy);

        Callable<Integer> post = () -> SignIns.page().post("/sign-in/{token}", link).statusCode();
        List<Integer> statuses = Race.all(List.of(post, post));

        assertEquals(List.of(303, 410), statuses.stream().sorted().toList());
        assertEquals(1, Api.pageThrough(ivy.token(), 10, "/api/v1/me/sessions").size());
    }

    @Test
    void shouldLimitLinksPerAddressWithRetryAfter() {
        TestMember jo = data.member("Jo");
        for (int i = 0; i < 5; i++) {
            SignIns.askForLink(jo.email(), SignIns.clientAddress()).then().statusCode(202);
        }

        Response refused = SignIns.askForLink(jo.email(), SignIns.clientAddress());

        refused.then().statusCode(429).contentType("application/problem+json").body("status", equalTo(429));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter > 3500 && retryAfter <= 3600, "Retry-After " + retryAfter);
        // An unknown address is limited the same way.
        String unknown = "nobody." + TestData.suffix() + "@test.invalid";
        for (int i = 0; i < 5; i++) {
            SignIns.askForLink(unknown, SignIns.clientAddress()).then().statusCode(202);
        }
        SignIns.askForLink(unknown, SignIns.clientAddress()).then().statusCode(429);
        // An hour after the first, one more is accepted.
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        SignIns.askForLink(jo.email(), SignIns.clientAddress()).then().statusCode(202);
    }

    @Test
    void shouldLimitLinksPerClientAddress() {
        String client = SignIns.clientAddress();
        for (int i = 0; i < 20; i++) {
            SignIns.askForLink("someone." + TestData.suffix() + "@test.invalid", client).then().statusCode(202);
        }

        SignIns.askForLink("someone." + TestData.suffix() + "@test.invalid", client).then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        SignIns.page().header("X-Forwarded-For", client).formParam("email", "x." + TestData.suffix() + "@test.invalid")
                .post("/sign-in").then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body(containsString("Too many sign-in links"));
        SignIns.askForLink("someone." + TestData.suffix() + "@test.invalid", SignIns.clientAddress()).then()
                .statusCode(202);
    }
}
