package org.learninglog.demo;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.learninglog.member.Member;
import org.learninglog.security.AccessTokenService;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * The packaged service refuses to start while the dev mode's demo members or tokens are in its schema: their
 * tokens are public (README), so a schema dev mode once used would let anyone in as the demo administrator.
 */
@ApplicationScoped
class DemoDataGuard {

    private static final Logger LOG = Logger.getLogger(DemoDataGuard.class);

    private final AccessTokenService tokens;

    DemoDataGuard(AccessTokenService tokens) {
        this.tokens = tokens;
    }

    void onStart(@Observes StartupEvent event) {
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            refuseDemoData();
        }
    }

    /** Throws, saying why, when any demo member or demo token exists. */
    @Transactional
    void refuseDemoData() {
        List<String> found = demoDataPresent();
        if (!found.isEmpty()) {
            String why = "Refusing to start: the schema holds dev-mode demo data (" + String.join(", ", found)
                    + "), whose tokens are public. Use a schema dev mode never ran on, or delete the demo members"
                    + " and tokens.";
            LOG.error(why);
            throw new IllegalStateException(why);
        }
    }

    /** The demo members and tokens in the schema, by address and token. */
    @Transactional
    List<String> demoDataPresent() {
        List<String> found = new ArrayList<>();
        for (DemoData.Person person : DemoData.PEOPLE) {
            if (Member.findByEmail(person.email()).isPresent()) {
                found.add("member " + person.email());
            }
            if (tokens.isLive(person.token())) {
                found.add("token " + person.token());
            }
        }
        return found;
    }
}
