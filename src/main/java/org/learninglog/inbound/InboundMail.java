package org.learninglog.inbound;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.learninglog.api.ProblemException;
import org.learninglog.entry.EntryAccess;
import org.learninglog.entry.EntryService;
import org.learninglog.group.Group;
import org.learninglog.group.Membership;
import org.learninglog.identity.Actor;
import org.learninglog.mail.MailTexts;
import org.learninglog.mail.OutboundMail;
import org.learninglog.mail.Outbox;
import org.learninglog.mail.PublicLinks;
import org.learninglog.mail.ReplyAddresses;
import org.learninglog.mail.ReplyTarget;
import org.learninglog.member.Member;
import org.learninglog.thread.ThreadService;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Turns a received email into what it answers: a reply in a thread, or the week's entry for a reminder. Each
 * message is recorded first, once per Message-ID (a unique key: fetched twice or by two pollers at once, the
 * second finds the row and does nothing), then processed in a transaction of its own that posts and records the
 * outcome together; when processing fails the failure is recorded in a third, so nothing is lost. A reply
 * acts as the member the reply address was sent to, and only when the sender is that member's address.
 */
@ApplicationScoped
public class InboundMail {

    private static final Logger LOG = Logger.getLogger(InboundMail.class);
    /** Raw messages larger than this are kept cut to it (what was received stays inspectable). */
    private static final int MAX_RAW = 5 * 1024 * 1024;

    public enum Source {
        ENDPOINT, IMAP
    }

    public enum Status {
        RECEIVED, POSTED, IGNORED, REJECTED, FAILED
    }

    /** What became of a message; `duplicate` when its Message-ID was received before (the earlier outcome). */
    public record Outcome(UUID id, String messageId, Status status, String reason, boolean duplicate) {
    }

    /** The result of processing, written to the message's row. */
    private record Result(Status status, String reason, UUID memberId, UUID entryId, UUID replyId) {
        static Result of(Status status, String reason) {
            return new Result(status, reason, null, null, null);
        }
    }

    private final EntityManager entityManager;
    private final ReplyAddresses replyAddresses;
    private final ThreadService threads;
    private final EntryService entries;
    private final EntryAccess entryAccess;
    private final Outbox outbox;
    private final PublicLinks links;
    private final Clock clock;

    InboundMail(EntityManager entityManager, ReplyAddresses replyAddresses, ThreadService threads,
            EntryService entries, EntryAccess entryAccess, Outbox outbox, PublicLinks links, Clock clock) {
        this.entityManager = entityManager;
        this.replyAddresses = replyAddresses;
        this.threads = threads;
        this.entries = entries;
        this.entryAccess = entryAccess;
        this.outbox = outbox;
        this.links = links;
        this.clock = clock;
    }

    /** Records and processes one raw RFC 5322 message; never throws for what the message holds. */
    public Outcome receive(byte[] raw, Source source) {
        ReceivedMail mail;
        try {
            mail = ReceivedMail.parse(raw);
        } catch (Exception unreadable) {
            String messageId = "<unreadable-" + UUID.nameUUIDFromBytes(raw) + "@inbound.invalid>";
            return record(messageId, null, raw, source).map(id -> finish(id, messageId,
                    Result.of(Status.REJECTED, "Not a readable RFC 5322 message: " + unreadable.getMessage())))
                    .orElseGet(() -> earlier(messageId));
        }
        Optional<UUID> recorded = record(mail.messageId(), mail.from().orElse(null), raw, source);
        if (recorded.isEmpty()) {
            return earlier(mail.messageId());
        }
        UUID id = recorded.get();
        // Who the reply address names, known once processing got that far: kept when the processing fails.
        AtomicReference<UUID> addressedTo = new AtomicReference<>();
        try {
            Result result = QuarkusTransaction.requiringNew().call(() -> {
                Result processed = process(id, mail, addressedTo);
                write(id, processed);
                return processed;
            });
            return new Outcome(id, mail.messageId(), result.status(), result.reason(), false);
        } catch (RuntimeException e) {
            Result failed = failure(e, addressedTo.get());
            if (failed.status() == Status.FAILED) {
                LOG.warnf(e, "Inbound message %s could not be processed", mail.messageId());
            }
            return finish(id, mail.messageId(), failed);
        }
    }

    private Optional<UUID> record(String messageId, String from, byte[] raw, Source source) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<UUID> inserted = entityManager.createNativeQuery("""
                    INSERT INTO inbound_message (id, message_id, source, from_address, status, raw, received_at)
                    VALUES (?1, ?2, ?3, ?4, 'RECEIVED', ?5, ?6)
                    ON CONFLICT (message_id) DO NOTHING RETURNING id""", UUID.class)
                    .setParameter(1, UUID.randomUUID()).setParameter(2, cut(messageId, 998))
                    .setParameter(3, source.name()).setParameter(4, from == null ? null : cut(from, 320))
                    .setParameter(5, raw.length > MAX_RAW ? java.util.Arrays.copyOf(raw, MAX_RAW) : raw)
                    .setParameter(6, clock.instant()).getResultList();
            return inserted.stream().findFirst();
        });
    }

    private Outcome earlier(String messageId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) entityManager
                    .createNativeQuery("SELECT id, status, reason FROM inbound_message WHERE message_id = ?1")
                    .setParameter(1, cut(messageId, 998)).getSingleResult();
            return new Outcome((UUID) row[0], messageId, Status.valueOf((String) row[1]), (String) row[2], true);
        });
    }

    private Outcome finish(UUID id, String messageId, Result result) {
        QuarkusTransaction.requiringNew().run(() -> write(id, result));
        return new Outcome(id, messageId, result.status(), result.reason(), false);
    }

    private Result process(UUID id, ReceivedMail mail, AtomicReference<UUID> addressedTo) {
        // Held until this transaction ends: a second processing of the same row waits, then finds it done.
        List<?> open = entityManager.createNativeQuery(
                "SELECT id FROM inbound_message WHERE id = ?1 AND status = 'RECEIVED' FOR UPDATE")
                .setParameter(1, id).getResultList();
        if (open.isEmpty()) {
            return Result.of(Status.IGNORED, "Processed before");
        }
        if (mail.automatic().isPresent()) {
            return Result.of(Status.IGNORED, "Sent automatically: " + mail.automatic().get());
        }
        ReplyAddresses.Resolution resolution = replyAddresses.resolve(mail.recipients());
        if (resolution.addressed().isEmpty()) {
            return Result.of(Status.REJECTED, switch (resolution.refusal()) {
                case NONE -> "Not addressed to a reply address of this service";
                case INVALID -> "The reply address is not one this service signed (altered, or its email is gone)";
                case EXPIRED -> "The reply address has expired";
                case NOT_ANSWERABLE -> "The email it answers cannot be answered by email";
            });
        }
        ReplyAddresses.Addressed addressed = resolution.addressed().get();
        addressedTo.set(addressed.memberId());
        Member member = Member.findById(addressed.memberId());
        String sender = mail.from().orElse("");
        if (member == null || !sender.equalsIgnoreCase(member.email.strip())) {
            return new Result(Status.REJECTED, "The sender " + (sender.isEmpty() ? "(none)" : sender)
                    + " is not the member the reply address was sent to", addressed.memberId(), null, null);
        }
        if (!member.active) {
            return new Result(Status.REJECTED, "The member is deactivated", member.id, null, null);
        }
        Actor actor = new Actor(member.id, member.role == Member.Role.ADMIN);
        MailTexts texts = MailTexts.of(Locale.forLanguageTag(member.language));
        if (addressed.target() instanceof ReplyTarget.Thread thread) {
            return replyInThread(id, member, actor, texts, thread.entryId(), mail);
        }
        if (addressed.target() instanceof ReplyTarget.Week week) {
            return entryOfWeek(id, member, actor, texts, week, mail);
        }
        return refuse(id, member, ReplyRefused.Reason.SEVERAL, null, null, links.to("/"),
                "It answers an email about several threads");
    }

    private Result replyInThread(UUID id, Member member, Actor actor, MailTexts texts, UUID entryId,
            ReceivedMail mail) {
        Optional<UUID> groupId = entryAccess.groupOf(entryId);
        if (groupId.isEmpty()) {
            return new Result(Status.REJECTED, "The entry it answers was deleted", member.id, null, null);
        }
        if (!Membership.isMember(groupId.get(), member.id)) {
            return refuse(id, member, ReplyRefused.Reason.NOT_IN_GROUP, groupName(groupId.get()), null,
                    links.to("/"), "The member is no longer in the entry's group");
        }
        String text = ReplyText.cut(mail.text());
        if (text.isEmpty()) {
            return new Result(Status.REJECTED, "No text above the quoted email", member.id, entryId, null);
        }
        text = withAttachmentNote(texts, text, mail.attachments());
        var reply = threads.reply(actor, entryId, new ThreadService.NewReply(fit(text)));
        return new Result(Status.POSTED, null, member.id, entryId, reply.id());
    }

    private Result entryOfWeek(UUID id, Member member, Actor actor, MailTexts texts, ReplyTarget.Week week,
            ReceivedMail mail) {
        String groupName = groupName(week.groupId());
        String weekPage = links.to("/groups/" + week.groupId() + "/weeks/" + week.week());
        if (!Membership.isMember(week.groupId(), member.id)) {
            return refuse(id, member, ReplyRefused.Reason.NOT_IN_GROUP, groupName, week.week(), links.to("/"),
                    "The member is no longer in the reminder's group");
        }
        Optional<EntryHeadings.Written> written = EntryHeadings.read(ReplyText.cut(mail.text()));
        if (written.isEmpty()) {
            return refuse(id, member, ReplyRefused.Reason.FORMAT, groupName, week.week(), weekPage,
                    "The reply to the reminder does not follow the entry's headings");
        }
        String failed = withAttachmentNote(texts, written.get().failed(), mail.attachments());
        var put = entries.putMine(actor, week.groupId(), week.week(),
                new EntryService.Content(fit(written.get().tried()), fit(failed),
                        written.get().question() == null ? null : fit(written.get().question()), null));
        return new Result(Status.POSTED, null, member.id, put.entry().id(), null);
    }

    private Result refuse(UUID id, Member member, ReplyRefused.Reason reason, String groupName, String week,
            String link, String why) {
        outbox.enqueue(new OutboundMail<>(ReplyRefused.REPLY_REFUSED, member.id, "reply-refused:" + id,
                new ReplyRefused(reason, member.displayName, groupName, week, link)));
        return new Result(Status.REJECTED, why + "; the member was told by email", member.id, null, null);
    }

    private static String groupName(UUID groupId) {
        Group group = Group.findById(groupId);
        return group == null ? "" : group.name;
    }

    private static String withAttachmentNote(MailTexts texts, String text, List<String> attachments) {
        return attachments.isEmpty() ? text
                : text + "\n\n" + texts.msg().inbound_attachmentsDropped(attachments.size());
    }

    /** A text longer than a reply may be is cut to it (by code points), rather than lost. */
    private static String fit(String text) {
        int max = 4000;
        return text.codePointCount(0, text.length()) <= max ? text
                : text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }

    private static Result failure(RuntimeException e, UUID memberId) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof ProblemException)) {
            cause = cause.getCause();
        }
        if (cause instanceof ProblemException problem) {
            return new Result(Status.REJECTED, problem.getMessage(), memberId, null, null);
        }
        return new Result(Status.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage(), memberId, null, null);
    }

    private void write(UUID id, Result result) {
        entityManager.createNativeQuery("""
                UPDATE inbound_message SET status = ?2, reason = ?3, member_id = COALESCE(?4, member_id),
                       entry_id = ?5, reply_id = ?6, processed_at = ?7,
                       raw = CASE WHEN ?2 = 'POSTED' THEN NULL ELSE raw END
                WHERE id = ?1 AND status = 'RECEIVED'""")
                .setParameter(1, id).setParameter(2, result.status().name())
                .setParameter(3, result.reason() == null ? null : cut(result.reason(), 2000))
                .setParameter(4, result.memberId()).setParameter(5, result.entryId())
                .setParameter(6, result.replyId()).setParameter(7, clock.instant()).executeUpdate();
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

}
