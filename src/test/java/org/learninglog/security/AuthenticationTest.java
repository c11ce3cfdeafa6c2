package org.learninglog.security;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.learninglog.Api.anonymous;
import static org.learninglog.Api.as;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class AuthenticationTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options",
            "trace");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{[^}]+}");

    @Inject
    TestData data;

    @Test
    void shouldRejectARequestWithoutAToken() {
        assertUnauthorized(anonymous().get("/api/v1/me"));
    }

    @Test
    void shouldRejectABasicAuthorizationHeader() {
        assertUnauthorized(anonymous().header("Authorization", "Basic eHl6OnNlY3JldA==").get("/api/v1/me"));
    }

    @Test
    void shouldRejectABearerHeaderWithoutAToken() {
        assertUnauthorized(anonymous().header("Authorization", "Bearer").get("/api/v1/me"));
        assertUnauthorized(anonymous().header("Authorization", "Bearer    ").get("/api/v1/me"));
    }

    @Test
    void shouldRejectAnUnknownToken() {
        assertUnauthorized(as("ll_" + TestData.suffix() + TestData.suffix()).get("/api/v1/me"));
    }

    @Test
    void shouldRejectARevokedToken() {
        TestMember ana = data.member("Ana");
        Response created = as(ana.token()).body(Map.of("name", "script")).post("/api/v1/me/tokens");
        created.then().statusCode(201);
        String secret = created.path("token");
        as(secret).get("/api/v1/me").then().statusCode(200);

        as(ana.token()).delete("/api/v1/me/tokens/{id}", created.<String>path("id")).then().statusCode(204);

        assertUnauthorized(as(secret).get("/api/v1/me"));
    }

    @Test
    void shouldRejectTheTokenOfADeactivatedMember() {
        TestMember admin = data.admin();
        TestMember bo = data.member("Bo");
        as(bo.token()).get("/api/v1/me").then().statusCode(200);

        as(admin.token()).body(Map.of("active", false)).patch("/api/v1/members/{id}", bo.id()).then()
                .statusCode(200).body("active", equalTo(false));

        assertUnauthorized(as(bo.token()).get("/api/v1/me"));
    }

    @Test
    void shouldAcceptTheBootstrapAdministratorsToken() {
        as("ll_test_admin_token").get("/api/v1/me").then()
                .statusCode(200)
                .body("role", equalTo("ADMIN"))
                .body("email", equalTo("admin@test.invalid"));
    }

    /** Reads the contract itself, so an operation added later cannot be left open by mistake. */
    @Test
    void shouldRequireATokenForEveryOperationTheContractDoesNotOpen() throws Exception {
        JsonNode contract = YAML.readTree(Files.readString(Path.of("openapi.yaml")));
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = contract.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey()) || isOpen(op.getValue())) {
                    continue;
                }
                checked++;
                String method = op.getKey().toUpperCase();
                String uri = withRandomIds(path.getKey());
                RequestSpecification request = anonymous();
                if (op.getValue().has("requestBody")) {
                    // In the operation's own media type, so that the answer is about the token, not the body.
                    String mediaType = op.getValue().get("requestBody").get("content").fieldNames().next();
                    request = "application/json".equals(mediaType) ? request.body("{}")
                            : request.contentType(mediaType)
                                    .body("x".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
                try {
                    assertUnauthorized(request.request(method, uri));
                } catch (AssertionError | RuntimeException e) {
                    failures.add(method + " " + path.getKey() + ": " + e.getMessage());
                }
            }
        }
        assertTrue(checked >= 18, "the contract's operations were not found, only " + checked);
        assertEquals(List.of(), failures);
    }

    private static boolean isOpen(JsonNode operation) {
        JsonNode security = operation.get("security");
        return security != null && security.isArray() && security.isEmpty();
    }

    private static String withRandomIds(String template) {
        Matcher matcher = PATH_PARAMETER.matcher(template);
        StringBuilder uri = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(uri, UUID.randomUUID().toString());
        }
        return matcher.appendTail(uri).toString();
    }

    private static void assertUnauthorized(Response response) {
        response.then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401))
                .body("type", equalTo("/problems/unauthorized"));
    }
}
