package org.learninglog.notification;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.learninglog.api.BatchDelete;

import io.agroal.api.AgroalDataSource;

/** Forgets notifications read long ago (the retention job asks); unread ones stay. */
@ApplicationScoped
public class NotificationRetention {

    private static final String READ = "DELETE FROM notification WHERE ctid = ANY(ARRAY(SELECT ctid"
            + " FROM notification WHERE read_at < ? LIMIT ? FOR UPDATE SKIP LOCKED))";

    private final AgroalDataSource dataSource;

    NotificationRetention(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Deletes notifications read before the instant; how many. */
    public long purgeReadBefore(Instant cutoff, int batchSize) {
        return BatchDelete.olderThan(dataSource, READ, cutoff, batchSize);
    }
}
