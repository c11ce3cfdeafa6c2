package org.learninglog.entry;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.learninglog.api.Rows;

/** A member's entries with their history, for their export; their removal, for an erasure that deletes content. */
@ApplicationScoped
public class EntryPersonalData {

    /** One revision of an entry as exported. */
    public record RevisionRecord(int version, String change, String tried, String failed, String question,
            List<String> tags, Instant editedAt) {
    }

    /** One entry as exported, removed ones too (their words are gone already). */
    public record EntryRecord(UUID id, UUID groupId, String week, String tried, String failed, String question,
            List<String> tags, String outcome, String outcomeNote, Instant createdAt, Instant updatedAt,
            Instant deletedAt, List<RevisionRecord> history) {
    }

    /** One entry of a group's log, with its author's id (the group export names them). */
    public record LogEntry(UUID id, UUID authorId, String week, String tried, String failed, String question,
            List<String> tags, UUID acceptedReplyId, Instant createdAt) {
    }

    private final EntityManager entityManager;
    private final Clock clock;

    EntryPersonalData(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    public List<EntryRecord> entriesOf(UUID memberId) {
        @SuppressWarnings("unchecked")
        List<Object[]> revisions = entityManager.createNativeQuery("SELECT r.entry_id, r.version, r.change, r.tried,"
                + " r.failed, r.question, r.tags, r.edited_at FROM entry_revision r JOIN entry e ON e.id = r.entry_id"
                + " WHERE e.member_id = ?1 ORDER BY r.entry_id, r.version").setParameter(1, memberId)
                .getResultList();
        Map<UUID, List<RevisionRecord>> history = revisions.stream().collect(Collectors.groupingBy(
                r -> (UUID) r[0], Collectors.mapping(r -> new RevisionRecord(((Number) r[1]).intValue(),
                        (String) r[2], (String) r[3], (String) r[4], (String) r[5], Rows.strings(r[6]),
                        Rows.instant(r[7])), Collectors.toList())));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT id, group_id, week, tried, failed, question,"
                + " tags, outcome, outcome_note, created_at, updated_at, deleted_at FROM entry WHERE member_id = ?1"
                + " ORDER BY week, created_at, id").setParameter(1, memberId).getResultList();
        return rows.stream().map(r -> new EntryRecord((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], Rows.strings(r[6]), (String) r[7], (String) r[8], Rows.instant(r[9]),
                Rows.instant(r[10]), Rows.instant(r[11]), history.getOrDefault((UUID) r[0], List.of()))).toList();
    }

    /** A group's live entries, by week and posting time, for the group's own archive. */
    public List<LogEntry> logOf(UUID groupId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT id, member_id, week, tried, failed, question,"
                + " tags, accepted_reply_id, created_at FROM entry WHERE group_id = ?1 AND deleted_at IS NULL"
                + " ORDER BY week, created_at, id").setParameter(1, groupId).getResultList();
        return rows.stream().map(r -> new LogEntry((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], Rows.strings(r[6]), (UUID) r[7], Rows.instant(r[8]))).toList();
    }

    /**
     * An erasure that deletes the member's content: each of their entries goes as its author deletes it (gone when
     * nobody replied; else its words and those of its history forgotten and the thread kept for the repliers).
     */
    public void deleteEntriesOf(UUID memberId) {
        Instant now = clock.instant();
        List<Entry> entries = entityManager.createQuery("from Entry e where e.memberId = :member order by e.id",
                Entry.class).setParameter("member", memberId).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        for (Entry entry : entries) {
            if (entry.replyCount == 0) {
                entry.delete();
                continue;
            }
            EntryRevision.forgetContentOf(entry.id);
            if (entry.deletedAt != null) {
                continue;
            }
            entry.tried = null;
            entry.failed = null;
            entry.question = null;
            entry.tags = new String[0];
            entry.outcomeNote = null;
            entry.deletedAt = now;
            entry.updatedAt = now;
            entry.version++;
            EntryRevision.record(entry, EntryRevision.Change.DELETED, now);
        }
        entityManager.flush();
    }

    /** The entry, locked, for work on its thread no person asks for (an erasure); empty when it is gone. */
    public Optional<EntryHead> lockedForErasure(UUID entryId) {
        return Entry.head(entryId, true);
    }
}
