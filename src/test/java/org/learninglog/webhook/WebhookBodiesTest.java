package org.learninglog.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The bodies of deliveries in each format, from the same event. */
class WebhookBodiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID GROUP = UUID.fromString("3c9d2f1e-4b5a-4e6f-8a7b-9c0d1e2f3a4b");
    private static final UUID ENTRY = UUID.fromString("7f1c2a4e-8a43-4c6e-9d3a-2b1f0e5d6c7a");
    private static final UUID REPLY = UUID.fromString("0b8e4c2d-1f3a-4d5e-9b6c-7a8f9e0d1c2b");

    private static EventFacts accepted(String answer) {
        return new EventFacts(WebhookEvent.ANSWER_ACCEPTED, "answer.accepted:x", Instant.parse("2026-11-24T10:00:00Z"),
                GROUP, "Regional managers", ENTRY, REPLY, null, "Ana García", "Which sensors work below 2 °C?",
                answer, "Jonas Weber", null, null, "https://ll.example.org/entries/" + ENTRY + "#reply-" + REPLY);
    }

    @Test
    void shouldWriteAStandardEventWithEveryWord() throws Exception {
        JsonNode body = JSON.readTree(WebhookBodies.of(WebhookFormat.STANDARD, accepted("The <b>PIR</b> ones")));
        assertEquals("answer.accepted", body.get("type").asText());
        assertEquals("2026-11-24T10:00:00Z", body.get("timestamp").asText());
        assertEquals("The <b>PIR</b> ones", body.at("/data/answer").asText());
        assertEquals("Jonas Weber", body.at("/data/answeredBy").asText());
        assertEquals("Ana García", body.at("/data/by").asText());
        assertEquals(REPLY.toString(), body.at("/data/replyId").asText());
    }

    @Test
    void shouldWriteASlackMessageEscapedAndShortened() throws Exception {
        String long_ = "x".repeat(WebhookBodies.CHAT_TEXT + 50);
        JsonNode body = JSON.readTree(WebhookBodies.of(WebhookFormat.SLACK, accepted("<!channel> & " + long_)));
        assertEquals("Ana García accepted Jonas Weber's answer in Regional managers", body.get("text").asText());
        assertEquals("*Question:* Which sensors work below 2 °C?", body.at("/blocks/1/text/text").asText());
        String answer = body.at("/blocks/2/text/text").asText();
        assertTrue(answer.startsWith("*Answer:* &lt;!channel&gt; &amp; xxx"), answer);
        assertTrue(answer.endsWith("…"), answer);
        assertEquals("context", body.at("/blocks/3/type").asText());
    }

    @Test
    void shouldWriteATeamsAdaptiveCard() throws Exception {
        JsonNode body = JSON.readTree(WebhookBodies.of(WebhookFormat.TEAMS, accepted("The PIR ones")));
        assertEquals("message", body.get("type").asText());
        JsonNode card = body.at("/attachments/0/content");
        assertEquals("application/vnd.microsoft.card.adaptive", body.at("/attachments/0/contentType").asText());
        assertEquals("AdaptiveCard", card.get("type").asText());
        assertEquals("1.4", card.get("version").asText());
        assertEquals("Ana García accepted Jonas Weber's answer in Regional managers", card.at("/body/0/text").asText());
        assertEquals("Answer", card.at("/body/3/text").asText());
        assertEquals("The PIR ones", card.at("/body/4/text").asText());
        assertEquals("Action.OpenUrl", card.at("/actions/0/type").asText());
    }
}
