package org.learninglog.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.learninglog.api.Cursor;
import org.learninglog.api.Page;
import org.learninglog.identity.Actor;

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
                SELECT gen_random_uuid(), m.id, :kind, :entry, :reply, :actor, :now,
                       CASE WHEN m.reply_notifications = 'OFF' THEN CAST(:now AS timestamptz) END
                FROM member m WHERE m.id IN (:recipients)""")
                .setParameter("kind", kind.name()).setParameter("entry", entryId).setParameter("reply", replyId)
                .setParameter("actor", actorId).setParameter("now", now).setParameter("recipients", recipients)
                .executeUpdate();
    }

    public Inbox inbox(Actor actor, boolean unreadOnly, Integer limit, String cursor) {
        int size = Page.limit(limit);
        List<String> after = Cursor.decode(cursor, 2);
        String unread = unreadOnly ? " and n.readAt is null" : "";
        String keyset = after == null ? "" : " and (n.createdAt < :at or (n.createdAt = :at and n.id < :id))";
        var query = Notification.getEntityManager().createQuery(
                "select n, a.displayName from Notification n left join Member a on a.id = n.actorId"
                        + " where n.memberId = :me" + unread + keyset + " order by n.createdAt desc, n.id desc",
                Object[].class)
                .setParameter("me", actor.id())
                .setMaxResults(size + 1);
        if (after != null) {
            query.setParameter("at", Cursor.instant(after.get(0))).setParameter("id", Cursor.uuid(after.get(1)));
        }
        List<Shown> rows = query.getResultList().stream().map(r -> new Shown((Notification) r[0], (String) r[1])).toList();
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
            Notification.update("readAt = ?1 where memberId = ?2 and readAt is null and id in ?3", now, actor.id(), ids);
        }
        return unreadCount(actor);
    }

    private static long unreadCount(Actor actor) {
        return Notification.count("memberId = ?1 and readAt is null", actor.id());
    }
}
