package org.learninglog.api;

import static io.restassured.RestAssured.given;
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
}
