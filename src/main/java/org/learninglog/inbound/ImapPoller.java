package org.learninglog.inbound;

import java.io.ByteArrayOutputStream;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Polls an IMAP mailbox for replies by email: each unseen message is handed to {@link InboundMail} and then
 * marked seen. Several instances may poll the same mailbox at once, and a message may be fetched again after a
 * crash before it was marked: its Message-ID makes it be processed once all the same.
 */
@ApplicationScoped
public class ImapPoller {

    private static final Logger LOG = Logger.getLogger(ImapPoller.class);

    /** Where to poll: the configured mailbox, or another one (tests). */
    public record Mailbox(String host, int port, String user, String password, boolean tls, String folder) {
    }

    private final InboundMail inbound;
    private final ImapConfig config;

    ImapPoller(InboundMail inbound, ImapConfig config) {
        this.inbound = inbound;
        this.config = config;
    }

    @Scheduled(identity = "imap-poller", cron = "${learninglog.inbound.imap.cron:0 * * * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!config.enabled()) {
            return;
        }
        try {
            poll(new Mailbox(config.host(), config.port(), config.user().orElse(null),
                    config.password().orElse(null), config.tls(), config.folder()));
        } catch (MessagingException e) {
            LOG.warnf("Could not poll the IMAP mailbox %s:%d: %s", config.host(), config.port(), e.getMessage());
        }
    }

    /** Processes every unseen message of the mailbox; returns how many it handed on. */
    public int poll(Mailbox mailbox) throws MessagingException {
        String protocol = mailbox.tls() ? "imaps" : "imap";
        Properties properties = new Properties();
        properties.put("mail." + protocol + ".connectiontimeout", "10000");
        properties.put("mail." + protocol + ".timeout", "30000");
        if (!mailbox.tls()) {
            properties.put("mail.imap.starttls.enable", "true");
        }
        Session session = Session.getInstance(properties);
        int handed = 0;
        try (Store store = session.getStore(protocol)) {
            store.connect(mailbox.host(), mailbox.port(), mailbox.user(), mailbox.password());
            Folder folder = store.getFolder(mailbox.folder());
            folder.open(Folder.READ_WRITE);
            try {
                for (Message message : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    ByteArrayOutputStream raw = new ByteArrayOutputStream();
                    try {
                        message.writeTo(raw);
                    } catch (java.io.IOException e) {
                        throw new MessagingException("Could not read message " + message.getMessageNumber(), e);
                    }
                    inbound.receive(raw.toByteArray(), InboundMail.Source.IMAP);
                    message.setFlag(Flags.Flag.SEEN, true);
                    handed++;
                }
            } finally {
                folder.close(false);
            }
        }
        return handed;
    }
}
