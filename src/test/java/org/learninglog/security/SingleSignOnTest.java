package org.learninglog.security;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.learninglog.Api.anonymous;
import static org.learninglog.Api.as;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;
import org.learninglog.time.MutableClock;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/** Bearer JWTs of the company's identity provider, verified against its JWKS; just-in-time creation off. */
@QuarkusTest
@TestProfile(SingleSignOnTest.WithIdentityProvider.class)
class SingleSignOnTest {

    public static class WithIdentityProvider implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(IdentityProvider.class));
        }
    }

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    @AfterEach
    void restoreClock() {
        clock.reset();
    }

    @Test
    void shouldAuthenticateAKnownMemberByTheEmailOfTheirToken() {
        TestMember ana = data.member("Ana");
        String jwt = IdentityProvider.sign(IdentityProvider.claims(ana.email().toUpperCase(), clock.instant()));

        as(jwt).get("/api/v1/me").then().statusCode(200).body("id", equalTo(ana.id().toString()));
    }

    @Test
    void shouldRejectAnExpiredToken() {
        TestMember ana = data.member("Ana");
        JwtClaims claims = IdentityProvider.claims(ana.email(), clock.instant().minusSeconds(7200));
        assertUnauthorized(as(IdentityProvider.sign(claims)).get("/api/v1/me"));
    }

    @Test
    void shouldRejectATokenExpiredByTheServicesClock() {
        TestMember ana = data.member("Ana");
        String jwt = IdentityProvider.sign(IdentityProvider.claims(ana.email(), clock.instant()));
        as(jwt).get("/api/v1/me").then().statusCode(200);

        clock.advance(java.time.Duration.ofHours(2));

        assertUnauthorized(as(jwt).get("/api/v1/me"));
    }

    @Test
    void shouldRejectATokenWithoutExpiry() {
        TestMember ana = data.member("Ana");
        JwtClaims claims = IdentityProvider.claims(ana.email(), clock.instant());
        claims.unsetClaim("exp");
        assertUnauthorized(as(IdentityProvider.sign(claims)).get("/api/v1/me"));
    }

    @Test
    void shouldRejectATokenOfAnotherIssuer() {
        TestMember ana = data.member("Ana");
        JwtClaims claims = IdentityProvider.claims(ana.email(), clock.instant());
        claims.setIssuer("https://login.elsewhere.test/");
        assertUnauthorized(as(IdentityProvider.sign(claims)).get("/api/v1/me"));
    }

    @Test
    void shouldRejectATokenForAnotherAudience() {
        TestMember ana = data.member("Ana");
        JwtClaims claims = IdentityProvider.claims(ana.email(), clock.instant());
        claims.setAudience("another-application");
        assertUnauthorized(as(IdentityProvider.sign(claims)).get("/api/v1/me"));
    }

    @Test
    void shouldRejectATokenSignedWithAnotherKey() {
        TestMember ana = data.member("Ana");
        String jwt = IdentityProvider.signWithOtherKey(IdentityProvider.claims(ana.email(), clock.instant()));
        assertUnauthorized(as(jwt).get("/api/v1/me"));
    }

    @Test
    void shouldRejectAnUnsignedToken() {
        TestMember ana = data.member("Ana");
        String jwt = IdentityProvider.unsigned(IdentityProvider.claims(ana.email(), clock.instant()));
        assertUnauthorized(as(jwt).get("/api/v1/me"));
    }

    @Test
    void shouldRejectATokenNotYetValid() {
        TestMember ana = data.member("Ana");
        JwtClaims claims = IdentityProvider.claims(ana.email(), clock.instant());
        claims.setNotBefore(NumericDate.fromMilliseconds(clock.instant().plusSeconds(600).toEpochMilli()));
        assertUnauthorized(as(IdentityProvider.sign(claims)).get("/api/v1/me"));
    }

    @Test
    void shouldRejectATokenWhoseEmailIsNotVerified() {
        TestMember ana = data.member("Ana");
        JwtClaims claims = IdentityProvider.claims(ana.email(), clock.instant());
        claims.setClaim("email_verified", false);
        assertUnauthorized(as(IdentityProvider.sign(claims)).get("/api/v1/me"));
    }

    @Test
    void shouldRejectTheTokenOfADeactivatedMember() {
        TestMember admin = data.admin();
        TestMember bo = data.member("Bo");
        String jwt = IdentityProvider.sign(IdentityProvider.claims(bo.email(), clock.instant()));
        as(jwt).get("/api/v1/me").then().statusCode(200);

        as(admin.token()).body(Map.of("active", false)).patch("/api/v1/members/{id}", bo.id()).then()
                .statusCode(200);

        assertUnauthorized(as(jwt).get("/api/v1/me"));
    }

    @Test
    void shouldRejectAnUnknownEmailWhileJustInTimeCreationIsOff() {
        String jwt = IdentityProvider.sign(
                IdentityProvider.claims("newcomer." + TestData.suffix() + "@company.test", clock.instant()));
        assertUnauthorized(as(jwt).get("/api/v1/me"));
    }

    @Test
    void shouldStillAcceptPersonalAccessTokens() {
        TestMember ana = data.member("Ana");
        as(ana.token()).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void shouldOpenABrowserSessionWhenTheFrontDoorPassesAToken() {
        TestMember ana = data.member("Ana");
        String jwt = IdentityProvider.sign(IdentityProvider.claims(ana.email(), clock.instant()));

        Response signIn = RestAssured.given().redirects().follow(false).header("Authorization", "Bearer " + jwt)
                .get("/sign-in?next=/groups");
        signIn.then().statusCode(303).header("Location", startsWith("http")).header("Location",
                org.hamcrest.Matchers.endsWith("/groups"));
        String session = signIn.getCookie("ll_session");

        org.learninglog.Api.bySession(session).get("/api/v1/me").then().statusCode(200).body("id",
                equalTo(ana.id().toString()));
    }

    @Test
    void shouldShowTheSignInFormForAFailedToken() {
        TestMember ana = data.member("Ana");
        String jwt = IdentityProvider.signWithOtherKey(IdentityProvider.claims(ana.email(), clock.instant()));

        RestAssured.given().redirects().follow(false).header("Authorization", "Bearer " + jwt).get("/sign-in")
                .then().statusCode(200).header("Set-Cookie", org.hamcrest.Matchers.nullValue());
    }

    static void assertUnauthorized(Response response) {
        response.then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401));
    }

    static Response anonymousMe() {
        return anonymous().get("/api/v1/me");
    }
}
