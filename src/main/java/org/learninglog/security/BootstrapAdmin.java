package org.learninglog.security;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import io.quarkus.runtime.StartupEvent;

import org.jboss.logging.Logger;
import org.learninglog.member.Member;
import org.learninglog.member.MemberRules;

/** Creates the configured administrator and their token at start, once, whatever the number of instances. */
@ApplicationScoped
class BootstrapAdmin {

    private static final Logger LOG = Logger.getLogger(BootstrapAdmin.class);

    private final BootstrapAdminConfig config;
    private final AccessTokenService tokens;
    private final Clock clock;

    BootstrapAdmin(BootstrapAdminConfig config, AccessTokenService tokens, Clock clock) {
        this.config = config;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Transactional
    void onStart(@Observes StartupEvent event) {
        if (config.email().isEmpty() || config.email().get().isBlank()) {
            return;
        }
        // Serialise concurrent starts so two instances cannot both create the administrator.
        Member.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(7410001)").getSingleResult();
        String email = MemberRules.email(config.email().get());
        Member admin = Member.findByEmail(email).orElseGet(() -> {
            Member created = Member.create(config.displayName(), email, MemberRules.timeZone(config.timeZone()),
                    Member.Role.ADMIN, clock.instant());
            created.persist();
            LOG.infof("Created the bootstrap administrator %s", email);
            return created;
        });
        config.token().filter(secret -> !secret.isBlank())
                .ifPresent(secret -> tokens.ensure(admin.id, "bootstrap", secret));
    }
}
