package org.learninglog.security;

import java.time.Instant;
import java.util.UUID;

/** A token as its owner's list shows it: never the secret. */
public record TokenSummary(UUID id, String name, String prefix, Instant createdAt, Instant lastUsedAt) {

    static TokenSummary of(AccessToken token) {
        return new TokenSummary(token.id, token.name, token.prefix, token.createdAt, token.lastUsedAt);
    }
}
