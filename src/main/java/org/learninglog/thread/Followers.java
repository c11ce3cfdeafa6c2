package org.learninglog.thread;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Who hears about a thread: its author and everyone who replied follow it unless they unfollowed;
 * others follow on request. Only active members still in the group are told anything (from the group's
 * view `group_membership` and the member's `member_recipient`).
 */
@ApplicationScoped
class Followers {

    private final EntityManager entityManager;

    Followers(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Follows automatically, unless the member unfollowed this thread before. */
    void followUnlessUnfollowed(UUID entryId, UUID memberId, Instant now) {
        entityManager
                .createNativeQuery(
                        "INSERT INTO follow (entry_id, member_id, following, since) VALUES (?1, ?2, true, ?3)"
                                + " ON CONFLICT (entry_id, member_id) DO NOTHING")
                .setParameter(1, entryId).setParameter(2, memberId).setParameter(3, now).executeUpdate();
    }

    /** Follows or unfollows on the member's explicit request. */
    void set(UUID entryId, UUID memberId, boolean following, Instant now) {
        entityManager
                .createNativeQuery("INSERT INTO follow (entry_id, member_id, following, since) VALUES (?1, ?2, ?3, ?4)"
                        + " ON CONFLICT (entry_id, member_id) DO UPDATE SET following = EXCLUDED.following, since = EXCLUDED.since")
                .setParameter(1, entryId).setParameter(2, memberId).setParameter(3, following).setParameter(4, now)
                .executeUpdate();
    }

    /** The followers to tell about something the given member did; never that member themselves. */
    @SuppressWarnings("unchecked")
    List<UUID> toNotify(UUID entryId, UUID authorId, UUID groupId, UUID actorId) {
        return entityManager.createNativeQuery("""
                SELECT m.member_id FROM member_recipient m
                JOIN group_membership ms ON ms.member_id = m.member_id AND ms.group_id = ?3
                LEFT JOIN follow f ON f.entry_id = ?1 AND f.member_id = m.member_id
                WHERE m.active AND m.member_id <> ?4
                  AND (f.following OR (f.following IS NULL AND m.member_id = ?2))
                ORDER BY m.member_id""", UUID.class)
                .setParameter(1, entryId).setParameter(2, authorId).setParameter(3, groupId).setParameter(4, actorId)
                .getResultList();
    }
}
