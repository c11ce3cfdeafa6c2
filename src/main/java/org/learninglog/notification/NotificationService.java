package org.learninglog.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;
import org.learninglog.api.Cursor;
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

    /** A notification with the name of the member who caused it. */
    public record Shown(Notification notification, String actorName) {
    }

    /** A page of notifications and how many are unread in all. */
    public record Inbox(Page<Shown> page, long unreadCount) {
    }

    private final Clock clock;

    NotificationService(Clock clock) {
        this.clock = clock;
    }

    /**
     * Records one notification per recipient; callers leave out the member who acted. For members who want
     * no reply emails the notification counts as handled by email at once.
     */
    public void notify(List<UUID> recipients, Notification.Kind kind, UUID entryId, UUID replyId, UUID actorId) {
        if (recipients.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Notification.getEntityManager().createNativeQuery("""
                INSERT INTO notification (id, member_id, kind, entry_id, reply_id, actor_id, created_at, email_handled_at)
                SELECT gen_random_uuid(), m.member_id, :kind, :entry, :reply, :actor, :now,
                       CASE WHEN m.reply_notifications = 'OFF' THEN CAST(:now AS timestamptz) END
                FROM member_recipient m WHERE m.member_id IN (:recipients)""")
                .setParameter("kind", kind.name()).setParameter("entry", entryId).setParameter("reply", replyId)
                .setParameter("actor", actorId).setParameter("now", now).setParameter("recipients", recipients)
                .executeUpdate();
    }

    public Inbox inbox(Actor actor, boolean unreadOnly, Integer limit, String cursor) {
        int size = Page.limit(limit);
        List<String> after = Cursor.decode(cursor, 2);
        String unread = unreadOnly ? " AND n.read_at IS NULL" : "";
        String keyset = after == null ? "" : " AND (n.created_at < :at OR (n.created_at = :at AND n.id < :id))";
        @SuppressWarnings("unchecked")
        NativeQuery<Object[]> query = Notification.getEntityManager().createNativeQuery(
                "SELECT {n.*}, a.display_name AS actor_name FROM notification n"
                        + " LEFT JOIN member_name a ON a.member_id = n.actor_id"
                        + " WHERE n.member_id = :me" + unread + keyset + " ORDER BY n.created_at DESC, n.id DESC")
                .unwrap(NativeQuery.class)
                .addEntity("n", Notification.class)
                .addScalar("actor_name", StandardBasicTypes.STRING)
                .setParameter("me", actor.id())
                .setMaxResults(size + 1);
        if (after != null) {
            query.setParameter("at", Cursor.instant(after.get(0))).setParameter("id", Cursor.uuid(after.get(1)));
        }
        List<Shown> rows = query.getResultList().stream().map(r -> new Shown((Notification) r[0], (String) r[1]))
                .toList();
        Page<Shown> page = Page.of(rows, size, s -> Cursor.encode(s.notification().createdAt.toString(),
                s.notification().id.toString()));
        return new Inbox(page, unreadCount(actor));
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

    private static long unreadCount(Actor actor) {
        return Notification.count("memberId = ?1 and readAt is null", actor.id());
    }
}
