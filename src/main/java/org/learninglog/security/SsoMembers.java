package org.learninglog.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.learninglog.group.GroupService;
import org.learninglog.group.Membership;
import org.learninglog.identity.Actor;
import org.learninglog.member.Member;
import org.learninglog.member.MemberService;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The member a verified SSO token stands for: the active member with its email (case-insensitive), else, when
 * just-in-time creation is on, a new member (and, when set, a member of the default group). A deactivated member
 * stays refused: their email is taken, so no new member can be created for it.
 */
@ApplicationScoped
class SsoMembers {

    private static final Logger LOG = Logger.getLogger(SsoMembers.class);

    // The member feature's views of who may act (V11) and of active members' addresses (V19).
    private static final String FIND = "SELECT m.id, m.admin FROM active_member_address a"
            + " JOIN active_member m ON m.id = a.member_id WHERE a.email = lower(?)";

    private final AgroalDataSource dataSource;
    private final SsoConfig config;
    private final MemberService members;
    private final GroupService groups;

    SsoMembers(AgroalDataSource dataSource, SsoConfig config, MemberService members, GroupService groups) {
        this.dataSource = dataSource;
        this.config = config;
        this.members = members;
        this.groups = groups;
    }

    Optional<Actor> memberFor(SsoVerifier.Claims claims) {
        Optional<Actor> known = find(claims.email());
        if (known.isPresent() || !config.justInTime().enabled()) {
            return known;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> create(claims));
        } catch (RuntimeException e) {
            // A deactivated member's email, an address the rules refuse, or a request of the same person that
            // created the member a moment ago: whichever it is, the lookup below decides.
            LOG.debugf("No member created for an SSO sign-in: %s", e.getMessage());
        }
        return find(claims.email());
    }

    private void create(SsoVerifier.Claims claims) {
        String name = claims.name() != null && !claims.name().isBlank() ? claims.name().strip()
                : claims.email().substring(0, Math.max(1, claims.email().indexOf('@')));
        if (name.length() > 100) {
            name = name.substring(0, 100);
        }
        Member member = members.register(name, claims.email(), zone(claims.zoneInfo()), Member.Role.MEMBER);
        config.justInTime().group().ifPresent(group -> groups.addMember(group, member.id, Membership.Role.MEMBER));
        LOG.infof("Created member %s at their first single sign-on", member.id);
    }

    private String zone(String zoneInfo) {
        if (zoneInfo != null) {
            try {
                return ZoneId.of(zoneInfo).getId();
            } catch (DateTimeException e) {
                // Not a zone id: the default below.
            }
        }
        return config.justInTime().timeZone();
    }

    private Optional<Actor> find(String email) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement find = connection.prepareStatement(FIND)) {
            find.setString(1, email);
            try (ResultSet row = find.executeQuery()) {
                return row.next() ? Optional.of(new Actor(row.getObject(1, UUID.class), row.getBoolean(2)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot look up the member of an SSO token", e);
        }
    }
}
