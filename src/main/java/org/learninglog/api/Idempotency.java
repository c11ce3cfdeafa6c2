package org.learninglog.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * `Idempotency-Key` for creating POSTs: the first request with a key creates and its response is stored with
 * the key; a repeat with the same body gets that response again, as it was, whatever happened to the resource
 * since (edited, deleted); a repeat with another body is refused. The key, the resource and the response are
 * written in one transaction, so racing repeats wait on the key's row and then replay.
 */
@ApplicationScoped
public class Idempotency {

    private static final TypeReference<Map<String, List<String>>> HEADERS = new TypeReference<>() {
    };

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Clock clock;

    Idempotency(EntityManager entityManager, ObjectMapper json, Clock clock) {
        this.entityManager = entityManager;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The response to a creating request: made by `create` the first time, the stored one after that.
     * Keys are scoped per member and operation.
     */
    @Transactional
    public Response once(UUID memberId, String operation, String key, Object request, Supplier<Response> create) {
        if (key == null) {
            return create.get();
        }
        String hash = hash(request);
        int claimed = entityManager.createNativeQuery(
                "INSERT INTO idempotency_key (member_id, key, operation, request_hash, created_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING")
                .setParameter(1, memberId).setParameter(2, key).setParameter(3, operation).setParameter(4, hash)
                .setParameter(5, clock.instant())
                .executeUpdate();
        if (claimed == 1) {
            Response first = create.get();
            String headers = write(first.getStringHeaders());
            String body = first.hasEntity() ? write(first.getEntity()) : null;
            entityManager.createNativeQuery("UPDATE idempotency_key"
                    + " SET response_status = ?1, response_headers = CAST(?2 AS jsonb), response_body = ?3"
                    + " WHERE member_id = ?4 AND operation = ?5 AND key = ?6")
                    .setParameter(1, first.getStatus()).setParameter(2, headers).setParameter(3, body)
                    .setParameter(4, memberId).setParameter(5, operation).setParameter(6, key)
                    .executeUpdate();
            return replay(first.getStatus(), headers, body);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT request_hash, response_status,"
                + " CAST(response_headers AS text), response_body FROM idempotency_key"
                + " WHERE member_id = ?1 AND operation = ?2 AND key = ?3")
                .setParameter(1, memberId).setParameter(2, operation).setParameter(3, key)
                .getResultList();
        Object[] row = rows.get(0);
        if (!hash.equals(row[0])) {
            throw Problems.unprocessable("This Idempotency-Key was used for a different request; use a new key");
        }
        if (row[1] == null) {
            // Keys stored before responses were kept.
            throw Problems.conflict("The first request with this Idempotency-Key was answered before responses were"
                    + " kept, so it cannot be repeated; use a new key");
        }
        return replay(((Number) row[1]).intValue(), (String) row[2], (String) row[3]);
    }

    private Response replay(int status, String headers, String body) {
        Response.ResponseBuilder response = Response.status(status);
        read(headers).forEach((name, values) -> values.forEach(value -> response.header(name, value)));
        if (body != null) {
            response.entity(body).type(MediaType.APPLICATION_JSON_TYPE);
        }
        return response.build();
    }

    private String write(Object value) {
        try {
            if (value instanceof Map<?, ?> headers) {
                // Content-Type is set again from the body; the rest (Location, ETag) is kept as sent.
                Map<Object, Object> kept = new LinkedHashMap<>(headers);
                kept.keySet().removeIf(name -> "Content-Type".equalsIgnoreCase(name.toString()));
                return json.writeValueAsString(kept);
            }
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store the response", e);
        }
    }

    private Map<String, List<String>> read(String headers) {
        try {
            return headers == null ? Map.of() : json.readValue(headers, HEADERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read the stored response", e);
        }
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
