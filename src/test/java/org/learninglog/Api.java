package org.learninglog;

import static io.restassured.RestAssured.given;

import java.nio.file.Path;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Requests that are checked against openapi.yaml: both directions, or only the response for deliberately bad requests. */
public final class Api {

    private static final String CONTRACT = Path.of("openapi.yaml").toAbsolutePath().toUri().toString();

    private static final OpenApiValidationFilter BOTH_WAYS =
            new OpenApiValidationFilter(OpenApiInteractionValidator.createForSpecificationUrl(CONTRACT).build());

    private static final OpenApiValidationFilter RESPONSES_ONLY = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForSpecificationUrl(CONTRACT)
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE)
                            .build())
                    .build());

    private Api() {
    }

    /** A valid request by the member holding the token. */
    public static RequestSpecification as(String token) {
        return given().filter(BOTH_WAYS).contentType(ContentType.JSON).auth().oauth2(token);
    }

    /** A request that breaks the contract on purpose; the answer must still keep it. */
    public static RequestSpecification badRequestAs(String token) {
        return given().filter(RESPONSES_ONLY).contentType(ContentType.JSON).auth().oauth2(token);
    }

    /** A request with no credentials at all. */
    public static RequestSpecification anonymous() {
        return given().filter(RESPONSES_ONLY).contentType(ContentType.JSON);
    }
}
