package org.learninglog.thread;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.learninglog.api.Rows;
import org.learninglog.entry.EntryHead;
import org.learninglog.entry.EntryPersonalData;
import org.learninglog.entry.EntryThreads;

/** A member's replies and follows, for their export and their erasure; a group's replies, for its archive. */
@ApplicationScoped
public class ThreadPersonalData {

    public record ReplyRecord(UUID id, UUID entryId, String body, Instant createdAt, Instant editedAt) {
    }

    public record FollowRecord(UUID entryId, boolean following, Instant since) {
    }

    /** A reply of a group's log, with its author's id. */
    public record LogReply(UUID id, UUID entryId, UUID authorId, String body, Instant createdAt) {
    }

    private final EntityManager entityManager;
    private final EntryPersonalData entries;
    private final EntryThreads threads;

    ThreadPersonalData(EntityManager entityManager, EntryPersonalData entries, EntryThreads threads) {
        this.entityManager = entityManager;
        this.entries = entries;
        this.threads = threads;
    }

    public List<ReplyRecord> repliesOf(UUID memberId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT id, entry_id, body, created_at, edited_at"
                + " FROM reply WHERE member_id = ?1 ORDER BY created_at, id").setParameter(1, memberId)
                .getResultList();
        return rows.stream().map(r -> new ReplyRecord((UUID) r[0], (UUID) r[1], (String) r[2], Rows.instant(r[3]),
                Rows.instant(r[4]))).toList();
    }

    public List<FollowRecord> followsOf(UUID memberId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT entry_id, following, since FROM follow"
                + " WHERE member_id = ?1 ORDER BY since, entry_id").setParameter(1, memberId).getResultList();
        return rows.stream().map(r -> new FollowRecord((UUID) r[0], (Boolean) r[1], Rows.instant(r[2]))).toList();
    }

    /** The replies in a group's threads, oldest first. */
    public List<LogReply> logOf(UUID groupId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT r.id, r.entry_id, r.member_id, r.body,"
                + " r.created_at FROM reply r JOIN entry_thread t ON t.entry_id = r.entry_id WHERE t.group_id = ?1"
                + " ORDER BY r.created_at, r.id").setParameter(1, groupId).getResultList();
        return rows.stream().map(r -> new LogReply((UUID) r[0], (UUID) r[1], (UUID) r[2], (String) r[3],
                Rows.instant(r[4]))).toList();
    }

    /** An erased member follows nothing. */
    public void forgetFollows(UUID memberId) {
        entityManager.createNativeQuery("DELETE FROM follow WHERE member_id = ?1").setParameter(1, memberId)
                .executeUpdate();
    }

    /**
     * An erasure that deletes the member's content: their replies go, thread by thread under the entry's lock (as
     * an author's deletion), an accepted one un-accepted, and each thread's summary counted afresh.
     */
    public void deleteRepliesOf(UUID memberId) {
        @SuppressWarnings("unchecked")
        List<UUID> entryIds = entityManager.createNativeQuery("SELECT DISTINCT entry_id FROM reply"
                + " WHERE member_id = ?1 ORDER BY entry_id").setParameter(1, memberId).getResultList();
        for (UUID entryId : entryIds) {
            EntryHead entry = entries.lockedForErasure(entryId).orElse(null);
            if (entry == null) {
                continue;
            }
            if (entry.acceptedReplyId() != null && Reply.count("id = ?1 and memberId = ?2", entry.acceptedReplyId(),
                    memberId) > 0) {
                threads.accept(entry, null);
            }
            Reply.delete("entryId = ?1 and memberId = ?2", entryId, memberId);
            entityManager.flush();
            Object[] counted = Reply.countOf(entryId);
            threads.repliesCounted(entry, ((Number) counted[0]).longValue(), (Instant) counted[1]);
        }
    }
}
