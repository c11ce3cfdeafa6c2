package org.learninglog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.learninglog.Api;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;
import org.learninglog.entry.Entries;
import org.learninglog.mail.UnsubscribeTokens;
import org.learninglog.time.MutableClock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Generated from the contract: for every operation of openapi.yaml, every parameter and every body field is
 * sent invalid in every way its schema forbids (wrong type, too long or short, out of range, malformed, missing
 * when required, unknown, null), and every body in a wrong media type or shape, one fault at a time, by a member
 * who may call the operation. Each answer must be the 4xx a client can act on, as problem details naming what
 * was wrong, and no row of any table may change. The cases are enumerated from the contract in its order, so a
 * run is deterministic; an operation added to the contract is covered as soon as the world below names its ids.
 */
@QuarkusTest
class ContractFuzzTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final String PROBLEM = "application/problem+json";
    private static final String EMOJI = "\uD83C\uDF31";
    /** The status of a case whose value the contract allows: any 2xx, or a 400 naming the field, never a 5xx. */
    private static final int ANSWERED_OR_REFUSED = 0;

    /** Strings that break patterns and formats; each is used where it does not match. */
    private static final List<String> NOT_MATCHING = List.of("x", "", "24:00", "9:00", "2026-W1", "CURRENT",
            " current");
    /** Strings that keep patterns; the first that matches is the valid value. */
    private static final List<String> MATCHING = List.of("09:00", "current", "2026-W48", "x", "/groups");

    /** One request that breaks the contract in one place, and the answer it must get. */
    private record Case(String operation, String fault, int status, String field, UnaryOperator<Request> apply) {
    }

    /** A request being built: path parameters, query parameters, headers, body and its media type. */
    private static final class Request {
        final Map<String, String> path = new LinkedHashMap<>();
        final Map<String, List<String>> query = new LinkedHashMap<>();
        final Map<String, String> headers = new LinkedHashMap<>();
        String body;
        String contentType;
        boolean anonymous;
    }

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    @Inject
    UnsubscribeTokens unsubscribeTokens;

    @Inject
    AgroalDataSource dataSource;

    JsonNode contract;
    TestMember actor;
    Map<String, String> ids;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldAnswerEveryInvalidInputOfEveryOperationWithAProblemAndChangeNothing() throws Exception {
        contract = YAML.readTree(Files.readString(Path.of("openapi.yaml")));
        world();
        List<Case> cases = cases();
        Map<String, Integer> perOperation = new TreeMap<>();
        cases.forEach(c -> perOperation.merge(c.operation(), 1, Integer::sum));

        // Warm up: the first authenticated request notes the token's last use, a write of its own.
        Api.as(actor.token()).get("/api/v1/me").then().statusCode(200);
        Map<String, String> before = tables();
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            Request request = c.apply().apply(baseline(c.operation()));
            Response response = send(c.operation(), request);
            String problem = judge(c, response);
            if (System.getProperty("fuzz.trace") != null) { // -DargLine=-Dfuzz.trace to see every case
                System.out.println("FUZZCASE " + c.operation() + " [" + c.fault() + "] -> "
                        + response.statusCode() + " " + shorten(response.asString()));
            }
            Map<String, String> after = tables();
            if (!after.equals(before)) {
                problem = (problem == null ? "" : problem + "; ") + "changed tables " + changed(before, after);
                before = after;
            }
            if (problem != null) {
                failures.add(c.operation() + " [" + c.fault() + "]: " + problem);
            }
        }

        assertEquals(List.of(), failures, failures.size() + " of " + cases.size() + " cases failed");
        assertEquals(Set.copyOf(operationIds()), perOperation.keySet(), "every operation of the contract is exercised");
        assertTrue(cases.size() > 500, "only " + cases.size() + " cases were generated: " + perOperation);
    }

    // ---------------------------------------------------------------------------------------------------------
    // The world: a member who administers the service, facilitates a group and wrote its entry and a reply.

    private void world() {
        clock.set(Entries.TUESDAY_W48);
        actor = data.admin();
        TestMember peer = data.member("Peer");
        UUID groupId = data.group("Fuzz " + TestData.suffix(), actor, peer);
        String entryId = Api.as(actor.token()).body(Entries.packagingEntry())
                .put("/api/v1/groups/{g}/weeks/current/entries/me", groupId).then().statusCode(201)
                .extract().path("id");
        String replyId = Api.as(actor.token()).body(Map.of("body", "A first reply"))
                .post("/api/v1/entries/{id}/replies", entryId).then().statusCode(201).extract().path("id");
        String tokenId = Api.as(actor.token()).body(Map.of("name", "fuzz")).post("/api/v1/me/tokens").then()
                .statusCode(201).extract().path("id");
        String webhookId = Api.as(actor.token())
                .body(Map.of("url", "http://127.0.0.1:9/fuzz", "events", List.of("question.asked")))
                .post("/api/v1/groups/{g}/webhooks", groupId).then().statusCode(201).extract().path("webhook.id");
        ids = Map.ofEntries(Map.entry("webhookId", webhookId), Map.entry("groupId", groupId.toString()),
                Map.entry("memberId", peer.id().toString()),
                Map.entry("entryId", entryId), Map.entry("replyId", replyId), Map.entry("tokenId", tokenId),
                Map.entry("sessionId", UUID.randomUUID().toString()), Map.entry("week", "current"),
                Map.entry("token", unsubscribeTokens.issue(actor.id(), UnsubscribeTokens.REMINDERS)),
                Map.entry("If-Match", "\"1\""),
                // The words of search, similar questions and experts.
                Map.entry("q", "supplier"), Map.entry("text", "Has anyone found a workaround?"),
                Map.entry("topic", "packaging"));
    }

    /** A request the contract allows, apart from its body's optional fields: the one each case then breaks. */
    private Request baseline(String operationId) {
        JsonNode operation = operation(operationId);
        Request request = new Request();
        request.anonymous = operation.has("security") && operation.get("security").isEmpty();
        for (JsonNode parameter : parameters(operationId)) {
            String name = parameter.get("name").asText();
            String in = parameter.get("in").asText();
            if ("path".equals(in)) {
                request.path.put(name, id(operationId, name));
            } else if (parameter.path("required").asBoolean()) {
                if ("query".equals(in)) {
                    request.query.put(name, List.of(id(operationId, name)));
                } else {
                    request.headers.put(name, id(operationId, name));
                }
            }
        }
        Map.Entry<String, JsonNode> media = requestMedia(operationId);
        if (media != null) {
            request.contentType = media.getKey();
            if (request.contentType.equals("application/json")) {
                request.body = validObject(resolve(media.getValue().get("schema"))).toString();
            }
        }
        return request;
    }

    private String id(String operationId, String name) {
        String id = ids.get(name);
        if (id == null) {
            throw new IllegalStateException(operationId + " has a parameter " + name
                    + " the fuzz world has no value for");
        }
        return id;
    }

    // ---------------------------------------------------------------------------------------------------------
    // The cases, from the contract.

    private List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (String operationId : operationIds()) {
            for (JsonNode parameter : parameters(operationId)) {
                parameterCases(operationId, parameter, cases);
            }
            Map.Entry<String, JsonNode> media = requestMedia(operationId);
            if (media != null) {
                bodyCases(operationId, media, cases);
            }
            // On the API, a query parameter the operation does not declare is refused, naming it, never silently
            // ignored (the browser pages outside it keep their own rules).
            if (pathOf(operationId).startsWith("/api/v1/")) {
                cases.add(new Case(operationId, "undeclared query zzUnknown", 400, "zzUnknown", r -> {
                    r.query.put("zzUnknown", List.of("1"));
                    return r;
                }));
            }
            // An operation answering without content (204) takes any Accept (ProtocolTest); the others refuse what
            // they cannot give.
            if (hasSuccessContent(operationId)) {
                cases.add(new Case(operationId, "Accept: application/xml", 406, null, r -> {
                    r.headers.put("Accept", "application/xml");
                    return r;
                }));
            }
        }
        return cases;
    }

    private void parameterCases(String operationId, JsonNode parameter, List<Case> cases) {
        String name = parameter.get("name").asText();
        String in = parameter.get("in").asText();
        JsonNode schema = resolve(parameter.get("schema"));
        boolean precondition = "If-Match".equals(name);
        if ((parameter.path("required").asBoolean() || precondition) && !"path".equals(in)) {
            cases.add(new Case(operationId, "no " + name, precondition ? 428 : 400, precondition ? null : name,
                    r -> {
                        r.query.remove(name);
                        r.headers.remove(name);
                        return r;
                    }));
        }
        for (String value : invalidTexts(schema)) {
            if ("path".equals(in) && value.isEmpty()) {
                continue; // not a request for this path at all
            }
            cases.add(new Case(operationId, in + " " + name + "=" + shorten(value), 400, name, r -> {
                switch (in) {
                    case "path" -> r.path.put(name, value);
                    case "query" -> r.query.put(name, List.of(value));
                    default -> r.headers.put(name, value);
                }
                return r;
            }));
        }
        if ("query".equals(in)) {
            String valid = ids.containsKey(name) ? ids.get(name) : valid(schema).asText();
            cases.add(new Case(operationId, "query " + name + " twice", 400, name, r -> {
                r.query.put(name, List.of(valid, valid));
                return r;
            }));
        }
        if ("cursor".equals(name)) {
            // The contract allows any short string; a cursor of another list, or out of range, is refused, but a
            // name-ordered list cannot tell a forged name from a real one: that page is simply the names after it.
            for (String forged : forgedCursors()) {
                cases.add(new Case(operationId, "forged cursor " + shorten(forged), ANSWERED_OR_REFUSED, name, r -> {
                    r.query.put(name, List.of(forged));
                    return r;
                }));
            }
        }
    }

    /** Values of a parameter, as text, that its schema does not allow. */
    private static List<String> invalidTexts(JsonNode schema) {
        Set<String> values = new LinkedHashSet<>();
        String type = schema.path("type").asText();
        String format = schema.path("format").asText();
        switch (type) {
            case "integer" -> {
                values.addAll(List.of("abc", "1.5", "", "99999999999"));
                if (schema.has("minimum")) {
                    values.add(Long.toString(schema.get("minimum").asLong() - 1));
                }
                if (schema.has("maximum")) {
                    values.add(Long.toString(schema.get("maximum").asLong() + 1));
                }
            }
            case "boolean" -> values.addAll(List.of("yes", "1", "TRUE", ""));
            default -> {
                if ("uuid".equals(format)) {
                    values.addAll(List.of("not-a-uuid", "1-1-1-1-1", "", "0b5f9a7e3c1d4e2f8a6b9c0d1e2f3a4b"));
                } else if ("date-time".equals(format)) {
                    values.addAll(List.of("yesterday", "", "2026-03-10", "2026-03-10T09:00Z", "2026-03-10T09:00:00",
                            "+10000-01-01T00:00:00Z", "0000-12-31T23:59:59Z", "2026-02-30T09:00:00Z"));
                    if (schema.has("x-formatMinimum")) {
                        values.add(Instant.parse(schema.get("x-formatMinimum").asText()).minusSeconds(1).toString());
                    }
                    if (schema.has("x-formatExclusiveMaximum")) {
                        values.add(schema.get("x-formatExclusiveMaximum").asText());
                    }
                }
                if (schema.has("enum")) {
                    // A value in the wrong case is refused (`?status=answered` for ANSWERED).
                    String first = schema.get("enum").get(0).asText();
                    values.addAll(List.of("bogus", "", first.toUpperCase(Locale.ROOT), first.toLowerCase(Locale.ROOT)));
                }
                if (schema.has("pattern")) {
                    Pattern pattern = Pattern.compile(schema.get("pattern").asText());
                    NOT_MATCHING.stream().filter(v -> !pattern.matcher(v).find()).forEach(values::add);
                }
                if (schema.path("minLength").asInt(0) > 0) {
                    values.add("");
                }
                if (schema.has("maxLength")) {
                    values.add("x".repeat(schema.get("maxLength").asInt() + 1));
                }
            }
        }
        if (schema.has("enum")) {
            List<String> allowed = new ArrayList<>();
            schema.get("enum").forEach(v -> allowed.add(v.asText()));
            values.removeAll(allowed);
        }
        return List.copyOf(values);
    }

    /** Cursors this service never issued, with keys of every kind its lists read, out of range. */
    private static List<String> forgedCursors() {
        String id = UUID.randomUUID().toString();
        String farFuture = "+1000000000-12-31T23:59:59Z";
        return List.of("not a cursor", Cursor.encode(farFuture, id), Cursor.encode("0", farFuture, id),
                Cursor.encode("2026-W48", farFuture, id), Cursor.encode("99999999999"), Cursor.encode("x\u0000", id));
    }

    private void bodyCases(String operationId, Map.Entry<String, JsonNode> media, List<Case> cases) {
        String json = "application/json";
        boolean isJson = json.equals(media.getKey());
        String form = "application/x-www-form-urlencoded";
        for (String other : List.of("text/plain", "application/xml", isJson ? form : json)) {
            cases.add(new Case(operationId, "body as " + other, 415, null, r -> {
                r.contentType = other;
                r.body = isJson ? (r.body == null ? "{}" : r.body) : "{\"List-Unsubscribe\": \"One-Click\"}";
                return r;
            }));
        }
        if (!isJson) {
            return;
        }
        JsonNode schema = resolve(media.getValue().get("schema"));
        boolean required = operation(operationId).path("requestBody").path("required").asBoolean();
        Map<String, String> shapes = new LinkedHashMap<>();
        shapes.put("not JSON", "{\"a\": ");
        shapes.put("an array", "[]");
        shapes.put("a number", "42");
        shapes.put("null", "null");
        shapes.put("a value after the body", null);
        shapes.put("garbage after the body", null);
        if (required) {
            shapes.put("no body", "");
        }
        shapes.forEach((fault, body) -> cases.add(new Case(operationId, "body " + fault, 400,
                "no body".equals(fault) || "null".equals(fault) ? "body" : null, r -> {
                    r.body = switch (fault) {
                        case "a value after the body" -> r.body + " {}";
                        case "garbage after the body" -> r.body + " garbage";
                        default -> body;
                    };
                    return r;
                })));
        cases.add(new Case(operationId, "unknown field", 400, "zzUnknown", r -> {
            r.body = with(r.body, "zzUnknown", "1");
            return r;
        }));
        for (String field : fieldNames(schema.path("required"))) {
            cases.add(new Case(operationId, "no " + field, 400, field, r -> {
                ObjectNode body = object(r.body);
                body.remove(field);
                r.body = body.toString();
                return r;
            }));
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = schema.path("properties").fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode fieldSchema = resolve(field.getValue());
            String name = field.getKey();
            cases.add(new Case(operationId, name + " twice", 400, name, r -> {
                String valid = valid(fieldSchema).toString();
                String body = with(r.body, name, valid);
                r.body = body.substring(0, body.length() - 1) + ", \"" + name + "\": " + valid + "}";
                return r;
            }));
            for (String value : invalidJson(fieldSchema)) {
                cases.add(new Case(operationId, name + ": " + shorten(value), 400, name, r -> {
                    r.body = with(r.body, name, value);
                    return r;
                }));
            }
        }
    }

    /** Values of a body field, as JSON, that its schema does not allow. */
    private List<String> invalidJson(JsonNode schema) {
        Set<String> values = new LinkedHashSet<>();
        values.add("null");
        String type = schema.path("type").asText();
        switch (type) {
            case "boolean" -> values.addAll(List.of("0", "\"true\"", "\"\"", "[true]", "{}"));
            case "integer", "number" -> values.addAll(List.of("\"5\"", "true", "1.5", "[]", "{}"));
            case "array" -> {
                values.addAll(List.of("\"x\"", "{}", "5", "true", "[null]"));
                JsonNode items = resolve(schema.get("items"));
                if (schema.has("maxItems")) {
                    List<String> many = new ArrayList<>();
                    for (int i = 0; i <= schema.get("maxItems").asInt(); i++) {
                        many.add(valid(items, i).toString());
                    }
                    values.add("[" + String.join(", ", many) + "]");
                }
                // Items of the wrong type, too long or malformed; null items are "[null]" above.
                invalidJson(items).stream().filter(item -> !"null".equals(item)).limit(3)
                        .forEach(item -> values.add("[" + item + "]"));
                if (items.has("maxLength")) {
                    values.add("[" + JSON.valueToTree(EMOJI.repeat(items.get("maxLength").asInt() + 1)) + "]");
                }
                if (items.has("format")) {
                    values.add("[\"not-a-" + items.get("format").asText() + "\"]");
                }
            }
            default -> {
                values.addAll(List.of("42", "true", "{}", "[]", "\"a\\u0000b\"", "\"\\ud800\""));
                String format = schema.path("format").asText();
                if ("uuid".equals(format)) {
                    values.addAll(List.of("\"not-a-uuid\"", "\"\"", "\"1-1-1-1-1\"",
                            "\"0b5f9a7e3c1d4e2f8a6b9c0d1e2f3a4b\""));
                } else if ("date".equals(format)) {
                    values.addAll(List.of("\"2026-02-30\"", "\"+5874898-01-01\"", "\"10000-01-01\"", "\"0000-12-31\"",
                            "\"2026-03-10T00:00:00Z\"", "\"2026/03/10\"", "\"\"", "20000", "[2030, 1, 1]"));
                }
                // Too long in code points, as the contract counts: emoji, two UTF-16 units each.
                for (String text : invalidTexts(schema)) {
                    boolean tooLong = schema.has("maxLength") && text.length() > schema.get("maxLength").asInt();
                    values.add(JSON.valueToTree(tooLong ? EMOJI.repeat(text.length()) : text).toString());
                }
            }
        }
        return List.copyOf(values);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Valid values, for the parts of a request a case leaves alone.

    private ObjectNode validObject(JsonNode schema) {
        ObjectNode body = JSON.createObjectNode();
        for (String field : fieldNames(schema.path("required"))) {
            body.set(field, valid(resolve(schema.get("properties").get(field))));
        }
        return body;
    }

    private JsonNode valid(JsonNode schema) {
        return valid(schema, 0);
    }

    private JsonNode valid(JsonNode schema, int index) {
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        return switch (schema.path("type").asText()) {
            case "boolean" -> JSON.getNodeFactory().booleanNode(true);
            case "integer" -> JSON.getNodeFactory().numberNode(schema.path("minimum").asInt(1));
            case "array" -> JSON.createArrayNode();
            case "object" -> validObject(schema);
            default -> JSON.getNodeFactory().textNode(validText(schema, index));
        };
    }

    private String validText(JsonNode schema, int index) {
        String format = schema.path("format").asText();
        if ("uuid".equals(format)) {
            return ids.get("memberId");
        }
        if ("date".equals(format)) {
            return "2030-01-01";
        }
        if ("date-time".equals(format)) {
            return "2026-03-10T09:00:00Z";
        }
        if (schema.has("pattern")) {
            Pattern pattern = Pattern.compile(schema.get("pattern").asText());
            return MATCHING.stream().filter(v -> pattern.matcher(v).find()).findFirst().orElseThrow();
        }
        String text = "fuzz" + (char) ('a' + index);
        return text.length() >= schema.path("minLength").asInt(0) ? text : "f".repeat(schema.get("minLength").asInt());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Sending and judging.

    private Response send(String operationId, Request request) {
        RequestSpecification spec = request.anonymous ? Api.anonymous() : Api.badRequestAs(actor.token());
        spec.urlEncodingEnabled(true);
        if (request.contentType != null) {
            spec.contentType(request.contentType);
        }
        request.path.forEach(spec::pathParam);
        request.query.forEach((name, values) -> spec.queryParam(name, values.toArray()));
        request.headers.forEach(spec::header);
        if (request.body != null && !request.body.isEmpty()) {
            spec.body(request.body);
        }
        return spec.request(method(operationId), pathOf(operationId));
    }

    /** Why the answer is not the one the case must get, or null when it is. */
    private static String judge(Case c, Response response) {
        int status = response.statusCode();
        String body = response.asString();
        if (c.status() == ANSWERED_OR_REFUSED && status / 100 == 2) {
            return null;
        }
        if (status != c.status() && !(c.status() == ANSWERED_OR_REFUSED && status == 400)) {
            return "expected " + c.status() + " but got " + status + ": " + shorten(body);
        }
        if (response.contentType() == null || !response.contentType().startsWith(PROBLEM)) {
            return "expected problem details but got " + response.contentType() + ": " + shorten(body);
        }
        if (c.field() != null) {
            List<String> fields = response.jsonPath().getList("errors.field");
            boolean named = fields != null && fields.stream().anyMatch(f -> f.equals(c.field())
                    || f.startsWith(c.field() + "[") || f.startsWith(c.field() + "."));
            if (!named) {
                return "expected errors naming " + c.field() + " but got " + shorten(body);
            }
        }
        return null;
    }

    /** Per table: its number of rows and the newest row version's transaction, which any write changes. */
    private Map<String, String> tables() throws SQLException {
        Map<String, String> tables = new TreeMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
                    // rate_limit_window counts every request, refused or not: it is not stored data.
                    + " AND table_name NOT IN ('flyway_schema_history', 'rate_limit_window') ORDER BY table_name")) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            String sql = String.join(" UNION ALL ", names.stream().map(name -> "SELECT '" + name
                    + "', count(*) || ':' || coalesce(max(xmin::text::bigint), 0) FROM " + name).toList());
            try (ResultSet rows = statement.executeQuery(sql)) {
                while (rows.next()) {
                    tables.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return tables;
    }

    private static String changed(Map<String, String> before, Map<String, String> after) {
        return after.keySet().stream().filter(t -> !after.get(t).equals(before.get(t))).toList().toString();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Reading the contract.

    private List<String> operationIds() {
        List<String> ids = new ArrayList<>();
        contract.get("paths").forEach(item -> item.fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey())) {
                ids.add(op.getValue().get("operationId").asText());
            }
        }));
        return ids;
    }

    private JsonNode operation(String operationId) {
        return locate(operationId).getValue();
    }

    private String pathOf(String operationId) {
        for (Iterator<Map.Entry<String, JsonNode>> paths = contract.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                if (operationId.equals(ops.next().getValue().path("operationId").asText())) {
                    return path.getKey();
                }
            }
        }
        throw new IllegalArgumentException(operationId);
    }

    private String method(String operationId) {
        return locate(operationId).getKey().toUpperCase(Locale.ROOT);
    }

    private Map.Entry<String, JsonNode> locate(String operationId) {
        JsonNode item = contract.get("paths").get(pathOf(operationId));
        for (Iterator<Map.Entry<String, JsonNode>> ops = item.fields(); ops.hasNext();) {
            Map.Entry<String, JsonNode> op = ops.next();
            if (operationId.equals(op.getValue().path("operationId").asText())) {
                return op;
            }
        }
        throw new IllegalArgumentException(operationId);
    }

    private List<JsonNode> parameters(String operationId) {
        List<JsonNode> parameters = new ArrayList<>();
        contract.get("paths").get(pathOf(operationId)).path("parameters").forEach(p -> parameters.add(resolve(p)));
        operation(operationId).path("parameters").forEach(p -> parameters.add(resolve(p)));
        return parameters;
    }

    /** The first media type of the operation's request body, with its schema; null without a body. */
    private boolean hasSuccessContent(String operationId) {
        for (Iterator<Map.Entry<String, JsonNode>> responses = operation(operationId).path("responses")
                .fields(); responses.hasNext();) {
            Map.Entry<String, JsonNode> response = responses.next();
            if (response.getKey().startsWith("2") && resolve(response.getValue()).path("content").size() > 0) {
                return true;
            }
        }
        return false;
    }

    private Map.Entry<String, JsonNode> requestMedia(String operationId) {
        JsonNode content = operation(operationId).path("requestBody").path("content");
        return content.isObject() && content.size() > 0 ? content.fields().next() : null;
    }

    private JsonNode resolve(JsonNode node) {
        if (node != null && node.path("allOf").size() == 1) {
            // A named schema with a default or description of its own (`allOf: [$ref]`): the two taken together.
            ObjectNode merged = resolve(node.get("allOf").get(0)).deepCopy();
            node.fields().forEachRemaining(f -> {
                if (!"allOf".equals(f.getKey())) {
                    merged.set(f.getKey(), f.getValue());
                }
            });
            return merged;
        }
        return node != null && node.has("$ref") ? contract.at(node.get("$ref").asText().substring(1)) : node;
    }

    private static List<String> fieldNames(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(name -> names.add(name.asText()));
        return names;
    }

    private static ObjectNode object(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(json, e);
        }
    }

    /** The JSON object with the field set to the value, written as given (which need not be valid JSON). */
    private static String with(String json, String field, String value) {
        ObjectNode body = object(json);
        body.remove(field);
        String rest = body.toString();
        String member = "\"" + field + "\": " + value;
        return "{}".equals(rest) ? "{" + member + "}" : "{" + member + ", " + rest.substring(1);
    }

    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 40) + "…(" + text.length() + ")";
    }
}
