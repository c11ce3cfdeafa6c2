package org.learninglog.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/**
 * Counts requests in fixed one-minute windows, per caller (the member, whichever token or session they use) and
 * per client address, and again in the buckets of a stricter class (email, search) for its operations. The counts
 * live in PostgreSQL (`rate_limit_window`), so every instance sees the same ones; a request costs one statement,
 * whatever the number of buckets. A refused request still counts: a caller who keeps trying stays refused until
 * the window ends.
 */
@ApplicationScoped
class RateLimits {

    static final Duration WINDOW = Duration.ofMinutes(1);

    /** A limit as the `RateLimit-Policy` header names it: `"member";q=600;w=60`. */
    record Policy(String name, int quota) {
    }

    /** One bucket's count in the current window. */
    record Count(Policy policy, int count) {

        int remaining() {
            return Math.max(0, policy.quota() - count);
        }

        boolean exceeded() {
            return count > policy.quota();
        }
    }

    /** The counts of one request, and when their window ends. */
    record Verdict(List<Count> counts, Instant windowEnd, Instant now) {

        boolean refused() {
            return counts.stream().anyMatch(Count::exceeded);
        }

        List<Count> exceeded() {
            return counts.stream().filter(Count::exceeded).toList();
        }

        /** Seconds until the window ends, at least 1 (`Retry-After`, the `t` of `RateLimit`). */
        long secondsLeft() {
            return Math.max(1, (Duration.between(now, windowEnd).toMillis() + 999) / 1000);
        }

        String policyHeader() {
            return counts.stream().map(c -> "\"" + c.policy().name() + "\";q=" + c.policy().quota() + ";w="
                    + WINDOW.toSeconds()).collect(Collectors.joining(", "));
        }

        String rateLimitHeader() {
            long t = secondsLeft();
            return counts.stream().map(c -> "\"" + c.policy().name() + "\";r=" + c.remaining() + ";t=" + t)
                    .collect(Collectors.joining(", "));
        }
    }

    // Up to four buckets a request (default and class, caller and address): one statement text for each number.
    private static final String[] COUNT = new String[5];

    static {
        for (int rows = 1; rows < COUNT.length; rows++) {
            COUNT[rows] = "INSERT INTO rate_limit_window AS w (bucket, window_start, count) VALUES "
                    + String.join(", ", java.util.Collections.nCopies(rows, "(?, ?, 1)"))
                    + " ON CONFLICT (bucket, window_start) DO UPDATE SET count = w.count + 1 RETURNING bucket, count";
        }
    }

    private final AgroalDataSource dataSource;
    private final RateLimitsConfig config;
    private final Clock clock;

    RateLimits(AgroalDataSource dataSource, RateLimitsConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Counts a request to the operation by the caller (a member's id, or null when not signed in) from the client
     * address.
     */
    Verdict count(String operationId, String caller, String address) {
        Map<String, Policy> buckets = new HashMap<>();
        if (caller != null) {
            buckets.put("member:" + caller, new Policy("member", config.perCallerPerMinute()));
        }
        buckets.put("address:" + address, new Policy("address", config.perAddressPerMinute()));
        addClass(buckets, "email", config.email(), operationId, caller, address);
        addClass(buckets, "search", config.search(), operationId, caller, address);

        // Rows are locked in the order given; one order for every request, so two never wait on each other.
        List<String> ordered = buckets.keySet().stream().sorted(Comparator.naturalOrder()).toList();
        Instant now = clock.instant();
        Instant windowStart = now.truncatedTo(ChronoUnit.MINUTES);
        OffsetDateTime start = windowStart.atOffset(ZoneOffset.UTC);
        Map<String, Integer> counted = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(COUNT[ordered.size()])) {
            int parameter = 1;
            for (String bucket : ordered) {
                statement.setString(parameter++, bucket);
                statement.setObject(parameter++, start);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counted.put(rows.getString(1), rows.getInt(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the request for its rate limits", e);
        }
        List<Count> counts = new ArrayList<>();
        // Caller before address, default before class: the order the headers list them in.
        buckets.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Policy> e) -> e.getValue().name().contains("-"))
                        .thenComparing(e -> e.getValue().name().endsWith("address")))
                .forEach(e -> counts.add(new Count(e.getValue(), counted.getOrDefault(e.getKey(), 1))));
        return new Verdict(counts, windowStart.plus(WINDOW), now);
    }

    private static void addClass(Map<String, Policy> buckets, String name, RateLimitsConfig.Limits limits,
            String operationId, String caller, String address) {
        if (operationId == null || !limits.operations().contains(operationId)) {
            return;
        }
        if (caller != null) {
            buckets.put(name + ":member:" + caller, new Policy(name + "-member", limits.perCallerPerMinute()));
        }
        buckets.put(name + ":address:" + address, new Policy(name + "-address", limits.perAddressPerMinute()));
    }
}
