package org.learninglog.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.learninglog.member.Member;
import org.learninglog.member.MemberRules;
import org.learninglog.member.MemberService;

import io.quarkus.runtime.StartupEvent;

/** Creates the configured administrator and their token at start, once, whatever the number of instances. */
@ApplicationScoped
class BootstrapAdmin {

    private static final Logger LOG = Logger.getLogger(BootstrapAdmin.class);

    private final BootstrapAdminConfig config;
    private final MemberService members;
    private final AccessTokenService tokens;
    private final EntityManager entityManager;

    BootstrapAdmin(BootstrapAdminConfig config, MemberService members, AccessTokenService tokens,
            EntityManager entityManager) {
        this.config = config;
        this.members = members;
        this.tokens = tokens;
        this.entityManager = entityManager;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.email().isPresent() && !config.email().get().isBlank()) {
            ensureAdmin();
        }
    }

    /** A transaction only when there is an administrator to create: most starts have none (decision 135). */
    @Transactional
    void ensureAdmin() {
        // Serialise concurrent starts so two instances cannot both create the administrator; keyed by schema
        // so services on other schemas of the same database do not wait for each other.
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(current_schema()), 7410001)")
                .getSingleResult();
        String email = MemberRules.email(config.email().get());
        Member admin = Member.findByEmail(email).orElseGet(() -> {
            // Nobody is logged in at start: the inner operation, which asks for no caller.
            Member created = members.register(config.displayName(), email, config.timeZone(), Member.Role.ADMIN);
            LOG.infof("Created the bootstrap administrator %s", email);
            return created;
        });
        config.token().filter(secret -> !secret.isBlank())
                .ifPresent(secret -> tokens.ensure(admin.id, "bootstrap", secret));
    }
}
