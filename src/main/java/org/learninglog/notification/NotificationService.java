package org.learninglog.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;
import org.learninglog.api.Keyset;
import org.learninglog.api.Page;
import org.learninglog.identity.Actor;

/**
 * In-app notifications, and the only SQL on the `notification` table. Members' names and preferences come from
 * the member feature's views `member_name` and `member_recipient`; the thread emails read what is still to be
 * emailed through `notification_unmailed`.
 */
@ApplicationScoped
@Transactional
public class NotificationService {

    /**
     * One notification as the inbox shows it: who caused it, in which group, an excerpt of the text it is about
     * (null when its words were removed since), for an outcome how the advice worked out (the entry's
     * `Outcome` by name; the note is the excerpt, and may be absent), and the path of the thread.
     */
    public record InboxItem(UUID id, Notification.Kind kind, UUID entryId, UUID replyId, UUID actorId,
            String actorName, UUID groupId, String groupName, String excerpt, String outcome, String link,
            boolean read, Instant createdAt) {
    }

    /** Code points of the excerpt a notification carries, before the ellipsis. */
    static final int EXCERPT_LENGTH = 140;

    /** A page of the inbox, newest first, and how many notifications are unread in all. */
    public record InboxPage(List<InboxItem> items, String nextCursor, long unreadCount) {
    }

    private final Clock clock;

    NotificationService(Clock clock) {
        this.clock = clock;
    }

    /**
     * Records one notification per recipient; callers leave out the member who acted. For members who want no
     * email of this kind the notification counts as handled by email at once: reply news by
     * `replyNotifications`; a new question by `questionNotifications`, and not for members away (in-app only).
     * A member hears of one entry's question once however often it is announced (a unique index).
     */
    public void notify(List<UUID> recipients, Notification.Kind kind, UUID entryId, UUID replyId, UUID actorId) {
        if (recipients.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        // An outcome has an email of its own, enqueued with it: never one of the thread emails.
        String noEmail = switch (kind) {
            case QUESTION_ASKED -> "m.question_notifications = 'OFF' OR m.away_until > CAST(:today AS date)";
            case OUTCOME_REPORTED -> "true";
            default -> "m.reply_notifications = 'OFF'";
        };
        var insert = Notification.getEntityManager().createNativeQuery("""
                INSERT INTO notification (id, member_id, kind, entry_id, reply_id, actor_id, created_at, email_handled_at)
                SELECT gen_random_uuid(), m.member_id, :kind, :entry, :reply, :actor, :now,
                       CASE WHEN %s THEN CAST(:now AS timestamptz) END
                FROM member_recipient m WHERE m.member_id IN (:recipients)
                ON CONFLICT DO NOTHING""".formatted(noEmail))
                .setParameter("kind", kind.name()).setParameter("entry", entryId).setParameter("reply", replyId)
                .setParameter("actor", actorId).setParameter("now", now).setParameter("recipients", recipients);
        if (kind == Notification.Kind.QUESTION_ASKED) {
            insert.setParameter("today", now.atOffset(ZoneOffset.UTC).toLocalDate().toString());
        }
        insert.executeUpdate();
    }

    /** Records an in-app notification that no email carries (handled by email at once). */
    public void notifyInApp(UUID recipient, Notification.Kind kind, UUID entryId, UUID actorId) {
        Instant now = clock.instant();
        Notification.getEntityManager().createNativeQuery("INSERT INTO notification (id, member_id, kind,"
                + " entry_id, actor_id, created_at, email_handled_at)"
                + " VALUES (gen_random_uuid(), :member, :kind, :entry, :actor, :now, :now)")
                .setParameter("member", recipient).setParameter("kind", kind.name()).setParameter("entry", entryId)
                .setParameter("actor", actorId).setParameter("now", now).executeUpdate();
    }

    public InboxPage inbox(Actor actor, boolean unreadOnly, Integer limit, String cursor) {
        Keyset keyset = Keyset.of(cursor, limit, Keyset.Key.instant("n.created_at").descending(),
                Keyset.Key.uuid("n.id").descending());
        String unread = unreadOnly ? " AND n.read_at IS NULL" : "";
        @SuppressWarnings("unchecked")
        // What it is about, from the owners' views: the entry's thread head (its group and question, null once
        // removed), the group's name, the reply's text.
        NativeQuery<Object[]> query = Notification.getEntityManager().createNativeQuery(
                "SELECT {n.*}, a.display_name AS actor_name, e.group_id AS group_id, g.name AS group_name,"
                        + " CASE WHEN n.kind IN ('REPLY_ON_MY_ENTRY', 'REPLY_ON_FOLLOWED_THREAD') THEN r.body"
                        + " WHEN n.kind = 'OUTCOME_REPORTED' THEN e.outcome_note ELSE e.question END AS text,"
                        + " CASE WHEN n.kind = 'OUTCOME_REPORTED' THEN e.outcome END AS outcome"
                        + " FROM notification n"
                        + " LEFT JOIN member_name a ON a.member_id = n.actor_id"
                        + " JOIN entry_thread e ON e.entry_id = n.entry_id"
                        + " JOIN group_directory g ON g.group_id = e.group_id"
                        + " LEFT JOIN reply_text r ON r.reply_id = n.reply_id"
                        + " WHERE n.member_id = :me" + unread + keyset.and() + " ORDER BY " + keyset.orderBy())
                .unwrap(NativeQuery.class)
                .addEntity("n", Notification.class)
                .addScalar("actor_name", StandardBasicTypes.STRING)
                .addScalar("group_id", StandardBasicTypes.UUID)
                .addScalar("group_name", StandardBasicTypes.STRING)
                .addScalar("text", StandardBasicTypes.STRING)
                .addScalar("outcome", StandardBasicTypes.STRING)
                .setParameter("me", actor.id())
                .setMaxResults(keyset.fetchSize());
        List<InboxItem> rows = keyset.bind(query).getResultList().stream()
                .map(r -> item((Notification) r[0], (String) r[1], (UUID) r[2], (String) r[3], (String) r[4],
                        (String) r[5]))
                .toList();
        Page<InboxItem> page = keyset.page(rows, i -> List.of(i.createdAt(), i.id()));
        return new InboxPage(page.items(), page.nextCursor(), unreadCount(actor));
    }

    /** Marks the given notifications of mine read, or all when no ids are given; returns what stays unread. */
    public long markRead(Actor actor, List<UUID> ids) {
        Instant now = clock.instant();
        if (ids == null) {
            Notification.update("readAt = ?1 where memberId = ?2 and readAt is null", now, actor.id());
        } else if (!ids.isEmpty()) {
            Notification.update("readAt = ?1 where memberId = ?2 and readAt is null and id in ?3", now, actor.id(),
                    ids);
        }
        return unreadCount(actor);
    }

    /** Notes that these notifications were dealt with by email (sent, or not wanted), so none is mailed again. */
    public void markEmailed(Collection<UUID> ids, Instant at) {
        if (ids.isEmpty()) {
            return;
        }
        Notification.getEntityManager().createNativeQuery("""
                UPDATE notification SET email_handled_at = :at
                WHERE id = ANY (CAST(string_to_array(:ids, ',') AS uuid[])) AND email_handled_at IS NULL""")
                .setParameter("at", at)
                .setParameter("ids", ids.stream().map(UUID::toString).collect(Collectors.joining(",")))
                .executeUpdate();
    }

    private static InboxItem item(Notification n, String actorName, UUID groupId, String groupName, String text,
            String outcome) {
        String link = "/entries/" + n.entryId + (n.replyId == null ? "" : "#reply-" + n.replyId);
        return new InboxItem(n.id, n.kind, n.entryId, n.replyId, n.actorId, actorName, groupId, groupName,
                excerpt(text), outcome, link, n.readAt != null, n.createdAt);
    }

    /** The text on one line, at most {@link #EXCERPT_LENGTH} code points, never splitting a character. */
    static String excerpt(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String line = text.replaceAll("\\s+", " ").strip();
        return line.codePointCount(0, line.length()) <= EXCERPT_LENGTH ? line
                : line.substring(0, line.offsetByCodePoints(0, EXCERPT_LENGTH)).stripTrailing() + "…";
    }

    private static long unreadCount(Actor actor) {
        return Notification.count("memberId = ?1 and readAt is null", actor.id());
    }
}
