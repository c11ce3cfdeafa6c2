package org.learninglog.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.learninglog.entry.EntryService;
import org.learninglog.entry.QuestionNudges;
import org.learninglog.mail.PublicLinks;
import org.learninglog.thread.ThreadService;

/**
 * Turns a group's events into deliveries, in the transaction of the change that causes them (synchronous CDI
 * observers): one `webhook_delivery` row per enabled endpoint of the group that subscribes to the event, with its
 * body written in the endpoint's format. The unique `(endpoint_id, event_key)` makes an event announced twice one
 * delivery. A group without such an endpoint costs one indexed lookup. What the event tells is read from the views
 * of the features owning it (`group_directory`, `member_name`, `entry_thread`, `reply_text`).
 */
@ApplicationScoped
class WebhookAnnouncements {

    private record Target(UUID endpointId, WebhookFormat format) {
    }

    private final EntityManager entityManager;
    private final PublicLinks links;
    private final Clock clock;

    WebhookAnnouncements(EntityManager entityManager, PublicLinks links, Clock clock) {
        this.entityManager = entityManager;
        this.links = links;
        this.clock = clock;
    }

    void asked(@Observes EntryService.QuestionAsked asked) {
        announce(WebhookEvent.QUESTION_ASKED, asked.groupId(), "question.asked:" + asked.entryId(),
                () -> facts(WebhookEvent.QUESTION_ASKED, "question.asked:" + asked.entryId(), asked.groupId(),
                        asked.entryId(), null, null, asked.authorId(), null, null, null));
    }

    void posted(@Observes EntryService.EntryPosted posted) {
        String key = "entry.posted:" + posted.entryId();
        announce(WebhookEvent.ENTRY_POSTED, posted.groupId(), key, () -> facts(WebhookEvent.ENTRY_POSTED, key,
                posted.groupId(), posted.entryId(), null, posted.week(), posted.authorId(), null, posted.tried(),
                posted.failed()));
    }

    void replied(@Observes ThreadService.ReplyPosted replied) {
        String key = "reply.posted:" + replied.replyId();
        announce(WebhookEvent.REPLY_POSTED, replied.groupId(), key, () -> facts(WebhookEvent.REPLY_POSTED, key,
                replied.groupId(), replied.entryId(), replied.replyId(), null, replied.authorId(), null, null, null));
    }

    void accepted(@Observes ThreadService.AnswerAccepted accepted) {
        String key = "answer.accepted:" + accepted.entryId() + ":" + accepted.replyId();
        announce(WebhookEvent.ANSWER_ACCEPTED, accepted.groupId(), key, () -> facts(WebhookEvent.ANSWER_ACCEPTED,
                key, accepted.groupId(), accepted.entryId(), accepted.replyId(), null, accepted.acceptedBy(),
                accepted.answeredBy(), null, null));
    }

    void unanswered(@Observes QuestionNudges.QuestionUnanswered unanswered) {
        String key = "question.unanswered:" + unanswered.entryId();
        announce(WebhookEvent.QUESTION_UNANSWERED, unanswered.groupId(), key, () -> facts(
                WebhookEvent.QUESTION_UNANSWERED, key, unanswered.groupId(), unanswered.entryId(), null, null, null,
                null, null, null));
    }

    private interface Facts {
        EventFacts get();
    }

    private void announce(WebhookEvent event, UUID groupId, String key, Facts facts) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT e.id, e.format FROM webhook_endpoint e
                WHERE e.group_id = ?1 AND e.enabled AND ?2 = ANY (e.events)""")
                .setParameter(1, groupId).setParameter(2, event.wire).getResultList();
        if (rows.isEmpty()) {
            return;
        }
        List<Target> targets = rows.stream()
                .map(r -> new Target((UUID) r[0], WebhookFormat.valueOf((String) r[1]))).toList();
        EventFacts told = facts.get();
        Instant now = clock.instant();
        for (Target target : targets) {
            entityManager.createNativeQuery("""
                    INSERT INTO webhook_delivery (id, endpoint_id, event_key, event, body, status, attempts,
                                                  next_attempt_at, created_at)
                    VALUES (?1, ?2, ?3, ?4, ?5, 'PENDING', 0, ?6, ?6)
                    ON CONFLICT (endpoint_id, event_key) DO NOTHING""")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, target.endpointId()).setParameter(3, key)
                    .setParameter(4, event.wire).setParameter(5, WebhookBodies.of(target.format(), told))
                    .setParameter(6, now).executeUpdate();
        }
    }

    /** The facts of an event; `actorId` null for an unanswered question (its asker acts). */
    private EventFacts facts(WebhookEvent event, String key, UUID groupId, UUID entryId, UUID replyId, String week,
            UUID actorId, UUID replierId, String tried, String failed) {
        @SuppressWarnings("unchecked")
        List<Object[]> heads = entityManager.createNativeQuery("""
                SELECT t.author_id, t.question, g.name FROM entry_thread t
                JOIN group_directory g ON g.group_id = t.group_id WHERE t.entry_id = ?1""")
                .setParameter(1, entryId).getResultList();
        Object[] head = heads.isEmpty() ? new Object[] { null, null, "" } : heads.get(0);
        UUID actor = actorId != null ? actorId : (UUID) head[0];
        String reply = replyId == null ? null : text("SELECT body FROM reply_text WHERE reply_id = ?1", replyId);
        String replier = replierId == null ? null : name(replierId);
        return new EventFacts(event, key, clock.instant(), groupId, (String) head[2], entryId, replyId, week,
                name(actor), (String) head[1], reply, replier, tried, failed, links.to("/entries/" + entryId
                        + (replyId == null ? "" : "#reply-" + replyId)));
    }

    private String name(UUID memberId) {
        return Optional.ofNullable(memberId == null ? null
                : text("SELECT display_name FROM member_name WHERE member_id = ?1", memberId)).orElse("Someone");
    }

    private String text(String sql, UUID id) {
        List<?> found = entityManager.createNativeQuery(sql).setParameter(1, id).getResultList();
        return found.isEmpty() ? null : (String) found.get(0);
    }
}
