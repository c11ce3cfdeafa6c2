package org.learninglog.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Bounds what one caller can hold, before authentication and routing: requests in flight per `Authorization`
 * header and per client address (429 beyond), a deadline for the body (408 and the connection closed), and
 * failed authentications per client address (429 with `Retry-After` for the rest of the window). The counts are
 * this instance's, in memory: with n instances behind a balancer a caller may hold n times as much, which is
 * what bounding the work of one instance needs. Nothing here is needed for correctness.
 */
@Singleton
class CallerLimits {

    // Before RequestLimits (100 000) and authentication: refused work should cost nothing.
    private static final int PRIORITY = 110_000;
    private static final int FORGET_WINDOWS_ABOVE = 10_000;

    private final CallerLimitsConfig config;
    private final Clock clock;
    private final ConcurrentMap<String, AtomicInteger> inFlightPerToken = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, AtomicInteger> inFlightPerAddress = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, FailureWindow> failures = new ConcurrentHashMap<>();

    /** Failed authentications from one address since {@code start}. */
    private record FailureWindow(Instant start, int count) {
    }

    CallerLimits(CallerLimitsConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    void install(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        String address = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        String credentials = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (credentials != null) {
            Duration blockedFor = blockedFor(address);
            if (blockedFor != null) {
                refuse(context, 429, "Too Many Requests", "Too many failed authentications from " + address
                        + "; try again later", Math.max(1, blockedFor.toSeconds()));
                return;
            }
        }
        if (!enter(inFlightPerAddress, address, config.maxInFlightPerAddress())) {
            refuse(context, 429, "Too Many Requests", "At most " + config.maxInFlightPerAddress()
                    + " requests from one client address may be in progress at once", 1);
            return;
        }
        if (credentials != null && !enter(inFlightPerToken, credentials, config.maxInFlightPerToken())) {
            leave(inFlightPerAddress, address);
            refuse(context, 429, "Too Many Requests", "At most " + config.maxInFlightPerToken()
                    + " requests with one access token may be in progress at once", 1);
            return;
        }
        AtomicBoolean done = new AtomicBoolean();
        long bodyTimer = request.isEnded() || !hasBody(request) ? -1
                : context.vertx().setTimer(config.bodyTimeout().toMillis(), id -> {
                    if (!request.isEnded() && !context.response().ended()) {
                        refuse(context, 408, "Request Timeout", "The request's body did not arrive within "
                                + config.bodyTimeout().toSeconds() + " s", -1);
                        request.connection().close();
                    }
                });
        context.addEndHandler(result -> {
            if (done.compareAndSet(false, true)) {
                if (bodyTimer >= 0) {
                    context.vertx().cancelTimer(bodyTimer);
                }
                leave(inFlightPerAddress, address);
                if (credentials != null) {
                    leave(inFlightPerToken, credentials);
                    if (context.response().getStatusCode() == 401) {
                        failed(address);
                    }
                }
            }
        });
        context.next();
    }

    /** A request without a body (no length, not chunked) has nothing to wait for, however paused it is. */
    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return (length != null && !length.strip().equals("0")) || request.headers().contains(
                HttpHeaders.TRANSFER_ENCODING, HttpHeaders.CHUNKED, true);
    }

    private static boolean enter(ConcurrentMap<String, AtomicInteger> counts, String key, int max) {
        // Counted inside compute, which holds the key: a leave dropping the entry at zero cannot lose this count.
        AtomicBoolean entered = new AtomicBoolean();
        counts.compute(key, (k, count) -> {
            AtomicInteger held = count == null ? new AtomicInteger() : count;
            if (held.get() < max) {
                held.incrementAndGet();
                entered.set(true);
            }
            return held.get() == 0 ? null : held;
        });
        return entered.get();
    }

    /** Requests from the address in progress now (for tests, which wait for one test's callers to be gone). */
    int inFlightFrom(String address) {
        AtomicInteger count = inFlightPerAddress.get(address);
        return count == null ? 0 : count.get();
    }

    private static void leave(ConcurrentMap<String, AtomicInteger> counts, String key) {
        // Drop the entry at zero, so the maps hold only callers with requests in flight.
        counts.computeIfPresent(key, (k, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    private void failed(String address) {
        Instant now = clock.instant();
        if (failures.size() > FORGET_WINDOWS_ABOVE) {
            failures.values().removeIf(window -> !current(window, now));
        }
        failures.compute(address, (a, window) -> window == null || !current(window, now) ? new FailureWindow(now, 1)
                : new FailureWindow(window.start(), window.count() + 1));
    }

    /** How long this address stays refused, or null when it is not. */
    private Duration blockedFor(String address) {
        FailureWindow window = failures.get(address);
        Instant now = clock.instant();
        if (window == null || !current(window, now) || window.count() < config.maxFailedAuthentications()) {
            return null;
        }
        return Duration.between(now, window.start().plus(config.failedAuthenticationWindow()));
    }

    private boolean current(FailureWindow window, Instant now) {
        return !now.isBefore(window.start()) && now.isBefore(window.start().plus(config.failedAuthenticationWindow()));
    }

    private static void refuse(RoutingContext context, int status, String title, String detail, long retryAfter) {
        context.response().setStatusCode(status).putHeader("Content-Type", ProblemResponses.PROBLEM_JSON);
        if (retryAfter > 0) {
            context.response().putHeader("Retry-After", Long.toString(retryAfter));
        }
        if (status == 408) {
            context.response().putHeader("Connection", "close");
        }
        context.response().end(ProblemResponses.body(status, title, detail));
    }
}
