package org.learninglog.mail;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** An outbox row a dispatcher has claimed for delivery, as composers see it. */
public record OutboundEmail(UUID id, String kind, UUID recipientMemberId, String recipientAddress, JsonNode data,
        String messageId, String dedupeKey, int attempts) {
}
