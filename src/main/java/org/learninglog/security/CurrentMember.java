package org.learninglog.security;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.security.identity.SecurityIdentity;

import org.learninglog.member.Actor;
import org.learninglog.member.Member;

/** The member behind the current request's token. */
@RequestScoped
public class CurrentMember {

    private final SecurityIdentity identity;

    CurrentMember(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Actor actor() {
        return new Actor(UUID.fromString(identity.getPrincipal().getName()), identity.hasRole(Member.Role.ADMIN.name()));
    }
}
