package org.learninglog.entry;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;
import org.learninglog.api.Problems;

/**
 * What an entry summarises of its thread, which the thread feature keeps: the number of replies, the first one and
 * the accepted answer. Each is written by one statement on the entry's row while the caller holds its lock
 * ({@link EntryAccess#writable}), from what the thread feature counted under that lock: the summary is recomputed,
 * never incremented, so it equals the thread after every change.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class EntryThreads {

    /** Records the thread's live replies, counted under the entry's lock. */
    public void repliesCounted(EntryHead entry, long replies, Instant firstReplyAt) {
        requireLocked(entry);
        Entry.getEntityManager()
                .createNativeQuery("UPDATE entry SET reply_count = ?1, first_reply_at = ?2 WHERE id = ?3")
                .unwrap(NativeQuery.class)
                .setParameter(1, Math.toIntExact(replies)).setParameter(2, firstReplyAt, Instant.class)
                .setParameter(3, entry.id())
                .executeUpdate();
    }

    /** Records the accepted answer, a reply of this entry's thread; null reopens the question. */
    public void accept(EntryHead entry, UUID replyId) {
        requireLocked(entry);
        Entry.getEntityManager().createNativeQuery("UPDATE entry SET accepted_reply_id = ?1 WHERE id = ?2")
                .unwrap(NativeQuery.class)
                .setParameter(1, replyId, UUID.class).setParameter(2, entry.id()).executeUpdate();
    }

    /** The entry as the database holds it now, for answering a change of its thread. */
    public EntryView view(EntryHead entry) {
        return Entry.view(entry.id()).orElseThrow(() -> Problems.notFound("Entry"));
    }

    private static void requireLocked(EntryHead entry) {
        if (!entry.locked()) {
            throw new IllegalStateException("The thread of entry " + entry.id() + " changed without its row lock");
        }
    }
}
