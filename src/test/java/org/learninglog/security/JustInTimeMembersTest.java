package org.learninglog.security;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.learninglog.Api.as;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learninglog.Api;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Just-in-time creation on: a valid token of an unknown email creates the member, in the default group. */
@QuarkusTest
@TestProfile(JustInTimeMembersTest.JustInTimeOn.class)
class JustInTimeMembersTest {

    static final UUID DEFAULT_GROUP = UUID.fromString("6d1f7a52-0c55-4f3e-9b9e-2f8a1f0a5e11");

    public static class JustInTimeOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("learninglog.sso.just-in-time.enabled", "true", "learninglog.sso.just-in-time.group",
                    DEFAULT_GROUP.toString(), "learninglog.sso.just-in-time.time-zone", "Europe/Berlin");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(IdentityProvider.class));
        }
    }

    @Inject
    TestData data;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void defaultGroup() throws SQLException {
        // Set-up of a group with the id the settings name.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO learning_group"
                        + " (id, name, created_at, updated_at) VALUES (?, 'Everyone', now(), now())"
                        + " ON CONFLICT DO NOTHING")) {
            insert.setObject(1, DEFAULT_GROUP);
            insert.executeUpdate();
        }
    }

    @Test
    void shouldCreateAnUnknownMemberAtTheirFirstSignIn() {
        String email = "newcomer." + TestData.suffix() + "@company.test";
        JwtClaims claims = IdentityProvider.claims(email, Instant.now());
        claims.setClaim("name", "Nora Newcomer");
        String jwt = IdentityProvider.sign(claims);

        String id = as(jwt).get("/api/v1/me").then().statusCode(200)
                .body("email", equalTo(email)).body("displayName", equalTo("Nora Newcomer"))
                .body("timeZone", equalTo("Europe/Berlin")).body("role", equalTo("MEMBER"))
                .extract().path("id");
        // The same person again is the same member.
        as(jwt).get("/api/v1/me").then().statusCode(200).body("id", equalTo(id));

        List<String> members = Api.field("memberId",
                Api.pageThrough("ll_test_admin_token", 100, "/api/v1/groups/{id}/members", DEFAULT_GROUP));
        assertTrue(members.contains(id), "the new member joined the default group");
    }

    @Test
    void shouldNotCreateAMemberForTheEmailOfADeactivatedOne() {
        TestMember admin = data.admin();
        TestMember bo = data.member("Bo");
        as(admin.token()).body(Map.of("active", false)).patch("/api/v1/members/{id}", bo.id()).then()
                .statusCode(200);

        String jwt = IdentityProvider.sign(IdentityProvider.claims(bo.email(), Instant.now()));

        SingleSignOnTest.assertUnauthorized(as(jwt).get("/api/v1/me"));
        as(admin.token()).get("/api/v1/members/{id}", bo.id()).then().statusCode(200).body("active",
                equalTo(false));
        assertEquals(401, as(jwt).get("/api/v1/me").statusCode());
    }
}
