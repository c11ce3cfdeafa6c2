package org.learninglog.entry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

/**
 * Whether a question's group has been nudged about it because nobody answered (`entry.nudged_at`); the thread
 * emails send the nudge and ask this to record it. They find such questions through the view `entry_question`.
 */
@ApplicationScoped
public class QuestionNudges {

    /** A question nobody replied to, now nudged about: fired once per question in the marking transaction. */
    public record QuestionUnanswered(UUID entryId, UUID groupId) {
    }

    private final Event<QuestionUnanswered> unanswered;

    QuestionNudges(Event<QuestionUnanswered> unanswered) {
        this.unanswered = unanswered;
    }

    /**
     * Records the nudge for every question asked in (askedAfter, askedBefore] that has no reply and was not
     * nudged about yet, in the caller's transaction.
     *
     * @return how many questions were marked
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int markNudged(Instant askedAfter, Instant askedBefore, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> marked = Entry.getEntityManager().createNativeQuery("""
                UPDATE entry SET nudged_at = CAST(:now AS timestamptz)
                WHERE question IS NOT NULL AND deleted_at IS NULL AND reply_count = 0 AND nudged_at IS NULL
                  AND created_at <= CAST(:askedBefore AS timestamptz)
                  AND created_at > CAST(:askedAfter AS timestamptz)
                RETURNING id, group_id""")
                .setParameter("now", now.toString())
                .setParameter("askedBefore", askedBefore.toString())
                .setParameter("askedAfter", askedAfter.toString())
                .getResultList();
        marked.forEach(row -> unanswered.fire(new QuestionUnanswered((UUID) row[0], (UUID) row[1])));
        return marked.size();
    }
}
