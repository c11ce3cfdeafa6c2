package org.learninglog.thread;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.learninglog.entry.EntryService;
import org.learninglog.notification.Notification;
import org.learninglog.notification.NotificationService;

/**
 * A new question is news for the whole group: its other active members get an in-app notification at once, in
 * the transaction that asked it; emails follow by each member's `questionNotifications` ({@link ThreadMailJob}).
 */
@ApplicationScoped
class QuestionAnnouncements {

    private final EntityManager entityManager;
    private final NotificationService notifications;

    QuestionAnnouncements(EntityManager entityManager, NotificationService notifications) {
        this.entityManager = entityManager;
        this.notifications = notifications;
    }

    void asked(@Observes EntryService.QuestionAsked question) {
        notifications.notify(groupMatesOf(question.groupId(), question.authorId()), Notification.Kind.QUESTION_ASKED,
                question.entryId(), null, question.authorId());
    }

    /** The group's other active members (from the group's `group_membership` and the member's views). */
    @SuppressWarnings("unchecked")
    private List<UUID> groupMatesOf(UUID groupId, UUID authorId) {
        return entityManager.createNativeQuery("""
                SELECT m.member_id FROM member_recipient m
                JOIN group_membership ms ON ms.member_id = m.member_id AND ms.group_id = ?1
                WHERE m.active AND m.member_id <> ?2
                ORDER BY m.member_id""", UUID.class)
                .setParameter(1, groupId).setParameter(2, authorId).getResultList();
    }
}
