package org.learninglog.security;

import java.time.ZoneOffset;

import org.learninglog.api.Page;
import org.learninglog.api.contract.model.TokenJson;
import org.learninglog.api.contract.model.TokenPageJson;
import org.learninglog.member.TokenIssuer;

/** Maps tokens to their wire form; the secret only ever appears on the response that created it. */
final class TokenViews {

    private TokenViews() {
    }

    static TokenJson issued(TokenIssuer.Issued token) {
        return new TokenJson()
                .id(token.id())
                .name(token.name())
                .prefix(token.prefix())
                .createdAt(token.createdAt().atOffset(ZoneOffset.UTC))
                .token(token.secret());
    }

    static TokenJson of(TokenSummary token) {
        return new TokenJson()
                .id(token.id())
                .name(token.name())
                .prefix(token.prefix())
                .createdAt(token.createdAt().atOffset(ZoneOffset.UTC))
                .lastUsedAt(token.lastUsedAt() == null ? null : token.lastUsedAt().atOffset(ZoneOffset.UTC));
    }

    static TokenPageJson page(Page<TokenSummary> page) {
        return new TokenPageJson().items(page.items().stream().map(TokenViews::of).toList())
                .nextCursor(page.nextCursor());
    }
}
