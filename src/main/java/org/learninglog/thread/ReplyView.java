package org.learninglog.thread;

import java.time.Instant;
import java.util.UUID;

/** One reply as it is shown: its author's name, and whether it is the thread's accepted answer. The version is its ETag. */
public record ReplyView(UUID id, UUID entryId, UUID authorId, String authorName, String body, boolean accepted,
        Instant createdAt, Instant editedAt, int version) {
}
