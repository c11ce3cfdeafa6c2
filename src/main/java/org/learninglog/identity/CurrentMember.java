package org.learninglog.identity;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/**
 * The member behind the current request's token. The one place that knows how a request's security identity
 * carries an {@link Actor}: the member's id as the principal, and a role.
 */
@RequestScoped
public class CurrentMember {

    // The names of the member roles (member.Role), which this package is below and cannot see.
    private static final String ADMIN = "ADMIN";
    private static final String MEMBER = "MEMBER";

    private final SecurityIdentity identity;

    CurrentMember(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Actor actor() {
        return actorOf(identity);
    }

    /** The actor an authenticated security identity carries. */
    public static Actor actorOf(SecurityIdentity identity) {
        return new Actor(UUID.fromString(identity.getPrincipal().getName()), identity.hasRole(ADMIN));
    }

    /** The security identity of a request made by the actor. */
    public static SecurityIdentity identityOf(Actor actor) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(actor.id().toString()))
                .addRole(actor.admin() ? ADMIN : MEMBER)
                .build();
    }
}
