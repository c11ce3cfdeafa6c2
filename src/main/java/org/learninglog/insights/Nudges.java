package org.learninglog.insights;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.learninglog.api.Problems;
import org.learninglog.group.GroupAccess;
import org.learninglog.identity.Actor;
import org.learninglog.mail.OutboundMail;
import org.learninglog.mail.Outbox;
import org.learninglog.time.Week;

/** A facilitator's one nudge a week to a member of their group who has not posted yet. */
@ApplicationScoped
class Nudges {

    /** The nudge as stored. */
    record Nudge(UUID groupId, UUID memberId, Week week, UUID nudgedBy, Instant createdAt) {
    }

    // The member as the nudge needs them: in the group, active, with their zone and away date; the group's name;
    // the facilitator's name.
    private static final String TARGET = """
            SELECT r.display_name, r.time_zone, r.away_until, c.name, f.display_name
            FROM group_member_since ms
            JOIN member_recipient r ON r.member_id = ms.member_id AND r.active
            JOIN group_cadence c ON c.group_id = ms.group_id
            JOIN member_name f ON f.member_id = ?3
            WHERE ms.group_id = ?1 AND ms.member_id = ?2
            """;

    private final EntityManager entityManager;
    private final GroupAccess groups;
    private final Outbox outbox;
    private final Clock clock;

    Nudges(EntityManager entityManager, GroupAccess groups, Outbox outbox, Clock clock) {
        this.entityManager = entityManager;
        this.groups = groups;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Nudges the member for their current week; 409 when they were nudged for it already, posted or are away. The
     * nudge's key decides between racing requests; the email is enqueued with the nudge, under the same key.
     */
    @Transactional
    Nudge nudge(Actor actor, UUID groupId, UUID memberId) {
        groups.facilitatorAccess(actor, groupId);
        List<?> found = entityManager.createNativeQuery(TARGET)
                .setParameter(1, groupId).setParameter(2, memberId).setParameter(3, actor.id()).getResultList();
        if (found.isEmpty()) {
            throw Problems.notFound("Member");
        }
        Object[] target = (Object[]) found.get(0);
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of((String) target[1])));
        Week week = Week.of(today);
        LocalDate awayUntil = target[2] instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) target[2];
        if (awayUntil != null && awayUntil.isAfter(today)) {
            throw Problems.conflict("The member is away until " + awayUntil);
        }
        boolean posted = !entityManager.createNativeQuery(
                "SELECT 1 FROM entry_posted p WHERE p.group_id = ?1 AND p.member_id = ?2 AND p.week = ?3")
                .setParameter(1, groupId).setParameter(2, memberId).setParameter(3, week.toString())
                .getResultList().isEmpty();
        if (posted) {
            throw Problems.conflict("The member has posted for " + week + " already");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int inserted = entityManager.createNativeQuery("INSERT INTO member_nudge"
                + " (group_id, member_id, week, nudged_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5)"
                + " ON CONFLICT DO NOTHING")
                .setParameter(1, groupId).setParameter(2, memberId).setParameter(3, week.toString())
                .setParameter(4, actor.id()).setParameter(5, now).executeUpdate();
        if (inserted == 0) {
            throw Problems.conflict("The member was nudged for " + week + " already");
        }
        outbox.enqueue(new OutboundMail<>(MemberNudge.NUDGE, memberId,
                "nudge:" + groupId + ":" + memberId + ":" + week,
                new MemberNudge((String) target[0], groupId, (String) target[3], week.toString(),
                        (String) target[4])));
        return new Nudge(groupId, memberId, week, actor.id(), now);
    }
}
