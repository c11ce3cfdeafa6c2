package org.learninglog.thread;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.learninglog.entry.Entry;

/** Emails about thread activity, by each follower's preference. */
@ApplicationScoped
class ThreadMail {

    void replyPosted(Entry entry, Reply reply, List<UUID> recipients) {
        // Filled in with the outbox: IMMEDIATE (coalesced), DAILY_DIGEST, OFF.
    }
}
