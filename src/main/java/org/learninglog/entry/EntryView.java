package org.learninglog.entry;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** One entry as it is shown: its content, its author's name and its thread's summary. The version is its ETag. */
public record EntryView(UUID id, UUID groupId, String week, UUID authorId, String authorName, String tried,
        String failed, String question, List<String> tags, boolean late, int replyCount, UUID acceptedReplyId,
        Instant firstReplyAt, boolean removed, Instant createdAt, Instant updatedAt, int version,
        Entry.Outcome outcome, String outcomeNote, UUID outcomeOf) {

    /**
     * The columns of a view, in the order {@link #of(Object[])} reads them, for a query over `Entry e` and its author
     * `Member m`. Views are selected column by column, never as entities: a query answers with the database's current
     * row, whatever the persistence context holds.
     */
    static final String COLUMNS = "e.id, e.groupId, e.week, e.memberId, m.displayName, e.tried, e.failed,"
            + " e.question, e.tags, e.late, e.replyCount, e.acceptedReplyId, e.firstReplyAt, e.deletedAt, e.createdAt,"
            + " e.updatedAt, e.version, e.outcome, e.outcomeNote, e.outcomeOf";

    public String questionStatus() {
        if (question == null || removed) {
            return "NONE";
        }
        return acceptedReplyId != null ? "ANSWERED" : "OPEN";
    }

    static EntryView of(Object[] row) {
        return view((UUID) row[0], (UUID) row[1], (String) row[2], (UUID) row[3], (String) row[4], (String) row[5],
                (String) row[6], (String) row[7], (String[]) row[8], (Boolean) row[9], ((Number) row[10]).intValue(),
                (UUID) row[11], (Instant) row[12], (Instant) row[13], (Instant) row[14], (Instant) row[15],
                ((Number) row[16]).intValue(), (Entry.Outcome) row[17], (String) row[18], (UUID) row[19]);
    }

    /** The view of an entry this transaction holds locked and has just written. */
    static EntryView of(Entry entry, String authorName) {
        return view(entry.id, entry.groupId, entry.week, entry.memberId, authorName, entry.tried, entry.failed,
                entry.question, entry.tags, entry.late, entry.replyCount, entry.acceptedReplyId, entry.firstReplyAt,
                entry.deletedAt, entry.createdAt, entry.updatedAt, entry.version, entry.outcome, entry.outcomeNote,
                entry.outcomeOf);
    }

    private static EntryView view(UUID id, UUID groupId, String week, UUID authorId, String authorName, String tried,
            String failed, String question, String[] tags, boolean late, int replyCount, UUID acceptedReplyId,
            Instant firstReplyAt, Instant deletedAt, Instant createdAt, Instant updatedAt, int version,
            Entry.Outcome outcome, String outcomeNote, UUID outcomeOf) {
        boolean removed = deletedAt != null;
        return new EntryView(id, groupId, week, authorId, authorName, tried, failed, question,
                tags == null ? List.of() : List.copyOf(Arrays.asList(tags)), late, replyCount,
                removed ? null : acceptedReplyId, firstReplyAt, removed, createdAt, updatedAt, version,
                removed ? null : outcome, removed ? null : outcomeNote, removed ? null : outcomeOf);
    }
}
