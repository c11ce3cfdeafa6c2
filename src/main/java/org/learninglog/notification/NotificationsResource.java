package org.learninglog.notification;

import java.time.ZoneOffset;

import jakarta.ws.rs.core.Response;

import org.learninglog.api.contract.NotificationsApi;
import org.learninglog.api.contract.model.AuthorRefJson;
import org.learninglog.api.contract.model.GroupRefJson;
import org.learninglog.api.contract.model.MarkReadJson;
import org.learninglog.api.contract.model.NotificationJson;
import org.learninglog.api.contract.model.NotificationKindJson;
import org.learninglog.api.contract.model.NotificationPageJson;
import org.learninglog.api.contract.model.OutcomeJson;
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
                .items(inbox.items().stream().map(NotificationsResource::of).toList())
                .nextCursor(inbox.nextCursor())
                .unreadCount((int) inbox.unreadCount());
        return Response.ok(body).build();
    }

    @Override
    public Response markNotificationsRead(MarkReadJson body) {
        long unread = notifications.markRead(current.actor(), body.getIds());
        return Response.ok(new UnreadCountJson().unreadCount((int) unread)).build();
    }

    private static NotificationJson of(NotificationService.InboxItem item) {
        return new NotificationJson()
                .id(item.id())
                .kind(NotificationKindJson.fromValue(item.kind().name()))
                .entryId(item.entryId())
                .replyId(item.replyId())
                .actor(item.actorId() == null ? null
                        : new AuthorRefJson().id(item.actorId()).displayName(item.actorName()))
                .group(item.groupId() == null ? null : new GroupRefJson().id(item.groupId()).name(item.groupName()))
                .excerpt(item.excerpt())
                .outcome(item.outcome() == null ? null : OutcomeJson.fromValue(item.outcome()))
                .link(item.link())
                .read(item.read())
                .createdAt(item.createdAt().atOffset(ZoneOffset.UTC));
    }
}
