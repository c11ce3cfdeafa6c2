package org.learninglog.session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.learninglog.mail.OutboundMail;
import org.learninglog.mail.Outbox;
import org.learninglog.member.MemberService;

/**
 * Sign-in by emailed link. Asking for a link does the same work for every address (a row, a secret, a hash), so
 * neither the answer nor its timing tells whether a member has it; only a member's row can be used and gets the
 * email. The rate limits count these rows in PostgreSQL, under an advisory lock per address, so every instance
 * agrees and concurrent requests cannot pass a limit together.
 */
@ApplicationScoped
@Transactional
class SignInService {

    static final Duration WINDOW = Duration.ofHours(1);

    /** Too many links asked for; another is accepted after this long. */
    record TooMany(Duration retryAfter) {
    }

    /** What opening a link came to. */
    sealed interface Opening {
    }

    record Opened(SessionService.Opened session, String next) implements Opening {
    }

    /** The link was used already, or has expired, or its member was deactivated since. */
    record Gone(String email) implements Opening {
    }

    /** The link can still be opened. */
    record Valid() implements Opening {
    }

    /** No link has this secret: cut short, altered, or never sent. */
    record Unknown() implements Opening {
    }

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final SignInSecrets secrets;
    private final SignInConfig config;
    private final SessionService sessions;
    private final MemberService members;
    private final Clock clock;

    SignInService(EntityManager entityManager, Outbox outbox, SignInSecrets secrets, SignInConfig config,
            SessionService sessions, MemberService members, Clock clock) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.secrets = secrets;
        this.config = config;
        this.sessions = sessions;
        this.members = members;
        this.clock = clock;
    }

    /** Asks for a link for the address; empty when accepted (emailed if a member has the address). */
    Optional<TooMany> request(String email, String next, String clientAddress) {
        String address = email.strip().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        // Email first, then client: always this order, so two requests never wait for each other in a circle.
        lock("sign-in-email:" + address);
        lock("sign-in-client:" + clientAddress);
        Optional<TooMany> tooMany = limit("email", address, config.maxPerAddressPerHour(), now)
                .or(() -> limit("client_address", clientAddress, config.maxPerClientPerHour(), now));
        if (tooMany.isPresent()) {
            return tooMany;
        }
        List<?> found = entityManager
                .createNativeQuery("SELECT member_id FROM active_member_address WHERE email = ?1")
                .setParameter(1, address).getResultList();
        UUID memberId = found.isEmpty() ? null : (UUID) found.get(0);
        UUID linkId = UUID.randomUUID();
        String nextPath = SignInRules.next(next);
        String tokenHash = SignInSecrets.hash(secrets.linkSecret(linkId));
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sign_in_link (id, token_hash,"
                    + " member_id, email, client_address, next_path, created_at, expires_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setObject(1, linkId);
                insert.setString(2, tokenHash);
                insert.setObject(3, memberId, Types.OTHER);
                insert.setString(4, address);
                insert.setString(5, clientAddress);
                insert.setString(6, nextPath);
                insert.setObject(7, utc(now));
                insert.setObject(8, utc(now.plus(config.linkValidFor())));
                insert.executeUpdate();
            }
        });
        if (memberId != null) {
            outbox.enqueue(new OutboundMail<>(SignInMail.SIGN_IN_LINK, memberId, "sign-in:" + linkId,
                    new SignInMail(members.displayName(memberId), linkId, nextPath,
                            (int) config.linkValidFor().toMinutes())));
        }
        return Optional.empty();
    }

    /** Whether the secret is of a link that could still be opened; changes nothing (the page before the POST). */
    Opening peek(String secret) {
        return state(secret, clock.instant(), false);
    }

    /**
     * Uses the link, once: one conditional UPDATE, so of two concurrent POSTs one opens a session and the other
     * finds the link used. The session is opened in the same transaction, under the member's row lock.
     */
    Opening open(String secret) {
        Instant now = clock.instant();
        String hash = SignInSecrets.hash(secret);
        Object[] used = entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE sign_in_link SET used_at = ?"
                    + " WHERE token_hash = ? AND used_at IS NULL AND expires_at > ? AND member_id IS NOT NULL"
                    + " RETURNING member_id, next_path, email")) {
                update.setObject(1, utc(now));
                update.setString(2, hash);
                update.setObject(3, utc(now));
                try (ResultSet row = update.executeQuery()) {
                    return row.next()
                            ? new Object[] { row.getObject(1, UUID.class), row.getString(2), row.getString(3) }
                            : null;
                }
            }
        });
        if (used == null) {
            return state(secret, now, true);
        }
        return sessions.open((UUID) used[0])
                .<Opening>map(session -> new Opened(session, used[1] == null ? "/" : (String) used[1]))
                .orElseGet(() -> new Gone((String) used[2]));
    }

    private Opening state(String secret, Instant now, boolean afterUse) {
        List<?> rows = entityManager.createNativeQuery("SELECT l.email, l.used_at IS NOT NULL OR l.expires_at <= ?1"
                + " OR a.member_id IS NULL FROM sign_in_link l"
                + " LEFT JOIN active_member_address a ON a.member_id = l.member_id"
                + " WHERE l.token_hash = ?2 AND l.member_id IS NOT NULL")
                .setParameter(1, utc(now)).setParameter(2, SignInSecrets.hash(secret)).getResultList();
        if (rows.isEmpty()) {
            return new Unknown();
        }
        Object[] row = (Object[]) rows.get(0);
        boolean gone = afterUse || (Boolean) row[1];
        return gone ? new Gone((String) row[0]) : new Valid();
    }

    private void lock(String key) {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(current_schema()), hashtext(?1))")
                .setParameter(1, key).getSingleResult();
    }

    /** The limit-th newest row of the last hour, if there is one, tells when the next request is accepted. */
    private Optional<TooMany> limit(String column, String value, int max, Instant now) {
        List<?> rows = entityManager.createNativeQuery("SELECT created_at FROM sign_in_link WHERE " + column
                + " = ?1 AND created_at > ?2 ORDER BY created_at DESC OFFSET ?3 LIMIT 1")
                .setParameter(1, value).setParameter(2, utc(now.minus(WINDOW))).setParameter(3, max - 1)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Instant limiting = toInstant(rows.get(0));
        Duration wait = Duration.between(now, limiting.plus(WINDOW));
        return Optional.of(new TooMany(wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait));
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
