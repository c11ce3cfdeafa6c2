package org.learninglog.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.learninglog.member.Actor;
import org.learninglog.member.Member;

/** Resolves a bearer secret to its active member, and notes when the token was last used. */
@ApplicationScoped
class TokenAuthenticator {

    // Writing last-used on every request would turn each read into a write; a minute is precise enough.
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final Clock clock;

    TokenAuthenticator(Clock clock) {
        this.clock = clock;
    }

    @Transactional
    Optional<Actor> authenticate(String secret) {
        Optional<AccessToken> found = AccessToken.findUsable(TokenSecrets.hash(secret));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AccessToken token = found.get();
        Member member = Member.findById(token.memberId);
        if (member == null || !member.active) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (token.lastUsedAt == null || token.lastUsedAt.isBefore(now.minus(LAST_USED_PRECISION))) {
            token.lastUsedAt = now;
        }
        return Optional.of(new Actor(member.id, member.isAdmin()));
    }
}
