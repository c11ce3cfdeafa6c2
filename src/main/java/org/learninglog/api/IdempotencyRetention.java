package org.learninglog.api;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/** Forgets idempotency keys long after their request (the retention job asks): a repeat after that is new. */
@ApplicationScoped
public class IdempotencyRetention {

    private static final String OLD = "DELETE FROM idempotency_key WHERE ctid = ANY(ARRAY(SELECT ctid"
            + " FROM idempotency_key WHERE created_at < ? LIMIT ? FOR UPDATE SKIP LOCKED))";

    private final AgroalDataSource dataSource;

    IdempotencyRetention(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Deletes keys first used before the instant; how many. */
    public long purgeCreatedBefore(Instant cutoff, int batchSize) {
        return BatchDelete.olderThan(dataSource, OLD, cutoff, batchSize);
    }
}
