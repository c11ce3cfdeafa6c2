package org.learninglog.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.internet.MimeMessage;

import org.learninglog.mail.MailDispatcher;
import org.learninglog.mail.TestMailServer;
import org.learninglog.time.MutableClock;

/** The links people follow from their emails, read from GreenMail after the outbox was dispatched. */
@ApplicationScoped
class Mailbox {

    static final Pattern SIGN_IN = Pattern.compile("https?://[^/\\s]+(/sign-in/[A-Za-z0-9_-]+)");

    private final MailDispatcher dispatcher;
    private final MutableClock clock;

    Mailbox(MailDispatcher dispatcher, MutableClock clock) {
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /** A client address of its own, so one test's sign-ins do not count against another's limit. */
    static String clientAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    /**
     * The path (and query) of the link matching `link` (its first group) in the newest email to the address that
     * has one, after dispatching the outbox.
     */
    String path(String address, Pattern link) {
        return path(address, link, 0);
    }

    /** How many emails the address has received so far: to {@link #path(String, Pattern, int) skip} them. */
    static int received(String address) {
        return TestMailServer.messagesTo(address).size();
    }

    /**
     * As {@link #path(String, Pattern)}, among the emails after the first `skip`: a sign-in link asked for just now,
     * not an older one (already used) while the new one waits for a retry on a busy machine.
     */
    String path(String address, Pattern link, int skip) {
        Instant at = clock.instant();
        String found = null;
        for (int round = 0; round < 50 && found == null; round++) {
            int attempted = dispatcher.dispatchDue();
            List<MimeMessage> messages = TestMailServer.messagesTo(address);
            found = newest(messages.subList(Math.min(skip, messages.size()), messages.size()), link);
            if (found == null && attempted == 0) {
                // A first send after an SMTP restart may wait for its retry: let it come due.
                clock.advance(Duration.ofMinutes(10));
            }
        }
        clock.set(at);
        assertTrue(found != null, "no email to " + address + " with a link like " + link);
        return found;
    }

    /** Dispatches everything due now. */
    void deliver() {
        for (int round = 0; round < 100 && dispatcher.dispatchDue() > 0; round++) {
            // until nothing is due
        }
    }

    private static String newest(List<MimeMessage> messages, Pattern link) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            Matcher matcher = link.matcher(TestMailServer.part(messages.get(i), "text/plain"));
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        return null;
    }
}
