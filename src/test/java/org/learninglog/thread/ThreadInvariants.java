package org.learninglog.thread;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * What the denormalised columns of an entry must always equal, read straight from the tables: its reply count and
 * first reply, its accepted answer, and its version against its history.
 */
@ApplicationScoped
@Transactional
public class ThreadInvariants {

    private final EntityManager entityManager;

    ThreadInvariants(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Every broken invariant of the group's entries, one line each; empty when all hold. */
    public List<String> violations(UUID groupId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT e.id, e.reply_count, (SELECT count(*) FROM reply r WHERE r.entry_id = e.id),
                       e.first_reply_at, (SELECT min(r.created_at) FROM reply r WHERE r.entry_id = e.id),
                       e.accepted_reply_id,
                       EXISTS (SELECT 1 FROM reply r WHERE r.id = e.accepted_reply_id AND r.entry_id = e.id),
                       e.version, (SELECT max(v.version) FROM entry_revision v WHERE v.entry_id = e.id)
                FROM entry e WHERE e.group_id = ?1""").setParameter(1, groupId).getResultList();
        List<String> violations = new ArrayList<>();
        for (Object[] row : rows) {
            Object entry = row[0];
            long stored = ((Number) row[1]).longValue();
            long real = ((Number) row[2]).longValue();
            if (stored != real) {
                violations.add(entry + ": reply_count " + stored + ", replies " + real);
            }
            if (!Objects.equals(instant(row[3]), instant(row[4]))) {
                violations.add(entry + ": first_reply_at " + row[3] + ", first reply " + row[4]);
            }
            if (row[5] != null && !Boolean.TRUE.equals(row[6])) {
                violations.add(entry + ": accepted_reply_id " + row[5] + " is no reply of the entry");
            }
            int version = ((Number) row[7]).intValue();
            Integer lastRevision = row[8] == null ? null : ((Number) row[8]).intValue();
            if (lastRevision == null || version != lastRevision) {
                violations.add(entry + ": version " + version + ", last revision " + lastRevision);
            }
        }
        return violations;
    }

    /** What every content write to the entry or its thread changes: versions, counts, the answer, the history. */
    public String stateOf(UUID entryId) {
        return String.valueOf(entityManager.createNativeQuery("""
                SELECT concat_ws(' ', 'version', e.version, 'replies', e.reply_count, 'accepted', e.accepted_reply_id,
                       'removed', e.deleted_at IS NOT NULL,
                       'reply versions', (SELECT sum(r.version) FROM reply r WHERE r.entry_id = e.id),
                       'live replies', (SELECT count(*) FROM reply r WHERE r.entry_id = e.id),
                       'revisions', (SELECT count(*) FROM entry_revision v WHERE v.entry_id = e.id))
                FROM entry e WHERE e.id = ?1""").setParameter(1, entryId).getResultList());
    }

    /** How many entries and replies of the member the group holds. */
    public long contentOf(UUID memberId, UUID groupId) {
        return ((Number) entityManager.createNativeQuery("""
                SELECT (SELECT count(*) FROM entry e WHERE e.group_id = ?1 AND e.member_id = ?2)
                     + (SELECT count(*) FROM reply r JOIN entry e ON e.id = r.entry_id
                        WHERE e.group_id = ?1 AND r.member_id = ?2)""")
                .setParameter(1, groupId).setParameter(2, memberId).getSingleResult()).longValue();
    }

    /** How many times the member was told that an answer of theirs to the entry was accepted. */
    public long acceptedNotices(UUID memberId, UUID entryId) {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM notification"
                + " WHERE member_id = ?1 AND entry_id = ?2 AND kind = 'ANSWER_ACCEPTED'")
                .setParameter(1, memberId).setParameter(2, entryId).getSingleResult()).longValue();
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof Timestamp time) {
            return time.toInstant();
        }
        return (Instant) value;
    }
}
