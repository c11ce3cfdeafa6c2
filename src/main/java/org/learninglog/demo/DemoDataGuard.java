package org.learninglog.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.learninglog.member.RegisteredEmails;
import org.learninglog.security.LiveTokens;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * The packaged service refuses to start while the dev mode's demo members or tokens are in its schema: their
 * tokens are public (README), so a schema dev mode once used would let anyone in as the demo administrator.
 *
 * <p>Two plain statements, no JTA transaction and no Hibernate session: as the first session of the start, the
 * check took half a second of it (decision 135).
 */
@ApplicationScoped
class DemoDataGuard {

    private static final Logger LOG = Logger.getLogger(DemoDataGuard.class);

    private final RegisteredEmails emails;
    private final LiveTokens tokens;

    DemoDataGuard(RegisteredEmails emails, LiveTokens tokens) {
        this.emails = emails;
        this.tokens = tokens;
    }

    void onStart(@Observes StartupEvent event) {
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            refuseDemoData();
        }
    }

    /** Throws, saying why, when any demo member or demo token exists. */
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
    List<String> demoDataPresent() {
        List<String> registered = emails.among(Arrays.stream(DemoData.PEOPLE).map(DemoData.Person::email).toList());
        List<String> live = tokens.among(Arrays.stream(DemoData.PEOPLE).map(DemoData.Person::token).toList());
        List<String> found = new ArrayList<>();
        for (DemoData.Person person : DemoData.PEOPLE) {
            if (registered.contains(person.email().toLowerCase(Locale.ROOT))) {
                found.add("member " + person.email());
            }
            if (live.contains(person.token())) {
                found.add("token " + person.token());
            }
        }
        return found;
    }
}
