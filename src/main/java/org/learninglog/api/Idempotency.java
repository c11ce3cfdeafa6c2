package org.learninglog.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * `Idempotency-Key` for creating POSTs: the first request with a key creates, a repeat with the same body
 * gets the same resource back, a repeat with another body is refused. Runs inside the caller's transaction,
 * so the key and the resource are stored together; racing repeats wait on the key's row.
 */
@ApplicationScoped
public class Idempotency {

    /** The resource a request created, and whether this request was a repeat of an earlier one. */
    public record Outcome(UUID resourceId, boolean repeated) {
    }

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Clock clock;

    Idempotency(EntityManager entityManager, ObjectMapper json, Clock clock) {
        this.entityManager = entityManager;
        this.json = json;
        this.clock = clock;
    }

    public Outcome once(UUID memberId, String operation, String key, Object body, Supplier<UUID> create) {
        if (key == null) {
            return new Outcome(create.get(), false);
        }
        String hash = hash(body);
        int claimed = entityManager.createNativeQuery(
                "INSERT INTO idempotency_key (member_id, key, operation, request_hash, created_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING")
                .setParameter(1, memberId).setParameter(2, key).setParameter(3, operation).setParameter(4, hash)
                .setParameter(5, clock.instant())
                .executeUpdate();
        if (claimed == 1) {
            UUID created = create.get();
            entityManager.createNativeQuery("UPDATE idempotency_key SET resource_id = ?1"
                    + " WHERE member_id = ?2 AND operation = ?3 AND key = ?4")
                    .setParameter(1, created).setParameter(2, memberId).setParameter(3, operation).setParameter(4, key)
                    .executeUpdate();
            return new Outcome(created, false);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT request_hash, resource_id FROM idempotency_key"
                + " WHERE member_id = ?1 AND operation = ?2 AND key = ?3")
                .setParameter(1, memberId).setParameter(2, operation).setParameter(3, key)
                .getResultList();
        Object[] row = rows.get(0);
        if (!hash.equals(row[0])) {
            throw Problems.unprocessable("This Idempotency-Key was used for a different request; use a new key");
        }
        return Optional.ofNullable((UUID) row[1]).map(id -> new Outcome(id, true))
                .orElseThrow(() -> Problems.conflict("The first request with this Idempotency-Key did not complete"));
    }

    private String hash(Object body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint the request", e);
        }
    }
}
