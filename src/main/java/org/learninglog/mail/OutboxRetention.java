package org.learninglog.mail;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.learninglog.api.BatchDelete;

import io.agroal.api.AgroalDataSource;

/** Forgets emails that went out or were given up, once they are old (the retention job asks). */
@ApplicationScoped
public class OutboxRetention {

    private static final String SENT = "DELETE FROM outbound_email WHERE ctid = ANY(ARRAY(SELECT ctid"
            + " FROM outbound_email WHERE status = 'SENT' AND sent_at < ? LIMIT ? FOR UPDATE SKIP LOCKED))";
    // A dead email keeps no time of its last attempt: it is kept from when it was enqueued.
    private static final String DEAD = "DELETE FROM outbound_email WHERE ctid = ANY(ARRAY(SELECT ctid"
            + " FROM outbound_email WHERE status = 'DEAD' AND created_at < ? LIMIT ? FOR UPDATE SKIP LOCKED))";

    private final AgroalDataSource dataSource;

    OutboxRetention(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Deletes emails sent before the instant; how many. */
    public long purgeSentBefore(Instant cutoff, int batchSize) {
        return BatchDelete.olderThan(dataSource, SENT, cutoff, batchSize);
    }

    /** Deletes dead emails enqueued before the instant; how many. */
    public long purgeDeadBefore(Instant cutoff, int batchSize) {
        return BatchDelete.olderThan(dataSource, DEAD, cutoff, batchSize);
    }
}
