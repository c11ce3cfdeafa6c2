package org.learninglog.notification;

import java.time.ZoneOffset;

import jakarta.ws.rs.core.Response;

import org.learninglog.api.contract.NotificationsApi;
import org.learninglog.api.contract.model.AuthorRefJson;
import org.learninglog.api.contract.model.MarkReadJson;
import org.learninglog.api.contract.model.NotificationJson;
import org.learninglog.api.contract.model.NotificationPageJson;
import org.learninglog.api.contract.model.UnreadCountJson;
import org.learninglog.identity.CurrentMember;

import io.quarkus.security.Authenticated;

@Authenticated
class NotificationsResource implements NotificationsApi {

    private final NotificationService notifications;
    private final CurrentMember current;

    NotificationsResource(NotificationService notifications, CurrentMember current) {
        this.notifications = notifications;
        this.current = current;
    }

    @Override
    public Response listMyNotifications(Boolean unread, Integer limit, String cursor) {
        var inbox = notifications.inbox(current.actor(), Boolean.TRUE.equals(unread), limit, cursor);
        var body = new NotificationPageJson()
                .items(inbox.page().items().stream().map(NotificationsResource::of).toList())
                .nextCursor(inbox.page().nextCursor())
                .unreadCount((int) inbox.unreadCount());
        return Response.ok(body).build();
    }

    @Override
    public Response markNotificationsRead(MarkReadJson body) {
        long unread = notifications.markRead(current.actor(), body.getIds());
        return Response.ok(new UnreadCountJson().unreadCount((int) unread)).build();
    }

    private static NotificationJson of(NotificationService.Shown shown) {
        Notification n = shown.notification();
        return new NotificationJson()
                .id(n.id)
                .kind(NotificationJson.KindEnum.fromValue(n.kind.name()))
                .entryId(n.entryId)
                .replyId(n.replyId)
                .actor(n.actorId == null ? null : new AuthorRefJson().id(n.actorId).displayName(shown.actorName()))
                .read(n.readAt != null)
                .createdAt(n.createdAt.atOffset(ZoneOffset.UTC));
    }
}
