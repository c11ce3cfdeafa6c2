package org.learninglog.mail;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.learninglog.api.Rows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Emails to a member, for their export; for their erasure, the deletion of every email to them (pending or
 * sent) and the scrubbing of their name and address out of the data of emails to others ("Ana replied").
 */
@ApplicationScoped
public class OutboxPersonalData {

    public record EmailRecord(String kind, String recipientAddress, String status, Instant createdAt, Instant sentAt,
            Map<String, Object> templateData) {
    }

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final EntityManager entityManager;
    private final ObjectMapper json;

    OutboxPersonalData(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    public List<EmailRecord> emailsTo(UUID memberId, String email) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT kind, recipient_address, status, created_at,"
                + " sent_at, CAST(template_data AS text) FROM outbound_email WHERE recipient_member_id = ?1"
                + " OR lower(recipient_address) = lower(?2) ORDER BY created_at, id").setParameter(1, memberId)
                .setParameter(2, email).getResultList();
        return rows.stream().map(r -> new EmailRecord((String) r[0], (String) r[1], (String) r[2], Rows.instant(r[3]),
                Rows.instant(r[4]), parse((String) r[5]))).toList();
    }

    /** Deletes every email to the member and replaces their name and address in the data of emails to others. */
    public void forget(UUID memberId, String email, String displayName, String replacementName) {
        entityManager.createNativeQuery("DELETE FROM outbound_email WHERE recipient_member_id = ?1"
                + " OR lower(recipient_address) = lower(?2)").setParameter(1, memberId).setParameter(2, email)
                .executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object[]> mentioning = entityManager.createNativeQuery("SELECT id, CAST(template_data AS text)"
                + " FROM outbound_email WHERE strpos(lower(CAST(template_data AS text)), lower(?1)) > 0"
                + " OR strpos(CAST(template_data AS text), ?2) > 0 FOR UPDATE").setParameter(1, email)
                .setParameter(2, displayName).getResultList();
        for (Object[] row : mentioning) {
            try {
                JsonNode data = json.readTree((String) row[1]);
                JsonNode scrubbed = scrub(data, email, displayName, replacementName);
                entityManager.createNativeQuery("UPDATE outbound_email SET template_data = CAST(?1 AS jsonb)"
                        + " WHERE id = ?2").setParameter(1, json.writeValueAsString(scrubbed))
                        .setParameter(2, row[0]).executeUpdate();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Unreadable template data of email " + row[0], e);
            }
        }
    }

    private static JsonNode scrub(JsonNode node, String email, String name, String replacement) {
        if (node.isTextual()) {
            String text = node.textValue();
            String scrubbed = text.replaceAll("(?i)" + java.util.regex.Pattern.quote(email), "")
                    .replace(name, replacement);
            return scrubbed.equals(text) ? node : TextNode.valueOf(scrubbed);
        }
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(field -> object.set(field, scrub(object.get(field), email, name,
                    replacement)));
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, scrub(array.get(i), email, name, replacement));
            }
            return array;
        }
        return node;
    }

    private Map<String, Object> parse(String data) {
        try {
            return data == null ? Map.of() : json.readValue(data, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable template data", e);
        }
    }
}
