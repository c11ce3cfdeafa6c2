package org.learninglog.entry;

import java.util.UUID;

/**
 * An entry as the head of its thread: what the thread feature needs to know of it to read or change the thread.
 *
 * @param locked whether this transaction holds the entry's row lock ({@link EntryAccess#writable}), under which alone
 *               the thread may change what the entry summarises of it
 */
public record EntryHead(UUID id, UUID groupId, UUID authorId, boolean asksQuestion, boolean removed,
        UUID acceptedReplyId, boolean locked) {
}
