package org.learninglog.inbound;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.learninglog.api.BatchDelete;

import io.agroal.api.AgroalDataSource;

/**
 * Forgets received emails processed long ago (the retention job asks); one not processed yet stays, so nothing is
 * lost. Once forgotten, the same `Message-ID` arriving again would be processed again: the retention is far longer
 * than any mail server retries.
 */
@ApplicationScoped
public class InboundRetention {

    private static final String PROCESSED = "DELETE FROM inbound_message WHERE ctid = ANY(ARRAY(SELECT ctid"
            + " FROM inbound_message WHERE processed_at < ? LIMIT ? FOR UPDATE SKIP LOCKED))";

    private final AgroalDataSource dataSource;

    InboundRetention(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Deletes messages processed before the instant; how many. */
    public long purgeProcessedBefore(Instant cutoff, int batchSize) {
        return BatchDelete.olderThan(dataSource, PROCESSED, cutoff, batchSize);
    }
}
