package org.learninglog.session;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.internet.MimeMessage;

import org.learninglog.Api;
import org.learninglog.TestData.TestMember;
import org.learninglog.mail.MailDispatcher;
import org.learninglog.mail.TestMailServer;
import org.learninglog.time.MutableClock;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Small named steps of signing in: asking for a link, reading it from the email, opening a session directly. */
@ApplicationScoped
class SignIns {

    private static final Pattern LINK = Pattern.compile("/sign-in/([A-Za-z0-9_-]+)");

    private final SessionService sessions;
    private final MailDispatcher dispatcher;
    private final MutableClock clock;

    SignIns(SessionService sessions, MailDispatcher dispatcher, MutableClock clock) {
        this.sessions = sessions;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /** A client address of its own, so one test's requests do not count against another's limit. */
    static String clientAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    /** `POST /api/v1/sign-in-links` from a client address. */
    static Response askForLink(String email, String client) {
        return Api.anonymous().header("X-Forwarded-For", client).body(Map.of("email", email))
                .post("/api/v1/sign-in-links");
    }

    /** The secret of the newest sign-in link emailed to the member, after the outbox was dispatched. */
    String emailedLink(TestMember member) {
        // Other tests may have left a backlog, or a first send after an SMTP restart failed and waits for its
        // retry: dispatch until the email is there, letting retries come due, then put the clock back.
        Instant at = clock.instant();
        List<MimeMessage> messages = TestMailServer.messagesTo(member.email());
        for (int round = 0; round < 100 && messages.isEmpty(); round++) {
            int attempted = dispatcher.dispatchDue();
            messages = TestMailServer.messagesTo(member.email());
            if (attempted == 0) {
                clock.advance(Duration.ofMinutes(10));
            }
        }
        clock.set(at);
        assertTrue(!messages.isEmpty(), "no email to " + member.email());
        String text = TestMailServer.part(messages.get(messages.size() - 1), "text/plain");
        Matcher link = LINK.matcher(text);
        assertTrue(link.find(), "no sign-in link in: " + text);
        return link.group(1);
    }

    /** A page outside the API (not in the contract), without following redirects. */
    static RequestSpecification page() {
        return given().redirects().follow(false);
    }

    /** The cookie secret of a session opened for the member, as a sign-in would. */
    String session(TestMember member) {
        return sessions.open(member.id()).orElseThrow().secret();
    }

    /** The CSRF token of the session, as the front end reads it. */
    static String csrfToken(String sessionSecret) {
        return Api.bySession(sessionSecret).get("/api/v1/me/sessions/current").then().statusCode(200).extract()
                .path("csrfToken");
    }
}
