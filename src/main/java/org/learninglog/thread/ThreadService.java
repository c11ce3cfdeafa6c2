package org.learninglog.thread;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.learninglog.api.CodePointLengths;
import org.learninglog.api.ETags;
import org.learninglog.api.Page;
import org.learninglog.api.Problems;
import org.learninglog.api.ReadOnly;
import org.learninglog.entry.EntryAccess;
import org.learninglog.entry.EntryHead;
import org.learninglog.entry.EntryThreads;
import org.learninglog.entry.EntryView;
import org.learninglog.identity.Actor;
import org.learninglog.member.Member;
import org.learninglog.notification.Notification;
import org.learninglog.notification.NotificationService;

/**
 * Replies in an entry's thread, the accepted answer, and who follows the thread. Every change takes the entry's
 * locks first ({@link EntryAccess#writable}): they order a thread's changes, and under them the thread's summary in
 * the entry is counted afresh after each change.
 */
@ApplicationScoped
@Transactional
public class ThreadService {

    static final int MAX_BODY = 4000;

    /** A reply as its author posts it; also what a repeated Idempotency-Key is compared with. */
    public record NewReply(String body) {
    }

    /** A reply posted in a thread, fired in its transaction (for webhooks). */
    public record ReplyPosted(UUID replyId, UUID entryId, UUID groupId, UUID authorId) {
    }

    /** A reply accepted as the answer to an entry's question, fired in its transaction (for webhooks). */
    public record AnswerAccepted(UUID entryId, UUID replyId, UUID groupId, UUID acceptedBy, UUID answeredBy) {
    }

    private final Clock clock;
    private final EntryAccess entries;
    private final EntryThreads threads;
    private final Followers followers;
    private final NotificationService notifications;
    private final Event<ReplyPosted> replyPosted;
    private final Event<AnswerAccepted> answerAccepted;

    ThreadService(Clock clock, EntryAccess entries, EntryThreads threads, Followers followers,
            NotificationService notifications, Event<ReplyPosted> replyPosted, Event<AnswerAccepted> answerAccepted) {
        this.replyPosted = replyPosted;
        this.answerAccepted = answerAccepted;
        this.clock = clock;
        this.entries = entries;
        this.threads = threads;
        this.followers = followers;
        this.notifications = notifications;
    }

    @ReadOnly
    public Page<ReplyView> replies(Actor actor, UUID entryId, Integer limit, String cursor) {
        EntryHead entry = entries.readable(actor, entryId);
        return Reply.pageOfThread(entryId, entry.acceptedReplyId(), cursor, limit);
    }

    /** One reply, for a member of its entry's group; 404 for anyone else, as for no such reply. */
    @ReadOnly
    public ReplyView get(Actor actor, UUID replyId) {
        UUID entryId = Reply.entryOf(replyId).orElseThrow(() -> Problems.notFound("Reply"));
        EntryHead entry = entries.readable(actor, entryId, "Reply");
        Reply reply = Reply.<Reply>findByIdOptional(replyId).orElseThrow(() -> Problems.notFound("Reply"));
        return view(reply, entry.acceptedReplyId());
    }

    /** Posts a reply (the resource makes a repeated Idempotency-Key answer as the first request did). */
    public ReplyView reply(Actor actor, UUID entryId, NewReply request) {
        EntryHead entry = entries.writable(actor, entryId);
        if (entry.removed()) {
            throw Problems.unprocessable("The entry was removed by its author; its thread takes no new replies");
        }
        return view(create(actor, entry, text(request.body())), entry.acceptedReplyId());
    }

    public ReplyView edit(Actor actor, UUID replyId, String ifMatch, String body) {
        Owned owned = ownReply(actor, replyId, ifMatch);
        Reply reply = owned.reply();
        reply.body = text(body);
        reply.editedAt = clock.instant();
        reply.version++;
        return view(reply, owned.entry().acceptedReplyId());
    }

    public void delete(Actor actor, UUID replyId, String ifMatch) {
        Owned owned = ownReply(actor, replyId, ifMatch);
        EntryHead entry = owned.entry();
        if (replyId.equals(entry.acceptedReplyId())) {
            threads.accept(entry, null);
        }
        owned.reply().delete();
        count(entry);
    }

    public EntryView accept(Actor actor, UUID entryId, UUID replyId) {
        EntryHead entry = ownEntry(actor, entryId);
        if (!entry.asksQuestion()) {
            throw Problems.unprocessable("The entry asks no question, so there is no answer to accept");
        }
        Reply reply = Reply.<Reply>findByIdOptional(replyId).filter(r -> r.entryId.equals(entryId))
                .orElseThrow(() -> Problems.unprocessable("Reply " + replyId + " is not in this entry's thread"));
        if (!reply.id.equals(entry.acceptedReplyId())) {
            threads.accept(entry, reply.id);
            answerAccepted.fire(new AnswerAccepted(entryId, reply.id, entry.groupId(), actor.id(), reply.memberId));
            if (!reply.memberId.equals(actor.id()) && Member.<Member>findById(reply.memberId).active
                    && Reply.markAcceptanceNotified(reply.id, clock.instant())) {
                notifications.notify(List.of(reply.memberId), Notification.Kind.ANSWER_ACCEPTED, entryId, reply.id,
                        actor.id());
            }
        }
        return threads.view(entry);
    }

    public EntryView reopen(Actor actor, UUID entryId) {
        EntryHead entry = ownEntry(actor, entryId);
        if (entry.acceptedReplyId() != null) {
            threads.accept(entry, null);
        }
        return threads.view(entry);
    }

    /** Follows are the member's own choice of what to hear about, not content: archived groups keep them. */
    public void follow(Actor actor, UUID entryId, boolean following) {
        entries.readable(actor, entryId);
        followers.set(entryId, actor.id(), following, clock.instant());
    }

    private Reply create(Actor actor, EntryHead entry, String text) {
        Instant now = clock.instant();
        Reply reply = new Reply();
        reply.id = UUID.randomUUID();
        reply.entryId = entry.id();
        reply.memberId = actor.id();
        reply.body = text;
        reply.createdAt = now;
        reply.version = 1;
        reply.persist();
        count(entry);
        followers.followUnlessUnfollowed(entry.id(), actor.id(), now);
        List<UUID> recipients = followers.toNotify(entry.id(), entry.authorId(), entry.groupId(), actor.id());
        List<UUID> others = recipients.stream().filter(id -> !id.equals(entry.authorId())).toList();
        if (recipients.contains(entry.authorId())) {
            notifications.notify(List.of(entry.authorId()), Notification.Kind.REPLY_ON_MY_ENTRY, entry.id(),
                    reply.id, actor.id());
        }
        notifications.notify(others, Notification.Kind.REPLY_ON_FOLLOWED_THREAD, entry.id(), reply.id, actor.id());
        replyPosted.fire(new ReplyPosted(reply.id, entry.id(), entry.groupId(), actor.id()));
        return reply;
    }

    /** Counts the thread afresh, under the entry's lock, into the entry's summary of it. */
    private void count(EntryHead entry) {
        Object[] counted = Reply.countOf(entry.id());
        threads.repliesCounted(entry, ((Number) counted[0]).longValue(), (Instant) counted[1]);
    }

    private EntryHead ownEntry(Actor actor, UUID entryId) {
        EntryHead entry = entries.writable(actor, entryId);
        if (entry.removed()) {
            throw Problems.notFound("Entry");
        }
        if (!entry.authorId().equals(actor.id())) {
            throw Problems.forbidden("Only the entry's author may accept an answer or reopen the question");
        }
        return entry;
    }

    /** A reply its author changes, and its entry, locked in that order. */
    private record Owned(EntryHead entry, Reply reply) {
    }

    private Owned ownReply(Actor actor, UUID replyId, String ifMatch) {
        UUID entryId = Reply.entryOf(replyId).orElseThrow(() -> Problems.notFound("Reply"));
        EntryHead entry = entries.writable(actor, entryId, "Reply");
        // Loaded for the first time here, under its lock: deleted meanwhile, it is gone.
        Reply reply = Reply.<Reply>findByIdOptional(replyId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> Problems.notFound("Reply"));
        if (!reply.memberId.equals(actor.id())) {
            throw Problems.forbidden("Only the reply's author may change or delete it");
        }
        ETags.requireMatch(ifMatch, reply.version);
        return new Owned(entry, reply);
    }

    private static ReplyView view(Reply reply, UUID acceptedReplyId) {
        return reply.view(Member.<Member>findById(reply.memberId).displayName, acceptedReplyId);
    }

    private static String text(String body) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw Problems.invalid("body", "must not be blank");
        }
        int length = CodePointLengths.length(text);
        if (length > MAX_BODY) {
            throw Problems.invalid("body", "must be at most " + MAX_BODY + " characters (it has " + length + ")");
        }
        return text;
    }
}
