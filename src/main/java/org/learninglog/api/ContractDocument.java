package org.learninglog.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The contract at `/q/openapi` as it is written (`META-INF/openapi.yaml`), where SmallRye OpenAPI served it before
 * (decision 135): YAML, or JSON for `Accept: application/json`, `?format=json` or `/q/openapi.json`. Read at the
 * first request, not at start: SmallRye parsed, filtered and wrote it out twice in every start.
 */
@Singleton
class ContractDocument {

    private static final String RESOURCE = "META-INF/openapi.yaml";
    private static final String ALLOW = "GET, HEAD, OPTIONS";
    private static final String YAML = "application/yaml;charset=UTF-8";
    private static final String JSON = "application/json;charset=UTF-8";

    // Asked for at the first JSON request: not parsed at start for this.
    private final Provider<Contract> contract;
    private volatile Buffer yaml;
    private volatile Buffer json;

    ContractDocument(Provider<Contract> contract) {
        this.contract = contract;
    }

    void install(@Observes Router router) {
        for (String path : new String[] { "/q/openapi", "/q/openapi/", "/q/openapi.json", "/q/openapi.yaml",
            "/q/openapi.yml" }) {
            // A worker thread: the first request reads and parses the file.
            router.route(path).blockingHandler(this::serve, false);
        }
    }

    private void serve(RoutingContext context) {
        HttpMethod method = context.request().method();
        if (method.equals(HttpMethod.OPTIONS)) {
            context.response().putHeader("Allow", ALLOW).end();
        } else if (!method.equals(HttpMethod.GET) && !method.equals(HttpMethod.HEAD)) {
            context.response().setStatusCode(405).putHeader("Allow", ALLOW)
                    .putHeader("Content-Type", ProblemResponses.PROBLEM_JSON)
                    .end(ProblemResponses.body(405, "Method Not Allowed", "This method is not allowed here"));
        } else if (asJson(context)) {
            context.response().putHeader("Content-Type", JSON).end(json());
        } else {
            context.response().putHeader("Content-Type", YAML).end(yaml());
        }
    }

    /** As SmallRye chose: the path's extension, else JSON when Accept names it or `format=json`, else YAML. */
    private static boolean asJson(RoutingContext context) {
        String path = context.normalizedPath();
        if (path.endsWith(".json")) {
            return true;
        }
        if (path.endsWith(".yaml") || path.endsWith(".yml")) {
            return false;
        }
        String accept = context.request().getHeader("Accept");
        String format = context.request().getParam("format");
        return (accept != null && accept.contains("application/json")) || "json".equalsIgnoreCase(format);
    }

    private Buffer yaml() {
        Buffer read = yaml;
        if (read == null) {
            try (InputStream file = ContractDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (file == null) {
                    throw new IllegalStateException(RESOURCE + " is missing");
                }
                read = Buffer.buffer(file.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + RESOURCE, e);
            }
            yaml = read;
        }
        return read;
    }

    private Buffer json() {
        Buffer written = json;
        if (written == null) {
            try {
                written = Buffer.buffer(new ObjectMapper().writerWithDefaultPrettyPrinter()
                        .writeValueAsBytes(contract.get().document()));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException("Cannot write " + RESOURCE + " as JSON", e);
            }
            json = written;
        }
        return written;
    }
}
