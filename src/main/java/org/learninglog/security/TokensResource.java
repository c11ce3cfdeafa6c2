package org.learninglog.security;

import java.net.URI;
import java.util.UUID;

import jakarta.ws.rs.core.Response;

import org.learninglog.api.contract.TokensApi;
import org.learninglog.api.contract.model.TokenCreateJson;
import org.learninglog.identity.CurrentMember;

import io.quarkus.security.Authenticated;

@Authenticated
class TokensResource implements TokensApi {

    private final AccessTokenService tokens;
    private final CurrentMember current;

    TokensResource(AccessTokenService tokens, CurrentMember current) {
        this.tokens = tokens;
        this.current = current;
    }

    @Override
    public Response listMyTokens(Integer limit, String cursor) {
        return Response.ok(TokenViews.page(tokens.listMine(current.actor(), limit, cursor))).build();
    }

    @Override
    public Response createMyToken(TokenCreateJson body) {
        var issued = tokens.issueForMe(current.actor(), body.getName());
        return Response.created(URI.create("/api/v1/me/tokens/" + issued.id()))
                .entity(TokenViews.issued(issued)).build();
    }

    @Override
    public Response revokeMyToken(UUID tokenId) {
        tokens.revokeMine(current.actor(), tokenId);
        return Response.noContent().build();
    }
}
