package org.learninglog.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ContractTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldServeTheSamePathsAndComponentsAsTheContractFile() throws Exception {
        JsonNode file = YAML.readTree(Files.readString(Path.of("openapi.yaml")));
        JsonNode served = YAML.readTree(given().accept("application/yaml").get("/q/openapi").then().statusCode(200)
                .extract().asString());

        assertEquals(YAML.convertValue(file.get("paths"), Map.class),
                YAML.convertValue(served.get("paths"), Map.class));
        assertEquals(YAML.convertValue(file.get("components"), Map.class),
                YAML.convertValue(served.get("components"), Map.class));
    }

    @Test
    void shouldServeTheContractFileAsWrittenInYamlByDefault() throws Exception {
        String served = given().get("/q/openapi").then().statusCode(200)
                .contentType(startsWith("application/yaml")).extract().asString();

        assertEquals(Files.readString(Path.of("openapi.yaml")), served);
    }

    @Test
    void shouldServeTheContractInJsonWhenAskedByAcceptFormatOrExtension() throws Exception {
        JsonNode file = YAML.readTree(Files.readString(Path.of("openapi.yaml")));

        assertEquals(file, JSON.readTree(given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .contentType(startsWith("application/json")).extract().asString()));
        assertEquals(file, JSON.readTree(given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).contentType(startsWith("application/json")).extract().asString()));
        assertEquals(file, JSON.readTree(given().get("/q/openapi.json").then().statusCode(200)
                .contentType(startsWith("application/json")).extract().asString()));
    }

    @Test
    void shouldAllowOnlyReadingTheContract() {
        given().options("/q/openapi").then().statusCode(200).header("Allow", "GET, HEAD, OPTIONS");
        given().head("/q/openapi").then().statusCode(200).contentType(startsWith("application/yaml"));
        given().contentType("application/json").body("{}").post("/q/openapi").then().statusCode(405)
                .header("Allow", "GET, HEAD, OPTIONS").contentType(ProblemResponses.PROBLEM_JSON);
    }
}
