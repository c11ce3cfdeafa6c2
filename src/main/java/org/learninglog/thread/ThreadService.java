package org.learninglog.thread;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.learninglog.api.CodePointLengths;
import org.learninglog.api.Cursor;
import org.learninglog.api.ETags;
import org.learninglog.api.Page;
import org.learninglog.api.Problems;
import org.learninglog.entry.Entry;
import org.learninglog.group.GroupAccess;
import org.learninglog.identity.Actor;
import org.learninglog.member.Member;
import org.learninglog.notification.Notification;
import org.learninglog.notification.NotificationService;

/** Replies in an entry's thread, the accepted answer, and who follows the thread. */
@ApplicationScoped
@Transactional
public class ThreadService {

    static final int MAX_BODY = 4000;

    /** A reply and whether it is the accepted answer. */
    public record Shown(Reply.Authored reply, boolean accepted) {
    }

    /** A page of an entry's thread. */
    public record Thread(Entry entry, Page<Reply.Authored> replies) {
    }

    private final Clock clock;
    private final GroupAccess access;
    private final Followers followers;
    private final NotificationService notifications;

    ThreadService(Clock clock, GroupAccess access, Followers followers, NotificationService notifications) {
        this.clock = clock;
        this.access = access;
        this.followers = followers;
        this.notifications = notifications;
    }

    public Thread replies(Actor actor, UUID entryId, Integer limit, String cursor) {
        readOnly();
        Entry entry = visibleEntry(actor, entryId, LockModeType.NONE);
        int size = Page.limit(limit);
        List<String> after = Cursor.decode(cursor, 2);
        List<Reply.Authored> rows = Reply.pageOfThread(entryId, after == null ? null : Cursor.instant(after.get(0)),
                after == null ? null : Cursor.uuid(after.get(1)), size + 1);
        return new Thread(entry, Page.of(rows, size,
                a -> Cursor.encode(a.reply().createdAt.toString(), a.reply().id.toString())));
    }

    /** Posts a reply. */
    public Shown reply(Actor actor, UUID entryId, String body) {
        // The entry row lock puts a thread's replies in order, for its counters and for coalescing emails.
        Entry entry = visibleEntry(actor, entryId, LockModeType.PESSIMISTIC_WRITE);
        if (entry.isRemoved()) {
            throw Problems.unprocessable("The entry was removed by its author; its thread takes no new replies");
        }
        return shown(create(actor, entry, text(body)), entry);
    }

    public Shown edit(Actor actor, UUID replyId, String ifMatch, String body) {
        Reply reply = ownReply(actor, replyId, ifMatch);
        reply.body = text(body);
        reply.editedAt = clock.instant();
        reply.version++;
        return shown(reply, Entry.findById(reply.entryId));
    }

    public void delete(Actor actor, UUID replyId, String ifMatch) {
        Reply reply = ownReply(actor, replyId, ifMatch);
        Entry entry = Entry.findById(reply.entryId, LockModeType.PESSIMISTIC_WRITE);
        if (reply.id.equals(entry.acceptedReplyId)) {
            entry.acceptedReplyId = null;
        }
        reply.delete();
        entry.replyCount = Math.max(0, entry.replyCount - 1);
        entry.firstReplyAt = Reply.<Reply>find("entryId = ?1 order by createdAt", entry.id).firstResultOptional()
                .map(r -> r.createdAt).orElse(null);
    }

    public Entry.Authored accept(Actor actor, UUID entryId, UUID replyId) {
        Entry entry = ownEntry(actor, entryId);
        if (entry.question == null) {
            throw Problems.unprocessable("The entry asks no question, so there is no answer to accept");
        }
        Reply reply = Reply.<Reply>findByIdOptional(replyId).filter(r -> r.entryId.equals(entryId))
                .orElseThrow(() -> Problems.unprocessable("Reply " + replyId + " is not in this entry's thread"));
        if (!reply.id.equals(entry.acceptedReplyId)) {
            entry.acceptedReplyId = reply.id;
            if (!reply.memberId.equals(actor.id())) {
                List<UUID> replier = Member.<Member>findById(reply.memberId).active ? List.of(reply.memberId)
                        : List.of();
                notifications.notify(replier, Notification.Kind.ANSWER_ACCEPTED, entryId, reply.id, actor.id());
            }
        }
        return authored(entry);
    }

    public Entry.Authored reopen(Actor actor, UUID entryId) {
        Entry entry = ownEntry(actor, entryId);
        entry.acceptedReplyId = null;
        return authored(entry);
    }

    public void follow(Actor actor, UUID entryId, boolean following) {
        visibleEntry(actor, entryId, LockModeType.NONE);
        followers.set(entryId, actor.id(), following, clock.instant());
    }

    private Reply create(Actor actor, Entry entry, String text) {
        Instant now = clock.instant();
        Reply reply = new Reply();
        reply.id = UUID.randomUUID();
        reply.entryId = entry.id;
        reply.memberId = actor.id();
        reply.body = text;
        reply.createdAt = now;
        reply.version = 1;
        reply.persist();
        entry.replyCount++;
        if (entry.firstReplyAt == null) {
            entry.firstReplyAt = now;
        }
        followers.followUnlessUnfollowed(entry.id, actor.id(), now);
        List<UUID> recipients = followers.toNotify(entry.id, entry.memberId, entry.groupId, actor.id());
        List<UUID> others = recipients.stream().filter(id -> !id.equals(entry.memberId)).toList();
        if (recipients.contains(entry.memberId)) {
            notifications.notify(List.of(entry.memberId), Notification.Kind.REPLY_ON_MY_ENTRY, entry.id, reply.id,
                    actor.id());
        }
        notifications.notify(others, Notification.Kind.REPLY_ON_FOLLOWED_THREAD, entry.id, reply.id, actor.id());
        return reply;
    }

    /**
     * Marks this transaction's persistence context read-only: nothing loaded is changed, so Hibernate keeps no
     * snapshots and checks nothing for changes at commit. Only for methods that start their own transaction.
     */
    static void readOnly() {
        Session session = Entry.getEntityManager().unwrap(Session.class);
        session.setDefaultReadOnly(true);
        session.setHibernateFlushMode(FlushMode.MANUAL);
    }

    private Entry visibleEntry(Actor actor, UUID entryId, LockModeType lock) {
        return access.content(actor, Entry.<Entry>findByIdOptional(entryId, lock), e -> e.groupId, "Entry");
    }

    private Entry ownEntry(Actor actor, UUID entryId) {
        Entry entry = visibleEntry(actor, entryId, LockModeType.PESSIMISTIC_WRITE);
        if (entry.isRemoved()) {
            throw Problems.notFound("Entry");
        }
        if (!entry.memberId.equals(actor.id())) {
            throw Problems.forbidden("Only the entry's author may accept an answer or reopen the question");
        }
        return entry;
    }

    private Reply ownReply(Actor actor, UUID replyId, String ifMatch) {
        Reply reply = access.content(actor, Reply.<Reply>findByIdOptional(replyId, LockModeType.PESSIMISTIC_WRITE),
                r -> Entry.<Entry>findById(r.entryId).groupId, "Reply");
        if (!reply.memberId.equals(actor.id())) {
            throw Problems.forbidden("Only the reply's author may change or delete it");
        }
        ETags.requireMatch(ifMatch, reply.version);
        return reply;
    }

    private static Shown shown(Reply reply, Entry entry) {
        return new Shown(new Reply.Authored(reply, Member.<Member>findById(reply.memberId).displayName),
                reply.id.equals(entry.acceptedReplyId));
    }

    private static Entry.Authored authored(Entry entry) {
        return new Entry.Authored(entry, Member.<Member>findById(entry.memberId).displayName);
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
