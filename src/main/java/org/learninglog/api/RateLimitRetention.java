package org.learninglog.api;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/** Forgets the counts of windows long over (the retention job asks); only the current window is ever read. */
@ApplicationScoped
public class RateLimitRetention {

    private static final String OLD = "DELETE FROM rate_limit_window WHERE ctid = ANY(ARRAY(SELECT ctid"
            + " FROM rate_limit_window WHERE window_start < ? LIMIT ? FOR UPDATE SKIP LOCKED))";

    private final AgroalDataSource dataSource;

    RateLimitRetention(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Deletes windows that began before the instant; how many. */
    public long purgeWindowsBefore(Instant cutoff, int batchSize) {
        return BatchDelete.olderThan(dataSource, OLD, cutoff, batchSize);
    }
}
