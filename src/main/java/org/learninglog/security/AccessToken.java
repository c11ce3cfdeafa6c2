package org.learninglog.security;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.learninglog.api.Keyset;
import org.learninglog.api.Page;

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

    /** The member's live tokens, newest first, a page after the cursor's. */
    static Page<AccessToken> pageOwnedBy(UUID memberId, String cursor, Integer limit) {
        Keyset keyset = Keyset.of(cursor, limit, Keyset.Key.instant("t.createdAt").descending(),
                Keyset.Key.uuid("t.id").descending());
        Map<String, Object> parameters = new HashMap<>(keyset.parameters());
        parameters.put("member", memberId);
        List<AccessToken> rows = find("from AccessToken t where t.memberId = :member and t.revokedAt is null"
                + keyset.and() + " order by " + keyset.orderBy(), parameters).page(0, keyset.fetchSize()).list();
        return keyset.page(rows, t -> List.of(t.createdAt, t.id));
    }

    static long countLiveOf(UUID memberId) {
        return count("memberId = ?1 and revokedAt is null", memberId);
    }

    static int revokeAllOf(UUID memberId, Instant now) {
        return update("revokedAt = ?1 where memberId = ?2 and revokedAt is null", now, memberId);
    }
}
