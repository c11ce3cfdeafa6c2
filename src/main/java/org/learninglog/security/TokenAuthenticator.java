package org.learninglog.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.learninglog.identity.Actor;

import io.agroal.api.AgroalDataSource;

/**
 * Resolves a bearer secret to its active member, and notes when the token was last used.
 *
 * <p>It runs before every request, so it is one statement on a pooled connection in auto-commit: no JTA
 * transaction, no Hibernate session, no BEGIN/COMMIT round trips. The rare write (last use) is one more
 * auto-committed statement; a race between two requests of the same token is harmless (both write "now").
 */
@ApplicationScoped
class TokenAuthenticator {

    // Writing last-used on every request would turn each read into a write; a minute is precise enough.
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    // active_member is the member feature's view of who may act (V11): still one statement.
    private static final String FIND = "SELECT t.id, t.last_used_at, m.id, m.admin FROM access_token t"
            + " JOIN active_member m ON m.id = t.member_id"
            + " WHERE t.token_hash = ? AND t.revoked_at IS NULL";
    private static final String TOUCH = "UPDATE access_token SET last_used_at = ?"
            + " WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)";

    private final AgroalDataSource dataSource;
    private final Clock clock;

    TokenAuthenticator(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    Optional<Actor> authenticate(String secret) {
        try (Connection connection = dataSource.getConnection()) {
            UUID tokenId;
            OffsetDateTime lastUsedAt;
            Actor actor;
            try (PreparedStatement find = connection.prepareStatement(FIND)) {
                find.setString(1, TokenSecrets.hash(secret));
                try (ResultSet row = find.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    tokenId = row.getObject(1, UUID.class);
                    lastUsedAt = row.getObject(2, OffsetDateTime.class);
                    actor = new Actor(row.getObject(3, UUID.class), row.getBoolean(4));
                }
            }
            Instant now = clock.instant();
            Instant stale = now.minus(LAST_USED_PRECISION);
            if (lastUsedAt == null || lastUsedAt.toInstant().isBefore(stale)) {
                try (PreparedStatement touch = connection.prepareStatement(TOUCH)) {
                    touch.setObject(1, now.atOffset(ZoneOffset.UTC));
                    touch.setObject(2, tokenId);
                    touch.setObject(3, stale.atOffset(ZoneOffset.UTC));
                    touch.executeUpdate();
                }
            }
            return Optional.of(actor);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot look up the access token", e);
        }
    }
}
