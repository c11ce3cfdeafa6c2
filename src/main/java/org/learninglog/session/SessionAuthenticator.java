package org.learninglog.session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.learninglog.identity.Actor;

import io.agroal.api.AgroalDataSource;

/**
 * Resolves a session cookie to its session and active member, like the token lookup: one auto-committed statement
 * per request, and a write of `last_seen_at` only when it is older than `touch-every`, not on every request.
 * Revoked, idle and too old sessions are not found, on every instance at once.
 */
@ApplicationScoped
class SessionAuthenticator {

    /** The member behind a session, and the session. */
    record Found(Actor actor, UUID sessionId) {
    }

    private static final String FIND = "SELECT s.id, s.last_seen_at, m.id, m.admin FROM member_session s"
            + " JOIN active_member m ON m.id = s.member_id"
            + " WHERE s.secret_hash = ? AND s.revoked_at IS NULL AND s.last_seen_at > ? AND s.created_at > ?";
    private static final String TOUCH = "UPDATE member_session SET last_seen_at = ? WHERE id = ? AND last_seen_at < ?";

    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final SessionConfig config;

    SessionAuthenticator(AgroalDataSource dataSource, Clock clock, SessionConfig config) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.config = config;
    }

    Optional<Found> authenticate(String secret) {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            UUID sessionId;
            OffsetDateTime lastSeenAt;
            Actor actor;
            try (PreparedStatement find = connection.prepareStatement(FIND)) {
                find.setString(1, SignInSecrets.hash(secret));
                find.setObject(2, utc(now.minus(config.idleTimeout())));
                find.setObject(3, utc(now.minus(config.absoluteTimeout())));
                try (ResultSet row = find.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    sessionId = row.getObject(1, UUID.class);
                    lastSeenAt = row.getObject(2, OffsetDateTime.class);
                    actor = new Actor(row.getObject(3, UUID.class), row.getBoolean(4));
                }
            }
            Instant stale = now.minus(config.touchEvery());
            if (lastSeenAt.toInstant().isBefore(stale)) {
                try (PreparedStatement touch = connection.prepareStatement(TOUCH)) {
                    touch.setObject(1, utc(now));
                    touch.setObject(2, sessionId);
                    touch.setObject(3, utc(stale));
                    touch.executeUpdate();
                }
            }
            return Optional.of(new Found(actor, sessionId));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot look up the session", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
