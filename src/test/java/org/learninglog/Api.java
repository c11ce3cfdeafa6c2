package org.learninglog;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Requests that are checked against openapi.yaml: both directions, or only the response for deliberately bad
 * requests; and the walk through a paged list.
 */
public final class Api {

    /** More pages than any test's list has: a cursor that never ends is a failure, not a hang. */
    private static final int MAX_PAGES = 10_000;

    private static final String CONTRACT = Path.of("openapi.yaml").toAbsolutePath().toUri().toString();

    private static final OpenApiValidationFilter BOTH_WAYS = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForSpecificationUrl(CONTRACT).build());

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

    /** A valid request with a browser session's cookie `ll_session` (and no bearer token). */
    public static RequestSpecification bySession(String sessionSecret) {
        return given().filter(BOTH_WAYS).contentType(ContentType.JSON).cookie("ll_session", sessionSecret);
    }

    /** A request that breaks the contract on purpose; the answer must still keep it. */
    public static RequestSpecification badRequestAs(String token) {
        return given().filter(RESPONSES_ONLY).contentType(ContentType.JSON).auth().oauth2(token);
    }

    /** A request with no credentials at all. */
    public static RequestSpecification anonymous() {
        return given().filter(RESPONSES_ONLY).contentType(ContentType.JSON);
    }

    /** A request to the management interface (metrics), on the port the build reserved for it. */
    public static RequestSpecification management() {
        return given().port(Integer.getInteger("learninglog.test.management-port", 9001));
    }

    /**
     * Every item of a cursor-paged list, walked page by page as the member holding the token, e.g.
     * `pageThrough(token, 1, "/api/v1/groups/{id}/members", groupId)`. Each page must answer 200 and keep to `limit`.
     */
    public static List<Map<String, Object>> pageThrough(String token, int limit, String path, Object... pathParams) {
        List<Map<String, Object>> items = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RequestSpecification request = as(token).queryParam("limit", limit);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(path, pathParams).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> pageItems = page.getList("items");
            assertTrue(pageItems.size() <= limit, "more than " + limit + " items on a page of " + path);
            items.addAll(pageItems);
            cursor = page.getString("nextCursor");
            pages++;
            assertTrue(pages <= MAX_PAGES, "the cursor of " + path + " never comes to an end");
        } while (cursor != null);
        return items;
    }

    /** One field of each item, e.g. the `id`s of a page. */
    public static List<String> field(String name, List<Map<String, Object>> items) {
        return items.stream().map(item -> (String) item.get(name)).toList();
    }
}
