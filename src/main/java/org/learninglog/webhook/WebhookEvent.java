package org.learninglog.webhook;

import java.util.Arrays;
import java.util.Optional;

/** What happened in a group that webhooks tell of, by its wire name (`question.asked`). */
enum WebhookEvent {
    QUESTION_ASKED("question.asked"), REPLY_POSTED("reply.posted"), ANSWER_ACCEPTED("answer.accepted"),
    QUESTION_UNANSWERED("question.unanswered"), ENTRY_POSTED("entry.posted");

    final String wire;

    WebhookEvent(String wire) {
        this.wire = wire;
    }

    static Optional<WebhookEvent> ofWire(String wire) {
        return Arrays.stream(values()).filter(e -> e.wire.equals(wire)).findFirst();
    }
}
