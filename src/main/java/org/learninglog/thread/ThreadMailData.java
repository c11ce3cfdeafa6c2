package org.learninglog.thread;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.learninglog.mail.MailKind;
import org.learninglog.notification.Notification;

/**
 * The data of each kind of thread email: one record per kind, the only definition of what it carries,
 * stored in the outbox by {@link ThreadMailJob} and read back by {@link ThreadMails}.
 */
final class ThreadMailData {

    private ThreadMailData() {
    }

    /** Replies to one thread within its coalescing window, to a member who wants each thread's news at once. */
    static final MailKind<Activity> ACTIVITY = MailKind.of("THREAD_ACTIVITY", Activity.class);

    /** New questions in the member's groups within one coalescing window, to a member who wants them at once. */
    static final MailKind<Questions> QUESTIONS = MailKind.of("QUESTIONS_ASKED", Questions.class);

    /** How the advice worked out, to the member whose answer was accepted. */
    static final MailKind<Outcome> OUTCOME = MailKind.of("OUTCOME_REPORTED", Outcome.class);

    /** A day's news of all the threads a member follows, at their local digest time. */
    static final MailKind<Digest> DIGEST = MailKind.of("THREAD_DIGEST", Digest.class);

    /** A question nobody has answered for a day, to the rest of the group. */
    static final MailKind<Unanswered> UNANSWERED = MailKind.of("UNANSWERED_QUESTION", Unanswered.class);

    /**
     * One notification as an email shows it.
     *
     * @param question  null when the entry asks none, or was removed since
     * @param actorName who replied or accepted the answer
     * @param body      the reply's text
     */
    record Item(UUID entryId, String groupName, String question, String authorName, Notification.Kind kind,
            String actorName, String body, Instant at) {
    }

    /** @param items the notifications of one thread, oldest first */
    record Activity(List<Item> items) {
    }

    /** @param items one per question, oldest first */
    record Questions(List<Item> items) {
    }

    /**
     * @param day   the member's local day of the digest
     * @param items the notifications by thread, each thread's oldest first
     */
    record Digest(LocalDate day, List<Item> items) {
    }

    /**
     * @param entryId the entry that tells the outcome (this week's)
     * @param outcome an {@code Entry.Outcome} name
     * @param note    null when the asker wrote none
     */
    record Outcome(UUID entryId, String groupName, String askerName, String question, String answer, String outcome,
            String note) {
    }

    record Unanswered(UUID entryId, String groupName, String question, String authorName, String week) {
    }
}
