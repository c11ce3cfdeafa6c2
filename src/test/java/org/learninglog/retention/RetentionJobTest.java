package org.learninglog.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.learninglog.Api.as;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;
import org.learninglog.entry.Entries;
import org.learninglog.session.SessionRetention;
import org.learninglog.time.MutableClock;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The retention job at a moved clock: rows of each kind written at `t0` and two days later; 31 days on, the 30-day
 * kinds written at `t0` are gone and the rest are there; 91 days on, the 90-day kinds too. Rows still in use
 * (pending emails, unread notifications, live sessions, unprocessed mail) stay however old.
 */
@QuarkusTest
class RetentionJobTest {

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    @Inject
    RetentionJob job;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SessionRetention sessions;

    @AfterEach
    void restoreClock() {
        clock.reset();
    }

    @Test
    void shouldDeleteOnlyWhatIsOlderThanItsRetention() throws SQLException {
        TestMember ana = data.member("Ana");
        UUID groupId = data.group("Retention", ana);
        String entryId = as(ana.token()).body(Entries.packagingEntry())
                .put("/api/v1/groups/{g}/weeks/current/entries/me", groupId).then().statusCode(201).extract()
                .path("id");
        Instant t0 = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant t2 = t0.plus(Duration.ofDays(2));

        UUID sentOld = email(ana, "SENT", t0, t0);
        UUID sentNew = email(ana, "SENT", t2, t2);
        UUID deadOld = email(ana, "DEAD", t0, null);
        UUID deadNew = email(ana, "DEAD", t2, null);
        UUID pending = email(ana, "PENDING", t0, null);
        UUID readOld = notification(ana, entryId, t0, t0);
        UUID readNew = notification(ana, entryId, t0, t2);
        UUID unread = notification(ana, entryId, t0, null);
        UUID revokedOld = session(ana, t0, t0, t0);
        UUID revokedNew = session(ana, t0, t0, t2);
        UUID idleSinceT0 = session(ana, t0, t0, null);
        UUID linkOld = link(ana, t0);
        UUID linkNew = link(ana, t2);
        String keyOld = idempotencyKey(ana, t0);
        String keyNew = idempotencyKey(ana, t2);
        UUID inboundOld = inbound(t0, t0);
        UUID inboundNew = inbound(t2, t2);
        UUID inboundUnprocessed = inbound(t0, null);

        clock.set(t0.plus(Duration.ofDays(31)));
        job.purge();

        assertGone("outbound_email", sentOld);
        assertKept("outbound_email", sentNew, deadOld, deadNew, pending);
        assertKept("notification", readOld, readNew, unread);
        assertGone("member_session", revokedOld);
        // Idle since t0, it ended at t0 + 14 days: 17 days ago.
        assertKept("member_session", revokedNew, idleSinceT0);
        assertGone("sign_in_link", linkOld);
        assertKept("sign_in_link", linkNew);
        assertEquals(0, count("SELECT count(*) FROM idempotency_key WHERE key = '" + keyOld + "'"));
        assertEquals(1, count("SELECT count(*) FROM idempotency_key WHERE key = '" + keyNew + "'"));
        assertKept("inbound_message", inboundOld, inboundNew, inboundUnprocessed);

        clock.set(t0.plus(Duration.ofDays(91)));
        UUID liveSession = session(ana, clock.instant(), clock.instant(), null);
        RetentionJob.Purged purged = job.purge();

        assertGone("outbound_email", sentNew, deadOld);
        assertKept("outbound_email", deadNew, pending);
        assertGone("notification", readOld);
        assertKept("notification", readNew, unread);
        assertGone("member_session", revokedNew, idleSinceT0);
        assertKept("member_session", liveSession);
        assertGone("inbound_message", inboundOld);
        assertKept("inbound_message", inboundNew, inboundUnprocessed);
        assertEquals(1, purged.readNotifications());
    }

    @Test
    void shouldForgetRateLimitCountsAnHourAfterTheirWindowBegan() throws SQLException {
        TestMember ana = data.member("Ana");
        String address = "10.31." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
        Instant t0 = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        clock.set(t0);
        as(ana.token()).header("X-Forwarded-For", address).get("/api/v1/me").then().statusCode(200);
        clock.set(t0.plus(Duration.ofMinutes(30)));
        as(ana.token()).header("X-Forwarded-For", address).get("/api/v1/me").then().statusCode(200);
        String windows = "SELECT count(*) FROM rate_limit_window WHERE bucket = 'address:" + address + "'";
        assertEquals(2, count(windows));

        clock.set(t0.plus(Duration.ofMinutes(61)));
        job.purge();

        assertEquals(1, count(windows), "the window of t0 is gone, the one of half an hour later kept");
    }

    @Test
    void shouldDeleteInBatchesUntilNothingOldIsLeft() throws SQLException {
        TestMember ana = data.member("Ana");
        Instant t0 = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 25; i++) {
            link(ana, t0);
        }
        clock.set(t0.plus(Duration.ofDays(31)));

        // Batches of 10: at least three statements, the last one short.
        long deleted = sessions.purgeSignInLinksExpiredBefore(clock.instant().minus(Duration.ofDays(30)), 10);

        assertEquals(0, count("SELECT count(*) FROM sign_in_link WHERE member_id = '" + ana.id() + "'"));
        assertTrue(deleted >= 25, "deleted " + deleted);
    }

    private UUID email(TestMember to, String status, Instant createdAt, Instant sentAt) throws SQLException {
        UUID id = UUID.randomUUID();
        update("INSERT INTO outbound_email (id, dedupe_key, kind, recipient_member_id, recipient_address, status,"
                + " next_attempt_at, created_at, sent_at) VALUES (?, ?, 'REMINDER', ?, ?, ?, ?, ?, ?)",
                id, "test:" + id, to.id(), to.email(), status, utc(createdAt), utc(createdAt), utc(sentAt));
        return id;
    }

    private UUID notification(TestMember member, String entryId, Instant createdAt, Instant readAt)
            throws SQLException {
        UUID id = UUID.randomUUID();
        update("INSERT INTO notification (id, member_id, kind, entry_id, created_at, read_at)"
                + " VALUES (?, ?, 'REPLY_POSTED', ?, ?, ?)", id, member.id(), UUID.fromString(entryId),
                utc(createdAt), utc(readAt));
        return id;
    }

    private UUID session(TestMember member, Instant createdAt, Instant lastSeenAt, Instant revokedAt)
            throws SQLException {
        UUID id = UUID.randomUUID();
        update("INSERT INTO member_session (id, secret_hash, member_id, created_at, last_seen_at, revoked_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", id, hash(), member.id(), utc(createdAt), utc(lastSeenAt),
                utc(revokedAt));
        return id;
    }

    private UUID link(TestMember member, Instant expiresAt) throws SQLException {
        UUID id = UUID.randomUUID();
        update("INSERT INTO sign_in_link (id, token_hash, member_id, email, client_address, created_at, expires_at)"
                + " VALUES (?, ?, ?, ?, '127.0.0.1', ?, ?)", id, hash(), member.id(), member.email(),
                utc(expiresAt.minus(Duration.ofMinutes(15))), utc(expiresAt));
        return id;
    }

    private String idempotencyKey(TestMember member, Instant createdAt) throws SQLException {
        String key = "key-" + TestData.suffix();
        update("INSERT INTO idempotency_key (member_id, key, operation, request_hash, created_at)"
                + " VALUES (?, ?, 'test', 'hash', ?)", member.id(), key, utc(createdAt));
        return key;
    }

    private UUID inbound(Instant receivedAt, Instant processedAt) throws SQLException {
        UUID id = UUID.randomUUID();
        update("INSERT INTO inbound_message (id, message_id, source, status, received_at, processed_at)"
                + " VALUES (?, ?, 'ENDPOINT', ?, ?, ?)", id, "<" + id + "@test>",
                processedAt == null ? "RECEIVED" : "POSTED", utc(receivedAt), utc(processedAt));
        return id;
    }

    private void assertGone(String table, UUID... ids) throws SQLException {
        for (UUID id : ids) {
            assertEquals(0, count("SELECT count(*) FROM " + table + " WHERE id = '" + id + "'"), table + " " + id);
        }
    }

    private void assertKept(String table, UUID... ids) throws SQLException {
        for (UUID id : ids) {
            assertEquals(1, count("SELECT count(*) FROM " + table + " WHERE id = '" + id + "'"), table + " " + id);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql);
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String hash() {
        return (TestData.suffix() + TestData.suffix() + TestData.suffix() + TestData.suffix() + TestData.suffix()
                + TestData.suffix()).substring(0, 64);
    }
}
