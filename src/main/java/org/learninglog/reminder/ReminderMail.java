package org.learninglog.reminder;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.learninglog.mail.MailKind;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The data of a log-day reminder and of its follow-up: the only definition of what these emails show, stored
 * in the outbox when the reminder job enqueues them.
 *
 * @param week                 the member's current ISO week, e.g. `2026-W11`
 * @param lastQuestion         the member's question in the group last week, or null
 * @param lastQuestionAnswered whether that question has an accepted answer
 * @param lastReplies          replies to that question, the accepted answer first
 */
public record ReminderMail(String displayName, UUID groupId, String groupName, String week, String lastQuestion,
        boolean lastQuestionAnswered, List<LastReply> lastReplies) {

    /** A reminder without a look back at replies. */
    public ReminderMail(String displayName, UUID groupId, String groupName, String week, String lastQuestion,
            boolean lastQuestionAnswered) {
        this(displayName, groupId, groupName, week, lastQuestion, lastQuestionAnswered, List.of());
    }

    /**
     * Reads what this version and the previous one stored: rows enqueued before the look back at replies have no
     * `lastReplies` (read as none); every other component is required, as for every email.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static ReminderMail read(JsonNode json) {
        List<LastReply> replies = new ArrayList<>();
        JsonNode stored = json.get("lastReplies");
        if (stored != null && !stored.isNull()) {
            stored.forEach(reply -> replies.add(new LastReply(required(reply, "authorName").asText(),
                    required(reply, "body").asText(), required(reply, "accepted").asBoolean())));
        }
        JsonNode lastQuestion = required(json, "lastQuestion");
        return new ReminderMail(required(json, "displayName").asText(),
                UUID.fromString(required(json, "groupId").asText()), required(json, "groupName").asText(),
                required(json, "week").asText(), lastQuestion.isNull() ? null : lastQuestion.asText(),
                required(json, "lastQuestionAnswered").asBoolean(), List.copyOf(replies));
    }

    private static JsonNode required(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null) {
            throw new IllegalArgumentException("The reminder's data has no " + field);
        }
        return value;
    }

    /**
     * A reply to last week's question, the accepted answer first (at most three are shown, cut to 600 characters).
     */
    public record LastReply(String authorName, String body, boolean accepted) {
    }

    /** On the group's log day, at its reminder time. */
    public static final MailKind<ReminderMail> REMINDER = MailKind.of("REMINDER", ReminderMail.class);

    /** On the group's follow-up day, to those who still have not posted. */
    public static final MailKind<ReminderMail> FOLLOW_UP = MailKind.of("FOLLOW_UP", ReminderMail.class);
}
