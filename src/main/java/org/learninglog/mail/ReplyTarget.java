package org.learninglog.mail;

import java.util.UUID;

/** What a reply to an email answers, as the email's composer says from the email's data. */
public sealed interface ReplyTarget {

    /** The thread of one entry: the reply's text becomes a reply in it. */
    record Thread(UUID entryId) implements ReplyTarget {
    }

    /** A reminder: the reply, written under the entry's headings, becomes the member's entry of that week. */
    record Week(UUID groupId, String week) implements ReplyTarget {
    }

    /** An email about several threads (a digest): a reply to it cannot say which one it answers. */
    record Several() implements ReplyTarget {
    }
}
