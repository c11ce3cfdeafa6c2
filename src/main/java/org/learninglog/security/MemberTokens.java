package org.learninglog.security;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.learninglog.member.TokenIssuer;

/** Issues the tokens an administrator asks for on a member's behalf; the member feature checks who may. */
@ApplicationScoped
class MemberTokens implements TokenIssuer {

    private final AccessTokenService tokens;

    MemberTokens(AccessTokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public Issued issue(UUID memberId, String name) {
        return tokens.issue(memberId, name);
    }
}
