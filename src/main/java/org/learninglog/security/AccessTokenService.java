package org.learninglog.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.learninglog.api.Cursor;
import org.learninglog.api.Page;
import org.learninglog.api.Problems;
import org.learninglog.identity.Actor;
import org.learninglog.member.MemberService;

@ApplicationScoped
@Transactional
public class AccessTokenService {

    /** A token just made, with the secret that is shown this once. */
    public record Issued(AccessToken token, String secret) {
    }

    private final Clock clock;

    AccessTokenService(Clock clock) {
        this.clock = clock;
    }

    public Issued issueForMe(Actor actor, String name) {
        return issue(actor.id(), name);
    }

    /** Stores a token whose secret was chosen elsewhere (bootstrap, demo data), unless it exists already. */
    public void ensure(UUID memberId, String name, String secret) {
        if (AccessToken.count("tokenHash", TokenSecrets.hash(secret)) == 0) {
            AccessToken.create(memberId, name, secret, clock.instant()).persist();
        }
    }

    public Page<AccessToken> listMine(Actor actor, Integer limit, String cursor) {
        int size = Page.limit(limit);
        List<String> after = Cursor.decode(cursor, 2);
        Instant afterCreatedAt = after == null ? null : Cursor.instant(after.get(0));
        UUID afterId = after == null ? null : Cursor.uuid(after.get(1));
        List<AccessToken> rows = AccessToken.pageOwnedBy(actor.id(), afterCreatedAt, afterId, size + 1);
        return Page.of(rows, size, t -> Cursor.encode(t.createdAt.toString(), t.id.toString()));
    }

    public void revokeMine(Actor actor, UUID tokenId) {
        AccessToken token = AccessToken.findOwnedBy(tokenId, actor.id()).orElseThrow(() -> Problems.notFound("Token"));
        token.revokedAt = clock.instant();
    }

    void revokeWhenDeactivated(@Observes MemberService.Deactivated event) {
        AccessToken.revokeAllOf(event.memberId(), clock.instant());
    }

    /** A new token of the member; who may ask for it is the caller's to check. */
    Issued issue(UUID memberId, String name) {
        String checkedName = name.strip();
        if (checkedName.isEmpty()) {
            throw Problems.invalid("name", "must not be blank");
        }
        String secret = TokenSecrets.newSecret();
        AccessToken token = AccessToken.create(memberId, checkedName, secret, clock.instant());
        token.persist();
        return new Issued(token, secret);
    }
}
