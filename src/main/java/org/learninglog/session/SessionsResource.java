package org.learninglog.session;

import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.learninglog.api.contract.SessionsApi;
import org.learninglog.api.contract.model.SessionJson;
import org.learninglog.api.contract.model.SessionPageJson;
import org.learninglog.identity.CurrentMember;

import io.quarkus.security.Authenticated;

@Authenticated
class SessionsResource implements SessionsApi {

    private final SessionService sessions;
    private final CurrentMember member;
    private final CurrentSession session;
    private final SessionCookies cookies;
    private final HttpHeaders headers;

    SessionsResource(SessionService sessions, CurrentMember member, CurrentSession session, SessionCookies cookies,
            HttpHeaders headers) {
        this.sessions = sessions;
        this.member = member;
        this.session = session;
        this.cookies = cookies;
        this.headers = headers;
    }

    @Override
    public Response listMySessions(Integer limit, String cursor) {
        var page = sessions.listMine(member.actor(), session.id(), limit, cursor);
        return Response.ok(new SessionPageJson().items(page.items().stream().map(SessionsResource::json).toList())
                .nextCursor(page.nextCursor())).build();
    }

    @Override
    public Response getMyCurrentSession() {
        SessionJson json = json(sessions.current(member.actor(), session.id()));
        // The session was found by this cookie, so it is there.
        Cookie cookie = headers.getCookies().get(SessionCookies.NAME);
        return Response.ok(json.csrfToken(SignInSecrets.csrfToken(cookie.getValue()))).build();
    }

    @Override
    public Response signOut() {
        sessions.signOut(member.actor(), session.id());
        return Response.noContent().header("Set-Cookie", cookies.clear()).build();
    }

    @Override
    public Response revokeMyOtherSessions() {
        sessions.revokeOthers(member.actor(), session.id());
        return Response.noContent().build();
    }

    @Override
    public Response revokeMySession(UUID sessionId) {
        sessions.revokeMine(member.actor(), sessionId);
        return Response.noContent().build();
    }

    private static SessionJson json(SessionService.SessionView view) {
        return new SessionJson().id(view.id())
                .createdAt(view.createdAt().atOffset(ZoneOffset.UTC))
                .lastSeenAt(view.lastSeenAt().atOffset(ZoneOffset.UTC))
                .expiresAt(view.expiresAt().atOffset(ZoneOffset.UTC))
                .current(view.current());
    }
}
