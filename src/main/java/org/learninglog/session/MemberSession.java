package org.learninglog.session;

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

/** A browser session: the cookie holds a random secret, this row only its SHA-256. */
@Entity
@Table(name = "member_session")
class MemberSession extends PanacheEntityBase {

    @Id
    UUID id;

    @Column(name = "secret_hash")
    String secretHash;

    @Column(name = "member_id")
    UUID memberId;

    @Column(name = "created_at")
    Instant createdAt;

    @Column(name = "last_seen_at")
    Instant lastSeenAt;

    @Column(name = "revoked_at")
    Instant revokedAt;

    static MemberSession create(UUID memberId, String secret, Instant now) {
        MemberSession session = new MemberSession();
        session.id = UUID.randomUUID();
        session.secretHash = SignInSecrets.hash(secret);
        session.memberId = memberId;
        session.createdAt = now;
        session.lastSeenAt = now;
        return session;
    }

    /** The member's live sessions (neither revoked nor expired at `now`), newest first, a page after the cursor's. */
    static Page<MemberSession> pageLiveOf(UUID memberId, Instant idleSince, Instant createdSince, String cursor,
            Integer limit) {
        Keyset keyset = Keyset.of(cursor, limit, Keyset.Key.instant("s.createdAt").descending(),
                Keyset.Key.uuid("s.id").descending());
        Map<String, Object> parameters = new HashMap<>(keyset.parameters());
        parameters.put("member", memberId);
        parameters.put("idleSince", idleSince);
        parameters.put("createdSince", createdSince);
        List<MemberSession> rows = find("from MemberSession s where s.memberId = :member and s.revokedAt is null"
                + " and s.lastSeenAt > :idleSince and s.createdAt > :createdSince" + keyset.and() + " order by "
                + keyset.orderBy(), parameters).page(0, keyset.fetchSize()).list();
        return keyset.page(rows, s -> List.of(s.createdAt, s.id));
    }

    static Optional<MemberSession> findLiveOwnedBy(UUID id, UUID memberId) {
        return find("id = ?1 and memberId = ?2 and revokedAt is null", id, memberId).firstResultOptional();
    }

    static int revokeAllOf(UUID memberId, UUID except, Instant now) {
        return except == null
                ? update("revokedAt = ?1 where memberId = ?2 and revokedAt is null", now, memberId)
                : update("revokedAt = ?1 where memberId = ?2 and revokedAt is null and id <> ?3", now, memberId,
                        except);
    }
}
