package org.learninglog.member;

import java.util.UUID;

import org.learninglog.api.contract.model.TokenJson;

/**
 * Issues personal access tokens, for an administrator's {@code POST /members/{id}/tokens}. The member feature
 * decides who may have one; the security feature, which knows how tokens work, implements this.
 */
public interface TokenIssuer {

    /** A new token of the member, as the API shows it: the only response that carries its secret. */
    TokenJson issue(UUID memberId, String name);
}
