package org.learninglog.api;

import java.util.Map;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Request headers larger than allowed are a 431 with problem details. Vert.x answers a request its HTTP
 * decoder refuses with an empty 431 of its own, and Quarkus offers no way to change that answer; so the decoder
 * is given room (`quarkus.http.limits.max-header-size`) and the limit is kept here, where the answer is ours.
 * Only headers beyond the decoder's own, larger limit still get Vert.x's bare 431.
 */
@Singleton
class RequestLimits {

    // Before authentication and routing: nothing should look at headers that are refused anyway.
    private static final int PRIORITY = 100_000;

    private final long maxHeaderSize;

    RequestLimits(@ConfigProperty(name = "learninglog.http.max-header-size", defaultValue = "20K") MemorySize max) {
        this.maxHeaderSize = max.asLongValue();
    }

    void install(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    private void check(RoutingContext context) {
        long size = 0;
        for (Map.Entry<String, String> header : context.request().headers()) {
            // As the decoder counts: each line without its line break.
            size += header.getKey().length() + 2L + header.getValue().length();
        }
        if (size <= maxHeaderSize) {
            context.next();
            return;
        }
        JsonObject problem = new JsonObject()
                .put("type", "/problems/http-431")
                .put("title", "Request Header Fields Too Large")
                .put("status", 431)
                .put("detail", "The request's headers take " + size + " bytes; at most " + maxHeaderSize
                        + " are accepted");
        context.response().setStatusCode(431)
                .putHeader("Content-Type", ProblemResponses.PROBLEM_JSON)
                .putHeader("Connection", "close")
                .end(problem.encode());
    }
}
