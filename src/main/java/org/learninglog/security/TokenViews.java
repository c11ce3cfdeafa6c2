package org.learninglog.security;

import java.time.ZoneOffset;

import org.learninglog.api.Page;
import org.learninglog.api.contract.model.Token;
import org.learninglog.api.contract.model.TokenPage;

/** Maps tokens to their wire form; the secret only ever appears on the response that created it. */
final class TokenViews {

    private TokenViews() {
    }

    static Token issued(AccessTokenService.Issued issued) {
        return of(issued.token()).token(issued.secret());
    }

    static Token of(AccessToken token) {
        return new Token()
                .id(token.id)
                .name(token.name)
                .prefix(token.prefix)
                .createdAt(token.createdAt.atOffset(ZoneOffset.UTC))
                .lastUsedAt(token.lastUsedAt == null ? null : token.lastUsedAt.atOffset(ZoneOffset.UTC));
    }

    static TokenPage page(Page<AccessToken> page) {
        return new TokenPage().items(page.items().stream().map(TokenViews::of).toList()).nextCursor(page.nextCursor());
    }
}
