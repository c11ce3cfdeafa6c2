package org.learninglog.session;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.learninglog.api.Page;
import org.learninglog.api.Problems;
import org.learninglog.api.ReadOnly;
import org.learninglog.identity.Actor;
import org.learninglog.member.MemberService;
import org.learninglog.security.TokenSecrets;

/**
 * Sessions. Opening one locks the member's row (through the member feature), as a deactivation does, so the two are
 * served one after the other: a session opened first is revoked by the deactivation, one asked for after it is not
 * opened (as with tokens, decision 33).
 */
@ApplicationScoped
@Transactional
class SessionService {

    /** A new session: its id, and the secret for the cookie (shown this once, stored only as a hash). */
    record Opened(UUID id, String secret) {
    }

    /** A live session as the member sees it. */
    record SessionView(UUID id, Instant createdAt, Instant lastSeenAt, Instant expiresAt, boolean current) {
    }

    private final Clock clock;
    private final MemberService members;
    private final SessionConfig config;

    SessionService(Clock clock, MemberService members, SessionConfig config) {
        this.clock = clock;
        this.members = members;
        this.config = config;
    }

    /** Opens a session for an active member; empty when the member is deactivated (or unknown). */
    Optional<Opened> open(UUID memberId) {
        if (!members.holdIfActive(memberId)) {
            return Optional.empty();
        }
        String secret = TokenSecrets.newSecret();
        MemberSession session = MemberSession.create(memberId, secret, clock.instant());
        session.persist();
        return Optional.of(new Opened(session.id, secret));
    }

    @ReadOnly
    Page<SessionView> listMine(Actor actor, UUID current, Integer limit, String cursor) {
        Instant now = clock.instant();
        return MemberSession.pageLiveOf(actor.id(), now.minus(config.idleTimeout()),
                now.minus(config.absoluteTimeout()), cursor, limit).map(s -> view(s, current));
    }

    @ReadOnly
    SessionView current(Actor actor, UUID current) {
        if (current == null) {
            throw Problems.notFound("Session (this request came with a bearer token, not a session cookie)");
        }
        return MemberSession.findLiveOwnedBy(current, actor.id()).map(s -> view(s, current))
                .orElseThrow(() -> Problems.notFound("Session"));
    }

    /** Signs out: revokes the session the request came with. */
    void signOut(Actor actor, UUID current) {
        if (current == null) {
            throw Problems.notFound("Session (this request came with a bearer token, not a session cookie)");
        }
        revokeMine(actor, current);
    }

    void revokeMine(Actor actor, UUID sessionId) {
        MemberSession session = MemberSession.findLiveOwnedBy(sessionId, actor.id())
                .orElseThrow(() -> Problems.notFound("Session"));
        session.revokedAt = clock.instant();
    }

    void revokeOthers(Actor actor, UUID current) {
        MemberSession.revokeAllOf(actor.id(), current, clock.instant());
    }

    /** Ends the session whose cookie holds this secret, if it is live (the sign-out page). */
    void signOut(String secret) {
        MemberSession.update("revokedAt = ?1 where secretHash = ?2 and revokedAt is null", clock.instant(),
                SignInSecrets.hash(secret));
    }

    /** Runs in the deactivation's transaction, which holds the member's row lock. */
    void revokeWhenDeactivated(@Observes MemberService.Deactivated event) {
        MemberSession.revokeAllOf(event.memberId(), null, clock.instant());
    }

    private SessionView view(MemberSession session, UUID current) {
        Instant idleEnd = session.lastSeenAt.plus(config.idleTimeout());
        Instant absoluteEnd = session.createdAt.plus(config.absoluteTimeout());
        return new SessionView(session.id, session.createdAt, session.lastSeenAt,
                idleEnd.isBefore(absoluteEnd) ? idleEnd : absoluteEnd, session.id.equals(current));
    }
}
