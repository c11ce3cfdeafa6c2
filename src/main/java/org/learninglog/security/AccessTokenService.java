package org.learninglog.security;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.learninglog.api.Page;
import org.learninglog.api.Problems;
import org.learninglog.identity.Actor;
import org.learninglog.member.MemberService;
import org.learninglog.member.TokenIssuer;

/**
 * Personal access tokens. Issuing one locks the member's row (through the member feature), like a deactivation
 * does, so the two are served one after the other: a token issued first is revoked by the deactivation, a token
 * asked for after it is refused. The same lock makes the cap on live tokens exact under concurrent requests.
 */
@ApplicationScoped
@Transactional
public class AccessTokenService {

    private final Clock clock;
    private final MemberService members;
    private final TokenConfig config;

    AccessTokenService(Clock clock, MemberService members, TokenConfig config) {
        this.clock = clock;
        this.members = members;
        this.config = config;
    }

    public TokenIssuer.Issued issueForMe(Actor actor, String name) {
        return issue(actor.id(), name);
    }

    /**
     * Stores a token whose secret was chosen elsewhere (bootstrap, demo data), unless it exists already or the
     * member is deactivated. Not counted against the cap: the operator chose it.
     */
    public void ensure(UUID memberId, String name, String secret) {
        if (members.holdIfActive(memberId) && AccessToken.count("tokenHash", TokenSecrets.hash(secret)) == 0) {
            AccessToken.create(memberId, name, secret, clock.instant()).persist();
        }
    }

    public Page<TokenSummary> listMine(Actor actor, Integer limit, String cursor) {
        return AccessToken.pageOwnedBy(actor.id(), cursor, limit).map(TokenSummary::of);
    }

    public void revokeMine(Actor actor, UUID tokenId) {
        AccessToken token = AccessToken.findOwnedBy(tokenId, actor.id()).orElseThrow(() -> Problems.notFound("Token"));
        token.revokedAt = clock.instant();
    }

    /** Runs in the deactivation's transaction, which holds the member's row lock. */
    void revokeWhenDeactivated(@Observes MemberService.Deactivated event) {
        AccessToken.revokeAllOf(event.memberId(), clock.instant());
    }

    /** A new token of the member; who may ask for it is the caller's to check. */
    TokenIssuer.Issued issue(UUID memberId, String name) {
        String checkedName = name.strip();
        if (checkedName.isEmpty()) {
            throw Problems.invalid("name", "must not be blank");
        }
        if (!members.holdIfActive(memberId)) {
            throw Problems.unprocessable("The member is deactivated; reactivate them first");
        }
        int cap = config.maxLivePerMember();
        if (AccessToken.countLiveOf(memberId) >= cap) {
            throw Problems.unprocessable("A member holds at most " + cap + " live tokens; revoke one first");
        }
        String secret = TokenSecrets.newSecret();
        AccessToken token = AccessToken.create(memberId, checkedName, secret, clock.instant());
        token.persist();
        return new TokenIssuer.Issued(token.id, token.name, token.prefix, token.createdAt, secret);
    }
}
