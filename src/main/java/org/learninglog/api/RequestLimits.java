package org.learninglog.api;

import java.util.Map;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Request bodies larger than allowed are a 413 with problem details, refused on their `Content-Length` before a
 * byte is read: JSON (any body but a raw email) beyond `learninglog.http.max-body-size`, a raw email
 * (`message/rfc822`, `POST /admin/inbound-messages`) beyond `quarkus.http.limits.max-body-size`. A chunked body
 * has no length to check: Quarkus counts it against its own limit and answers a bare 413.
 *
 * <p>Request headers larger than allowed are a 431 with problem details. Vert.x answers a request its HTTP
 * decoder refuses with an empty 431 of its own, and Quarkus offers no way to change that answer; so the decoder
 * is given room (`quarkus.http.limits.max-header-size`) and the limit is kept here, where the answer is ours.
 * Only headers beyond the decoder's own, larger limit still get Vert.x's bare 431.
 */
@Singleton
class RequestLimits {

    // Before authentication and routing: nothing should look at headers that are refused anyway.
    private static final int PRIORITY = 100_000;

    private static final String RAW_EMAIL = "message/rfc822";

    private final long maxHeaderSize;
    private final long maxBodySize;
    private final long maxRawEmailSize;

    RequestLimits(@ConfigProperty(name = "learninglog.http.max-header-size", defaultValue = "20K") MemorySize max,
            @ConfigProperty(name = "learninglog.http.max-body-size", defaultValue = "1M") MemorySize maxBody,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M") MemorySize maxRaw) {
        this.maxHeaderSize = max.asLongValue();
        this.maxBodySize = maxBody.asLongValue();
        this.maxRawEmailSize = maxRaw.asLongValue();
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
        if (size > maxHeaderSize) {
            refuse(context, 431, "Request Header Fields Too Large", "The request's headers take " + size
                    + " bytes; at most " + maxHeaderSize + " are accepted");
            return;
        }
        long bodySize = contentLength(context.request().getHeader(HttpHeaders.CONTENT_LENGTH));
        String type = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        long maxBody = type != null && type.regionMatches(true, 0, RAW_EMAIL, 0, RAW_EMAIL.length())
                ? maxRawEmailSize
                : maxBodySize;
        if (bodySize > maxBody) {
            refuse(context, 413, "Content Too Large", "The request's body takes " + bodySize + " bytes; at most "
                    + maxBody + " are accepted");
            return;
        }
        context.next();
    }

    /** The declared length, or -1 without a readable one (Vert.x refuses a malformed length itself). */
    private static long contentLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    // The connection is closed: the refused body may still be on its way, and is not read.
    private static void refuse(RoutingContext context, int status, String title, String detail) {
        context.response().setStatusCode(status)
                .putHeader("Content-Type", ProblemResponses.PROBLEM_JSON)
                .putHeader("Connection", "close")
                .end(ProblemResponses.body(status, title, detail));
    }
}
