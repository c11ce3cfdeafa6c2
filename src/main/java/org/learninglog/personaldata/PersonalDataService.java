package org.learninglog.personaldata;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.learninglog.api.IdempotencyPersonalData;
import org.learninglog.api.ReadOnly;
import org.learninglog.entry.EntryPersonalData;
import org.learninglog.group.GroupAccess;
import org.learninglog.group.GroupPersonalData;
import org.learninglog.identity.Actor;
import org.learninglog.inbound.InboundPersonalData;
import org.learninglog.insights.NudgePersonalData;
import org.learninglog.mail.OutboxPersonalData;
import org.learninglog.member.MemberProfile;
import org.learninglog.member.MemberService;
import org.learninglog.notification.NotificationPersonalData;
import org.learninglog.security.TokenPersonalData;
import org.learninglog.session.SessionPersonalData;
import org.learninglog.thread.ThreadPersonalData;

/**
 * A person's data: the export gathers it from every feature that holds some (each reads its own tables); an
 * erasure asks each of them, in one transaction, to delete or anonymise theirs, and writes the audit record.
 */
@ApplicationScoped
@Transactional
public class PersonalDataService {

    /** What an erasure does with the member's entries and replies. */
    public enum Content {
        ANONYMISE, DELETE
    }

    public record Erasure(UUID memberId, java.time.Instant erasedAt, Content content) {
    }

    /** A group's log with its authors' names, for its archive. */
    public record GroupLog(UUID groupId, String groupName, java.time.Instant exportedAt,
            List<EntryPersonalData.LogEntry> entries, List<ThreadPersonalData.LogReply> replies,
            Map<UUID, String> names) {
    }

    private static final Logger LOG = Logger.getLogger(PersonalDataService.class);

    private final Clock clock;
    private final EntityManager entityManager;
    private final MemberService members;
    private final GroupPersonalData groups;
    private final GroupAccess groupAccess;
    private final EntryPersonalData entries;
    private final ThreadPersonalData threads;
    private final NotificationPersonalData notifications;
    private final TokenPersonalData tokens;
    private final SessionPersonalData sessions;
    private final OutboxPersonalData outbox;
    private final InboundPersonalData inbound;
    private final IdempotencyPersonalData idempotency;
    private final NudgePersonalData nudges;

    PersonalDataService(Clock clock, EntityManager entityManager, MemberService members, GroupPersonalData groups,
            GroupAccess groupAccess, EntryPersonalData entries, ThreadPersonalData threads,
            NotificationPersonalData notifications, TokenPersonalData tokens, SessionPersonalData sessions,
            OutboxPersonalData outbox, InboundPersonalData inbound, IdempotencyPersonalData idempotency,
            NudgePersonalData nudges) {
        this.clock = clock;
        this.entityManager = entityManager;
        this.members = members;
        this.groups = groups;
        this.groupAccess = groupAccess;
        this.entries = entries;
        this.threads = threads;
        this.notifications = notifications;
        this.tokens = tokens;
        this.sessions = sessions;
        this.outbox = outbox;
        this.inbound = inbound;
        this.idempotency = idempotency;
        this.nudges = nudges;
    }

    /** Everything held about the caller, read in one transaction (one consistent snapshot). */
    @ReadOnly
    public PersonalDataExport export(Actor actor) {
        MemberProfile profile = members.me(actor);
        UUID id = actor.id();
        String email = profile.email();
        return new PersonalDataExport(clock.instant(), members.meAsJson(actor), groups.membershipsOf(id),
                entries.entriesOf(id), threads.repliesOf(id), threads.followsOf(id),
                notifications.notificationsOf(id), tokens.tokensOf(id), sessions.sessionsOf(id),
                sessions.signInLinksOf(id, email), outbox.emailsTo(id, email), inbound.receivedFrom(id, email),
                idempotency.keysOf(id), nudges.nudgesOf(id));
    }

    /**
     * An administrator erases a member (see `MemberService.eraseProfile` for the locks and the last administrator).
     * Everything in one transaction: either all of it is gone, or nothing changed.
     */
    public Erasure erase(Actor actor, UUID memberId, Content content) {
        MemberService.Erased erased = members.eraseProfile(actor, memberId);
        if (content == Content.DELETE) {
            threads.deleteRepliesOf(memberId);
            entries.deleteEntriesOf(memberId);
        }
        threads.forgetFollows(memberId);
        notifications.forget(memberId);
        tokens.forget(memberId);
        sessions.forget(memberId, erased.formerEmail());
        outbox.forget(memberId, erased.formerEmail(), erased.formerDisplayName(), MemberService.FORMER_MEMBER);
        inbound.forget(memberId, erased.formerEmail());
        idempotency.forget(memberId);
        nudges.forget(memberId);
        groups.forget(memberId);
        entityManager.createNativeQuery("INSERT INTO audit_record (id, action, actor_id, subject_id, detail,"
                + " created_at) VALUES (?1, 'MEMBER_ERASED', ?2, ?3, ?4, ?5)").setParameter(1, UUID.randomUUID())
                .setParameter(2, actor.id()).setParameter(3, memberId).setParameter(4, "content=" + content)
                .setParameter(5, erased.erasedAt()).executeUpdate();
        LOG.infof("Member %s erased by %s (content %s)", memberId, actor.id(), content);
        return new Erasure(memberId, erased.erasedAt(), content);
    }

    /** A group's whole log, for its facilitators (403 for its other members, 404 for anyone else). */
    @ReadOnly
    public GroupLog groupLog(Actor actor, UUID groupId) {
        groupAccess.facilitatorAccess(actor, groupId);
        List<EntryPersonalData.LogEntry> log = entries.logOf(groupId);
        List<ThreadPersonalData.LogReply> replies = threads.logOf(groupId);
        Set<UUID> authors = new HashSet<>();
        log.forEach(e -> authors.add(e.authorId()));
        replies.forEach(r -> authors.add(r.authorId()));
        return new GroupLog(groupId, groups.nameOf(groupId), clock.instant(), log, replies,
                members.displayNames(authors));
    }
}
