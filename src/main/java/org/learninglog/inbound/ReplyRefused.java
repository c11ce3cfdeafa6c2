package org.learninglog.inbound;

import org.learninglog.mail.MailKind;

/**
 * The data of the short email that answers a reply by email the service could not use, and why: the member is no
 * longer in the group, a reply to a reminder did not follow the entry's headings, or it answered an email about
 * several threads. Never sent for a message a machine sent, nor to an address the reply address was not sent to.
 *
 * @param groupName the group, or null for an email about several threads
 * @param week      the reminder's week, for {@link Reason#FORMAT}
 * @param link      the page that does what the reply could not (the thread, the week, the app)
 */
public record ReplyRefused(Reason reason, String displayName, String groupName, String week, String link) {

    public enum Reason {
        NOT_IN_GROUP, FORMAT, SEVERAL
    }

    public static final MailKind<ReplyRefused> REPLY_REFUSED = MailKind.of("REPLY_REFUSED", ReplyRefused.class);
}
