package org.learninglog.member;

import java.time.Instant;
import java.util.UUID;

/**
 * Issues personal access tokens, for an administrator's {@code POST /members/{id}/tokens}. The member feature
 * decides who may have one; the security feature, which knows how tokens work, implements this.
 */
public interface TokenIssuer {

    /** A token just made, with the secret that is shown this once. */
    record Issued(UUID id, String name, String prefix, Instant createdAt, String secret) {
    }

    /**
     * A new token of the member: the only answer that carries its secret. Refused (422) for a deactivated member
     * and beyond the cap of live tokens; serialised with the member's deactivation on the member's row.
     */
    Issued issue(UUID memberId, String name);
}
