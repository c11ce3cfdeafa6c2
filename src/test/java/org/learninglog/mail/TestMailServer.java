package org.learninglog.mail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server (GreenMail) for the tests, on the port the build reserved for the mailer
 * (`%test.quarkus.mailer.port`). Classes that need it use `@ExtendWith(TestMailServer.class)`; it is started
 * once and kept for the whole test run. Tests may stop and start it to play an outage.
 */
public final class TestMailServer implements BeforeAllCallback {

    /** The port the build reserved (see pom.xml), which %test.quarkus.mailer.port reads too. */
    public static final ServerSetup SMTP = new ServerSetup(Integer.getInteger("learninglog.test.smtp-port", 3025),
            "127.0.0.1", ServerSetup.PROTOCOL_SMTP);

    private static GreenMail server;

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    public static synchronized void start() {
        if (server != null && server.isRunning()) {
            return;
        }
        if (server == null) {
            Runtime.getRuntime().addShutdownHook(new Thread(TestMailServer::stop));
        }
        // Started again right after a stop, the port may not be free yet (the old socket closing; and on a busy
        // machine the server thread is slow to come up): retried for a few seconds, each time with a new server.
        SMTP.setServerStartupTimeout(10_000);
        for (int attempt = 1;; attempt++) {
            server = new GreenMail(SMTP);
            try {
                server.start();
                return;
            } catch (IllegalStateException e) {
                server.stop();
                if (attempt == 20) {
                    throw e;
                }
                sleep(250);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Takes the SMTP server down: connections are refused until {@link #start()}. */
    public static synchronized void stop() {
        if (server != null && server.isRunning()) {
            server.stop();
        }
    }

    /** Every message received so far for this address (messages since the last restart). */
    public static synchronized List<MimeMessage> messagesTo(String address) {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            try {
                String[] to = message.getHeader("To");
                if (to != null && Arrays.stream(to).anyMatch(r -> r.strip().equalsIgnoreCase(address))) {
                    found.add(message);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    /** The part of a message with this content type, e.g. `text/html`, decoded. */
    public static String part(MimeMessage message, String contentType) {
        try {
            String found = find(message, contentType);
            if (found == null) {
                throw new AssertionError("The message has no " + contentType + " part");
            }
            return found;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String find(Part part, String contentType) throws MessagingException, IOException {
        if (part.isMimeType(contentType)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = find(child, contentType);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    public static String header(MimeMessage message, String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null ? null : String.join(", ", values);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
