package org.learninglog.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.learninglog.Api.as;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learninglog.ClockAndMailTest;
import org.learninglog.Race;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;
import org.learninglog.entry.Entries;
import org.learninglog.mail.MailDispatcher;
import org.learninglog.mail.TestMailServer;
import org.learninglog.thread.ThreadMailJob;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.junit.QuarkusTest;

/** Replies by email fetched from a real IMAP mailbox (GreenMail): each one posted once, however often fetched. */
@QuarkusTest
class ImapPollerTest extends ClockAndMailTest {

    @Inject
    ImapPoller poller;

    @Inject
    ThreadMailJob threadMails;

    @Inject
    MailDispatcher dispatcher;

    GreenMail imap;
    GreenMailUser mailbox;
    ImapPoller.Mailbox settings;
    TestMember asker;
    String entryId;
    String replyTo;

    @BeforeEach
    void aMailboxAndAThreadEmail() {
        imap = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort());
        imap.start();
        mailbox = imap.setUser("inbound@reply.test.invalid", "inbound", "secret");
        settings = new ImapPoller.Mailbox("127.0.0.1", imap.getImap().getPort(), "inbound", "secret", false,
                "INBOX");

        clock.set(Entries.TUESDAY_W48);
        asker = data.member("Asker");
        TestMember ana = data.member("Ana");
        UUID groupId = data.group("IMAP " + TestData.suffix(), asker, ana);
        entryId = as(asker.token()).body(Entries.packagingEntry())
                .put("/api/v1/groups/{g}/weeks/current/entries/me", groupId).then().statusCode(201).extract()
                .path("id");
        as(ana.token()).body(Map.of("body", "Pool the orders")).post("/api/v1/entries/{id}/replies", entryId).then()
                .statusCode(201);
        clock.advance(Duration.ofMinutes(11));
        threadMails.enqueueDue();
        for (int round = 0; round < 100 && dispatcher.dispatchDue() > 0; round++) {
            // keep delivering
        }
        replyTo = TestMailServer.header(TestMailServer.messagesTo(asker.email()).get(0), "Reply-To");
    }

    @AfterEach
    void stopMailbox() {
        imap.stop();
    }

    @Test
    void shouldPostAReplyOnceWhenTheMailboxIsPolledTwice() throws Exception {
        byte[] raw = Inbound.reply(asker.email(), replyTo, Inbound.messageId(), "Thanks, will do.\n\n> Ana replied");
        deliver(raw);
        assertEquals(1, poller.poll(settings));
        assertEquals(0, poller.poll(settings), "seen messages are not fetched again");
        deliver(raw); // the same message once more, e.g. delivered twice or left unseen by a crash
        assertEquals(1, poller.poll(settings));
        assertEquals(List.of("Pool the orders", "Thanks, will do."), replies());
    }

    @Test
    void shouldPostAReplyOnceWhenTwoPollersFetchItAtTheSameTime() throws Exception {
        byte[] raw = Inbound.reply(asker.email(), replyTo, Inbound.messageId(), "Racing reply");
        deliver(raw);
        deliver(raw);
        List<Callable<Integer>> pollers = List.of(() -> poller.poll(settings), () -> poller.poll(settings),
                () -> poller.poll(settings));
        Race.all(pollers);
        assertEquals(List.of("Pool the orders", "Racing reply"), replies());
    }

    private void deliver(byte[] raw) throws Exception {
        mailbox.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)));
    }

    private List<String> replies() {
        return as(asker.token()).get("/api/v1/entries/{id}/replies", entryId).then().statusCode(200).extract()
                .path("items.body");
    }
}
