package org.learninglog.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;

import io.agroal.api.AgroalDataSource;

/**
 * Deletes old rows a batch at a time, each batch one auto-committed statement: locks are held for one short
 * statement, never across the whole purge, and rows another transaction holds are skipped (the next run gets them).
 * The statement is the owning feature's own, written as
 * {@code DELETE FROM t WHERE ctid = ANY(ARRAY(SELECT ctid FROM t WHERE <old, compared with ?1> LIMIT ?2
 * FOR UPDATE SKIP LOCKED))}: its first parameter the cut-off instant, its second the batch size.
 */
public final class BatchDelete {

    /** More batches than any purge run needs; a run that gets this far leaves the rest for the next. */
    private static final int MAX_BATCHES = 10_000;

    private BatchDelete() {
    }

    /** Rows deleted, batch after batch, until a batch deletes fewer than `batchSize`. */
    public static long olderThan(AgroalDataSource dataSource, String delete, Instant cutoff, int batchSize) {
        long total = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(delete)) {
            for (int batch = 0; batch < MAX_BATCHES; batch++) {
                statement.setObject(1, cutoff.atOffset(ZoneOffset.UTC));
                statement.setInt(2, batchSize);
                int deleted = statement.executeUpdate();
                total += deleted;
                if (deleted < batchSize) {
                    break;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot delete old rows", e);
        }
        return total;
    }
}
