package org.learninglog.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The contract as served (`META-INF/openapi.yaml`), for what the protocol answers need of it and the generated
 * interfaces do not carry: the methods a path allows, and the schemas of parameters.
 */
@Singleton
public class Contract {

    private static final String RESOURCE = "META-INF/openapi.yaml";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    /**
     * A path of the contract (`/api/v1/groups/{groupId}`): its segments, null for a template variable (any non-empty
     * segment), matched without a regular expression (every request asks, some several times).
     */
    private record Route(String template, String[] parts, int literals, int segments, JsonNode item, String allow) {

        /** Whether the path is this route's, a trailing slash allowed. */
        boolean matches(String path) {
            int end = path.endsWith("/") && path.length() > 1 ? path.length() - 1 : path.length();
            if (path.isEmpty() || path.charAt(0) != '/') {
                return false;
            }
            int start = 1;
            for (String part : parts) {
                if (start > end) {
                    return false;
                }
                int slash = path.indexOf('/', start);
                int stop = slash < 0 || slash > end ? end : slash;
                if (part == null ? stop == start
                        : stop - start != part.length() || !path.regionMatches(start, part, 0, part.length())) {
                    return false;
                }
                start = stop + 1;
            }
            return start > end;
        }
    }

    private final JsonNode document;
    // By number of segments: a request's path is matched against the few templates of its length, not all of them
    // (every request asks, some several times).
    private final Map<Integer, List<Route>> routes;
    // What each operation produces, worked out once: keyed by the route's pattern and the method.
    private final Map<String, List<String>> produced = new ConcurrentHashMap<>();

    Contract() {
        this.document = read();
        this.routes = routes(document.path("paths")).stream()
                .collect(Collectors.groupingBy(Route::segments, Collectors.toUnmodifiableList()));
    }

    /** The whole contract, as parsed. */
    JsonNode document() {
        return document;
    }

    /** `GET, HEAD, OPTIONS, PATCH` for `/api/v1/me`; empty for a path the contract does not have. */
    public Optional<String> allow(String path) {
        return route(path).map(Route::allow);
    }

    /** The media types the operation at this path reads its body in, as the contract lists them. */
    public List<String> consumes(String path, String method) {
        return route(path).map(route -> {
            List<String> types = new ArrayList<>();
            route.item().path(method.toLowerCase(Locale.ROOT)).path("requestBody").path("content").fieldNames()
                    .forEachRemaining(types::add);
            return types;
        }).orElse(List.of());
    }

    /**
     * The media types the operation's success (2xx) responses are in, in the contract's order: empty for an
     * operation that answers with no content (a 204), empty too for a path or method the contract does not have.
     */
    public List<String> produces(String path, String method) {
        return producedBy(path, method).orElse(List.of());
    }

    /**
     * What the operation at this path produces ({@link #produces}), or empty when the contract has no such operation:
     * one lookup of the route for both questions.
     */
    public Optional<List<String>> producedBy(String path, String method) {
        return route(path).filter(route -> operation(route, method).isPresent())
                .map(route -> produced.computeIfAbsent(route.template() + " " + method,
                        key -> produces(route, method)));
    }

    private List<String> produces(Route route, String method) {
        return operation(route, method).map(operation -> {
            Set<String> types = new LinkedHashSet<>();
            operation.path("responses").fields().forEachRemaining(response -> {
                if (response.getKey().startsWith("2")) {
                    resolve(response.getValue()).path("content").fieldNames().forEachRemaining(types::add);
                }
            });
            return List.copyOf(types);
        }).orElse(List.of());
    }

    /** Whether the contract has this method at this path (HEAD counting as GET). */
    public boolean hasOperation(String path, String method) {
        return operation(path, method).isPresent();
    }

    private Optional<JsonNode> operation(String path, String method) {
        return route(path).flatMap(route -> operation(route, method));
    }

    private static Optional<JsonNode> operation(Route route, String method) {
        String name = "HEAD".equalsIgnoreCase(method) ? "get" : method.toLowerCase(Locale.ROOT);
        return Optional.of(route.item().path(name)).filter(JsonNode::isObject);
    }

    /** The schema of a parameter (`in` is `query`, `path` or `header`) of the operation at this path. */
    public Optional<JsonNode> parameterSchema(String path, String method, String in, String name) {
        return route(path).flatMap(route -> {
            List<JsonNode> parameters = new ArrayList<>();
            route.item().path("parameters").forEach(parameters::add);
            route.item().path(method.toLowerCase(Locale.ROOT)).path("parameters").forEach(parameters::add);
            return parameters.stream().map(this::resolve)
                    .filter(p -> in.equals(p.path("in").asText()) && name.equalsIgnoreCase(p.path("name").asText()))
                    .findFirst().map(p -> resolve(p.path("schema")));
        });
    }

    private Optional<Route> route(String path) {
        Route best = null;
        for (Route route : routes.getOrDefault(segments(path), List.of())) {
            if ((best == null || route.literals() > best.literals()) && route.matches(path)) {
                best = route;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The number of segments of a path, a trailing slash not counting (the templates' patterns allow one). */
    private static int segments(String path) {
        int end = path.endsWith("/") && path.length() > 1 ? path.length() - 1 : path.length();
        int count = 0;
        for (int i = 0; i < end; i++) {
            if (path.charAt(i) == '/') {
                count++;
            }
        }
        return count;
    }

    private JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText(null);
        return ref == null ? node : document.at(ref.substring(1));
    }

    private static JsonNode read() {
        try (InputStream contract = Contract.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (contract == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return new ObjectMapper(new YAMLFactory()).readTree(contract);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    private static List<Route> routes(JsonNode paths) {
        List<Route> routes = new ArrayList<>();
        for (Iterator<String> names = paths.fieldNames(); names.hasNext();) {
            String template = names.next();
            JsonNode item = paths.get(template);
            Set<String> allowed = new TreeSet<>();
            item.fieldNames().forEachRemaining(method -> {
                if (METHODS.contains(method)) {
                    allowed.add(method.toUpperCase(Locale.ROOT));
                }
            });
            // Every GET answers HEAD too, and every path OPTIONS.
            if (allowed.contains("GET")) {
                allowed.add("HEAD");
            }
            allowed.add("OPTIONS");
            routes.add(new Route(template, parts(template), literals(template), segments(template), item,
                    String.join(", ", allowed)));
        }
        return List.copyOf(routes);
    }

    private static String[] parts(String template) {
        String[] parts = template.substring(1).split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].startsWith("{")) {
                parts[i] = null;
            }
        }
        return parts;
    }

    private static int literals(String template) {
        return (int) Arrays.stream(template.split("/")).filter(s -> !s.startsWith("{")).count();
    }
}
