package org.learninglog.entry;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.learninglog.api.Problems;
import org.learninglog.group.GroupAccess;
import org.learninglog.identity.Actor;

/**
 * Who may see and change an entry and its thread, the one rule for the entry and thread features: the members of its
 * group see it (404 for anyone else, so ids leak nothing); changing it or its thread also needs the group open.
 *
 * <p>
 * Lock order, for every change to an entry or its thread: the writer's membership and the group (shared, see
 * {@link GroupAccess#contentWriteAccess}), then the entry's row, then a reply's row. The entry's row lock orders
 * every change to the entry and its thread, so what the entry summarises of its thread is counted under it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class EntryAccess {

    private static final String ENTRY = "Entry";

    private final GroupAccess groups;

    EntryAccess(GroupAccess groups) {
        this.groups = groups;
    }

    /** The entry, removed or not, for a member of its group; 404 for anyone else and for no entry. */
    public EntryHead readable(Actor actor, UUID entryId) {
        return groups.content(actor, Entry.head(entryId, false), EntryHead::groupId, ENTRY);
    }

    /**
     * As {@link #readable(Actor, UUID)}, for content of the entry's thread found by its own id (a reply): whoever may
     * not see it gets the 404 of `what`, the same as for content that does not exist.
     */
    public EntryHead readable(Actor actor, UUID entryId, String what) {
        return groups.content(actor, Entry.head(entryId, false), EntryHead::groupId, what);
    }

    /**
     * The entry, for changing it or its thread: as {@link #readable}, then 422 while its group is archived; holds the
     * locks in the order above until the transaction ends.
     */
    public EntryHead writable(Actor actor, UUID entryId) {
        return writable(actor, entryId, ENTRY);
    }

    /**
     * As {@link #writable(Actor, UUID)}, for content of the entry's thread found by its own id (a reply): whoever may
     * not see it gets the 404 of `what`, the same as for content that does not exist.
     */
    public EntryHead writable(Actor actor, UUID entryId, String what) {
        lockGroupFor(actor, entryId, what);
        return Entry.head(entryId, true).orElseThrow(() -> Problems.notFound(what));
    }

    /**
     * The entry itself, locked for changing it (as {@link #writable}). Its first load in the transaction: an Entry
     * read before and only locked now would keep the older state it was read with.
     */
    Entry lockedEntry(Actor actor, UUID entryId) {
        lockGroupFor(actor, entryId, ENTRY);
        return Entry.<Entry>findByIdOptional(entryId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(EntryAccess::notFound);
    }

    /**
     * The group of an entry, for work no person asks for through the API (a reply by email) that must tell "not in
     * the group" from "no such entry" before it acts as the member.
     */
    public Optional<UUID> groupOf(UUID entryId) {
        return Entry.groupOf(entryId);
    }

    /** The entry as it is shown, for work that already holds its access (an event raised under its lock). */
    public EntryView viewOf(UUID entryId) {
        return Entry.view(entryId).orElseThrow(EntryAccess::notFound);
    }

    private void lockGroupFor(Actor actor, UUID entryId, String what) {
        groups.contentWriteAccess(actor, Entry.groupOf(entryId).orElseThrow(() -> Problems.notFound(what)), what);
    }

    private static RuntimeException notFound() {
        return Problems.notFound(ENTRY);
    }
}
