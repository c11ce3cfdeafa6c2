package org.learninglog.webhook;

import java.time.Instant;
import java.util.UUID;

/**
 * What one event tells, gathered in the transaction that caused it; every endpoint's body is written from it.
 *
 * @param key      names the event, e.g. `question.asked:{entryId}`: one delivery per endpoint and key
 * @param actor    who acted (asked, replied, accepted, posted), or for an unanswered question who asked it
 * @param question the entry's question, or null
 * @param reply    the reply posted or accepted, or null
 * @param replier  who wrote the accepted answer, or null
 * @param tried    for a posted entry: what was tried (and `failed` what failed), else null
 * @param link     the thread in the service's pages
 */
record EventFacts(WebhookEvent event, String key, Instant at, UUID groupId, String groupName, UUID entryId,
        UUID replyId, String week, String actor, String question, String reply, String replier, String tried,
        String failed, String link) {
}
