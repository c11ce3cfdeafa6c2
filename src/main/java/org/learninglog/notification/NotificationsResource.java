package org.learninglog.notification;

import java.time.ZoneOffset;

import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;

import org.learninglog.api.contract.NotificationsApi;
import org.learninglog.api.contract.model.AuthorRef;
import org.learninglog.api.contract.model.MarkRead;
import org.learninglog.api.contract.model.NotificationPage;
import org.learninglog.api.contract.model.UnreadCount;
import org.learninglog.identity.CurrentMember;

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
        var body = new NotificationPage()
                .items(inbox.page().items().stream().map(NotificationsResource::of).toList())
                .nextCursor(inbox.page().nextCursor())
                .unreadCount((int) inbox.unreadCount());
        return Response.ok(body).build();
    }

    @Override
    public Response markNotificationsRead(MarkRead body) {
        long unread = notifications.markRead(current.actor(), body.getIds());
        return Response.ok(new UnreadCount().unreadCount((int) unread)).build();
    }

    private static org.learninglog.api.contract.model.Notification of(NotificationService.Shown shown) {
        Notification n = shown.notification();
        return new org.learninglog.api.contract.model.Notification()
                .id(n.id)
                .kind(org.learninglog.api.contract.model.Notification.KindEnum.fromValue(n.kind.name()))
                .entryId(n.entryId)
                .replyId(n.replyId)
                .actor(n.actorId == null ? null : new AuthorRef().id(n.actorId).displayName(shown.actorName()))
                .read(n.readAt != null)
                .createdAt(n.createdAt.atOffset(ZoneOffset.UTC));
    }
}
