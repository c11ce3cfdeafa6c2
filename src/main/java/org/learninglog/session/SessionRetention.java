package org.learninglog.session;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.learninglog.api.BatchDelete;

import io.agroal.api.AgroalDataSource;

/** Forgets sessions and sign-in links that ended long ago (the retention job asks). */
@ApplicationScoped
public class SessionRetention {

    private static final String REVOKED = "DELETE FROM member_session WHERE ctid = ANY(ARRAY(SELECT ctid"
            + " FROM member_session WHERE revoked_at < ? LIMIT ? FOR UPDATE SKIP LOCKED))";
    private static final String IDLE = "DELETE FROM member_session WHERE ctid = ANY(ARRAY(SELECT ctid"
            + " FROM member_session WHERE last_seen_at < ? LIMIT ? FOR UPDATE SKIP LOCKED))";
    private static final String TOO_OLD = "DELETE FROM member_session WHERE ctid = ANY(ARRAY(SELECT ctid"
            + " FROM member_session WHERE created_at < ? LIMIT ? FOR UPDATE SKIP LOCKED))";
    private static final String LINKS = "DELETE FROM sign_in_link WHERE ctid = ANY(ARRAY(SELECT ctid"
            + " FROM sign_in_link WHERE expires_at < ? LIMIT ? FOR UPDATE SKIP LOCKED))";

    private final AgroalDataSource dataSource;
    private final SessionConfig config;

    SessionRetention(AgroalDataSource dataSource, SessionConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /**
     * Deletes sessions that ended before the instant: revoked then, idle since before then less the idle timeout,
     * or begun before then less the absolute timeout; how many.
     */
    public long purgeEndedBefore(Instant cutoff, int batchSize) {
        return BatchDelete.olderThan(dataSource, REVOKED, cutoff, batchSize)
                + BatchDelete.olderThan(dataSource, IDLE, cutoff.minus(config.idleTimeout()), batchSize)
                + BatchDelete.olderThan(dataSource, TOO_OLD, cutoff.minus(config.absoluteTimeout()), batchSize);
    }

    /** Deletes sign-in links that expired before the instant (used or not); how many. */
    public long purgeSignInLinksExpiredBefore(Instant cutoff, int batchSize) {
        return BatchDelete.olderThan(dataSource, LINKS, cutoff, batchSize);
    }
}
