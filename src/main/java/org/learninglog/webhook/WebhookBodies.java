package org.learninglog.webhook;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The body of a delivery in an endpoint's format: `STANDARD` is the Standard Webhooks event `{type, timestamp,
 * data}` with every word; `SLACK` and `TEAMS` are messages people read in the channel (Slack's `text` and
 * `blocks`, a Teams Adaptive Card), each text shortened to {@link #CHAT_TEXT} characters with a link to the thread.
 */
final class WebhookBodies {

    /** Code points of one text (a question, a reply) in a chat message, before the ellipsis. */
    static final int CHAT_TEXT = 700;

    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookBodies() {
    }

    static String of(WebhookFormat format, EventFacts facts) {
        Object body = switch (format) {
            case STANDARD -> standard(facts);
            case SLACK -> slack(facts);
            case TEAMS -> teams(facts);
        };
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A webhook body cannot be written", e);
        }
    }

    private static Map<String, Object> standard(EventFacts f) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("groupId", f.groupId().toString());
        data.put("groupName", f.groupName());
        data.put("entryId", f.entryId().toString());
        if (f.replyId() != null) {
            data.put("replyId", f.replyId().toString());
        }
        if (f.week() != null) {
            data.put("week", f.week());
        }
        data.put(f.event() == WebhookEvent.QUESTION_UNANSWERED ? "askedBy" : "by", f.actor());
        if (f.tried() != null) {
            data.put("tried", f.tried());
            data.put("failed", f.failed());
        }
        if (f.question() != null) {
            data.put("question", f.question());
        }
        if (f.reply() != null) {
            data.put(f.event() == WebhookEvent.ANSWER_ACCEPTED ? "answer" : "reply", f.reply());
        }
        if (f.replier() != null) {
            data.put("answeredBy", f.replier());
        }
        data.put("link", f.link());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", f.event().wire);
        event.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(f.at()));
        event.put("data", data);
        return event;
    }

    /** The message's headline, e.g. "Ana García asked in Regional managers". */
    static String headline(EventFacts f) {
        return switch (f.event()) {
            case QUESTION_ASKED -> f.actor() + " asked a question in " + f.groupName();
            case REPLY_POSTED -> f.actor() + " replied in " + f.groupName();
            case ANSWER_ACCEPTED -> f.actor() + " accepted " + f.replier() + "'s answer in " + f.groupName();
            case QUESTION_UNANSWERED -> f.actor() + "'s question in " + f.groupName() + " has no reply yet";
            case ENTRY_POSTED -> f.actor() + " posted " + (f.week() == null ? "an entry" : f.week() + "'s entry")
                    + " in " + f.groupName();
        };
    }

    /** The labelled texts of the message, in order: e.g. Question, Reply. */
    private static List<String[]> parts(EventFacts f) {
        List<String[]> parts = new ArrayList<>();
        if (f.tried() != null) {
            parts.add(new String[] { "Tried", f.tried() });
            parts.add(new String[] { "Failed", f.failed() });
        }
        if (f.question() != null) {
            parts.add(new String[] { "Question", f.question() });
        }
        if (f.reply() != null) {
            parts.add(new String[] { f.event() == WebhookEvent.ANSWER_ACCEPTED ? "Answer" : "Reply", f.reply() });
        }
        return parts;
    }

    private static Map<String, Object> slack(EventFacts f) {
        List<Object> blocks = new ArrayList<>();
        blocks.add(Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", "*" + slackEscape(headline(f))
                + "*")));
        for (String[] part : parts(f)) {
            blocks.add(Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text",
                    "*" + part[0] + ":* " + slackEscape(shorten(part[1])))));
        }
        blocks.add(Map.of("type", "context", "elements", List.of(Map.of("type", "mrkdwn", "text",
                "<" + f.link() + "|Open the thread in Learning Log>"))));
        Map<String, Object> message = new LinkedHashMap<>();
        // The notification text (and what clients without blocks show).
        message.put("text", slackEscape(headline(f)));
        message.put("blocks", blocks);
        return message;
    }

    private static Map<String, Object> teams(EventFacts f) {
        List<Object> body = new ArrayList<>();
        body.add(Map.of("type", "TextBlock", "text", headline(f), "weight", "Bolder", "size", "Medium", "wrap",
                true));
        for (String[] part : parts(f)) {
            body.add(Map.of("type", "TextBlock", "text", part[0], "weight", "Bolder", "spacing", "Medium", "wrap",
                    true));
            body.add(Map.of("type", "TextBlock", "text", shorten(part[1]), "wrap", true));
        }
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", "1.4");
        card.put("body", body);
        card.put("actions", List.of(Map.of("type", "Action.OpenUrl", "title", "Open the thread in Learning Log",
                "url", f.link())));
        Map<String, Object> attachment = new LinkedHashMap<>();
        attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
        attachment.put("content", card);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "message");
        message.put("summary", headline(f));
        message.put("attachments", List.of(attachment));
        return message;
    }

    /** Slack's mrkdwn control characters, as its documentation asks: `&`, `<`, `>`. */
    static String slackEscape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String shorten(String text) {
        if (text.codePointCount(0, text.length()) <= CHAT_TEXT) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, CHAT_TEXT)).stripTrailing() + "…";
    }
}
