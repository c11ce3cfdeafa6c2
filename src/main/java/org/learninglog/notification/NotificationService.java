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

    /** One notification as the inbox shows it, with the name of the member who caused it. */
    public record InboxItem(UUID id, Notification.Kind kind, UUID entryId, UUID replyId, UUID actorId,
            String actorName, boolean read, Instant createdAt) {
    }

    /** A page of the inbox, newest first, and how many notifications are unread in all. */
    public record InboxPage(List<InboxItem> items, String nextCursor, long unreadCount) {
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
        NativeQuery<Object[]> query = Notification.getEntityManager().createNativeQuery(
                "SELECT {n.*}, a.display_name AS actor_name FROM notification n"
                        + " LEFT JOIN member_name a ON a.member_id = n.actor_id"
                        + " WHERE n.member_id = :me" + unread + keyset.and() + " ORDER BY " + keyset.orderBy())
                .unwrap(NativeQuery.class)
                .addEntity("n", Notification.class)
                .addScalar("actor_name", StandardBasicTypes.STRING)
                .setParameter("me", actor.id())
                .setMaxResults(keyset.fetchSize());
        List<InboxItem> rows = keyset.bind(query).getResultList().stream()
                .map(r -> item((Notification) r[0], (String) r[1])).toList();
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

    private static InboxItem item(Notification n, String actorName) {
        return new InboxItem(n.id, n.kind, n.entryId, n.replyId, n.actorId, actorName, n.readAt != null, n.createdAt);
    }

    private static long unreadCount(Actor actor) {
        return Notification.count("memberId = ?1 and readAt is null", actor.id());
    }
}
