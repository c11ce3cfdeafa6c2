package org.learninglog.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A personal access token; only the SHA-256 of its secret is kept. */
@Entity
@Table(name = "access_token")
public class AccessToken extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "member_id")
    public UUID memberId;

    public String name;

    public String prefix;

    @Column(name = "token_hash")
    public String tokenHash;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    static AccessToken create(UUID memberId, String name, String secret, Instant now) {
        AccessToken token = new AccessToken();
        token.id = UUID.randomUUID();
        token.memberId = memberId;
        token.name = name;
        token.prefix = TokenSecrets.prefixOf(secret);
        token.tokenHash = TokenSecrets.hash(secret);
        token.createdAt = now;
        return token;
    }

    static Optional<AccessToken> findOwnedBy(UUID id, UUID memberId) {
        return find("id = ?1 and memberId = ?2 and revokedAt is null", id, memberId).firstResultOptional();
    }

    /** The member's live tokens, newest first, after the cursor's (createdAt, id). */
    static List<AccessToken> pageOwnedBy(UUID memberId, Instant afterCreatedAt, UUID afterId, int rows) {
        if (afterCreatedAt == null) {
            return find("memberId = ?1 and revokedAt is null order by createdAt desc, id desc", memberId)
                    .page(0, rows).list();
        }
        return find("memberId = ?1 and revokedAt is null and (createdAt < ?2 or (createdAt = ?2 and id < ?3))"
                + " order by createdAt desc, id desc", memberId, afterCreatedAt, afterId).page(0, rows).list();
    }

    static int revokeAllOf(UUID memberId, Instant now) {
        return update("revokedAt = ?1 where memberId = ?2 and revokedAt is null", now, memberId);
    }
}
