package org.learninglog.search;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.learninglog.notification.Notification;
import org.learninglog.notification.NotificationService;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Tells the asker of a question still without an accepted answer, once, who might know: up to three members with
 * accepted answers on its tags or words, whom the asker may see (in their groups, or sharing their expertise). An
 * in-app notification to the asker only; the people suggested are not shown the question. Safe on every instance at
 * once: a question is claimed by inserting its row in `search_expert_suggestion`, which only one transaction can.
 */
@ApplicationScoped
public class ExpertSuggestions {

    private static final int BATCH = 200;

    private final Experts experts;
    private final NotificationService notifications;
    private final EntityManager em;
    private final ExpertsConfig config;
    private final Clock clock;

    ExpertSuggestions(Experts experts, NotificationService notifications, EntityManager em, ExpertsConfig config,
            Clock clock) {
        this.experts = experts;
        this.notifications = notifications;
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "expert-suggestions", every = "${learninglog.experts.suggest-every:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        suggestDue();
    }

    /** Suggests experts for every question due at the clock's instant; returns how many people were suggested. */
    public int suggestDue() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            @SuppressWarnings("unchecked")
            List<Object[]> due = em.createNativeQuery("WITH claimed AS ("
                    + " INSERT INTO search_expert_suggestion (entry_id, suggested_at)"
                    + " SELECT d.entry_id, :now FROM search_document d"
                    + " WHERE d.kind = 'ENTRY' AND d.has_question AND NOT d.answered"
                    + " AND d.created_at <= :due AND d.created_at > :oldest"
                    + " AND NOT EXISTS (SELECT 1 FROM search_expert_suggestion s WHERE s.entry_id = d.entry_id)"
                    + " ORDER BY d.created_at LIMIT " + BATCH
                    + " ON CONFLICT (entry_id) DO NOTHING RETURNING entry_id)"
                    + " SELECT q.id, q.author_id, concat_ws(' ', q.question, array_to_string(q.tags, ' '))"
                    + " FROM claimed c JOIN search_document q ON q.id = c.entry_id")
                    .setParameter("now", now).setParameter("due", now.minus(config.suggestAfter()))
                    .setParameter("oldest", now.minus(config.suggestAtMostAfter())).getResultList();
            int suggested = 0;
            for (Object[] question : due) {
                UUID entryId = (UUID) question[0];
                UUID askerId = (UUID) question[1];
                String words = (String) question[2];
                if (words == null || words.codePoints().noneMatch(Character::isLetterOrDigit)) {
                    continue;
                }
                for (Experts.Expert expert : experts.forQuestion(askerId, entryId, words, config.suggestAtMost())) {
                    notifications.notifyInApp(askerId, Notification.Kind.EXPERT_SUGGESTED, entryId,
                            expert.memberId());
                    suggested++;
                }
            }
            return suggested;
        });
    }
}
