package org.learninglog.webhook;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learninglog.Api;
import org.learninglog.ClockAndMailTest;
import org.learninglog.Race;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;
import org.learninglog.entry.Entries;
import org.learninglog.group.Membership;
import org.learninglog.mail.MailDispatcher;
import org.learninglog.mail.TestMailServer;
import org.learninglog.thread.ThreadMailJob;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Webhook endpoints of a group and their deliveries, against a local receiver: Standard Webhooks signatures checked
 * by this test's own HMAC, retries at a moved clock, disabling with the facilitators' email, SSRF refusals, races.
 */
@QuarkusTest
class WebhooksTest extends ClockAndMailTest {

    private static final String WEBHOOKS = "/api/v1/groups/{g}/webhooks";
    private static final String WEBHOOK = "/api/v1/groups/{g}/webhooks/{w}";
    private static final String DELIVERIES = "/api/v1/groups/{g}/webhooks/{w}/deliveries";
    private static final String MY_ENTRY = "/api/v1/groups/{g}/weeks/current/entries/me";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    MailDispatcher mail;

    @Inject
    ThreadMailJob threadMail;

    @Inject
    WebhookFixtures fixtures;

    WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    /** A group with a facilitator and two members; the facilitator first. */
    record Group(UUID id, TestMember facilitator, TestMember ana, TestMember ben) {
    }

    private Group group(String name) {
        TestMember fay = data.member("Fay Facilitator");
        TestMember ana = data.member("Ana Asker");
        TestMember ben = data.member("Ben Replier");
        return new Group(data.group(name + " " + TestData.suffix(), fay, ana, ben), fay, ana, ben);
    }

    private JsonPath register(Group group, String path, String format, String... events) {
        return Api.as(group.facilitator().token())
                .body(Map.of("url", receiver.url(path), "events", List.of(events), "format", format,
                        "description", "#channel"))
                .post(WEBHOOKS, group.id()).then().statusCode(201).extract().jsonPath();
    }

    private static String ask(TestMember who, UUID group) {
        return Api.as(who.token()).body(Entries.packagingEntry()).put(MY_ENTRY, group).then().statusCode(201)
                .extract().path("id");
    }

    private static String reply(TestMember who, String entryId, String body) {
        return Api.as(who.token()).body(Map.of("body", body)).post("/api/v1/entries/{id}/replies", entryId).then()
                .statusCode(201).extract().path("id");
    }

    private void dispatchAll() {
        for (int round = 0; round < 50 && dispatcher.dispatchDue() > 0; round++) {
            // other tests' endpoints may have deliveries due too
        }
    }

    /** Standard Webhooks, verified from the specification with this test's own HMAC-SHA256. */
    private static void assertSigned(WebhookReceiver.Received request, String secret) throws Exception {
        String id = request.header("webhook-id");
        String timestamp = request.header("webhook-timestamp");
        String signatures = request.header("webhook-signature");
        assertTrue(id != null && timestamp != null && signatures != null, request.headers()::toString);
        assertTrue(secret.startsWith("whsec_"), secret);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(
                mac.doFinal((id + "." + timestamp + "." + request.body()).getBytes(StandardCharsets.UTF_8)));
        boolean matches = false;
        for (String signature : signatures.split(" ")) {
            matches |= signature.equals("v1," + expected);
        }
        assertTrue(matches, () -> "signature " + signatures + " is not v1," + expected);
        assertTrue(timestamp.matches("[0-9]+"), timestamp);
    }

    @Test
    void shouldShowTheSecretOnceAndSayPlainlyThatContentLeavesTheGroup() {
        Group group = group("Secrets");
        JsonPath created = register(group, "/secret", "STANDARD", "question.asked");
        String id = created.getString("webhook.id");
        assertTrue(created.getString("secret").matches("whsec_[A-Za-z0-9+/=]{40,}"), created.getString("secret"));
        assertTrue(created.getString("contentLeavesGroup").startsWith("Content leaves the group"));
        assertTrue(created.getString("contentLeavesGroup").contains(receiver.url("/secret")));
        assertEquals(true, created.getBoolean("webhook.enabled"));
        assertEquals(List.of("question.asked"), created.getList("webhook.events"));

        Api.as(group.facilitator().token()).get(WEBHOOK, group.id(), id).then().statusCode(200)
                .body("secret", nullValue()).body("url", equalTo(receiver.url("/secret")))
                .body("format", equalTo("STANDARD")).body("description", equalTo("#channel"));
        String listed = Api.as(group.facilitator().token()).get(WEBHOOKS, group.id()).then().statusCode(200)
                .body("items.id", hasItem(id)).extract().asString();
        assertTrue(!listed.contains("whsec_"), listed);
    }

    @Test
    void shouldDeliverAQuestionOnceSignedPerStandardWebhooks() throws Exception {
        clock.set(Entries.TUESDAY_W48);
        Group group = group("Signed");
        JsonPath created = register(group, "/standard", "STANDARD", "question.asked");
        String secret = created.getString("secret");
        String webhook = created.getString("webhook.id");

        String entry = ask(group.ana(), group.id());
        dispatchAll();
        dispatchAll();

        List<WebhookReceiver.Received> got = receiver.received("/standard");
        assertEquals(1, got.size(), got::toString);
        WebhookReceiver.Received request = got.get(0);
        assertSigned(request, secret);
        assertEquals(String.valueOf(Entries.TUESDAY_W48.getEpochSecond()), request.header("webhook-timestamp"));
        assertTrue(request.header("Content-Type").startsWith("application/json"));
        JsonNode body = JSON.readTree(request.body());
        assertEquals("question.asked", body.get("type").asText());
        assertEquals("2026-11-24T10:00:00Z", body.get("timestamp").asText());
        assertEquals(entry, body.at("/data/entryId").asText());
        assertEquals(group.id().toString(), body.at("/data/groupId").asText());
        assertEquals("Has anyone found a workaround?", body.at("/data/question").asText());
        assertEquals(group.ana().name(), body.at("/data/by").asText());
        assertTrue(body.at("/data/link").asText().endsWith("/entries/" + entry));

        Api.as(group.facilitator().token()).get(DELIVERIES, group.id(), webhook).then().statusCode(200)
                .body("items[0].id", equalTo(request.header("webhook-id")))
                .body("items[0].event", equalTo("question.asked")).body("items[0].status", equalTo("DELIVERED"))
                .body("items[0].attempts", equalTo(1)).body("items[0].lastResponseCode", equalTo(200))
                .body("items[0].deliveredAt", equalTo("2026-11-24T10:00:00Z"))
                .body("items[0].nextAttemptAt", nullValue());
    }

    @Test
    void shouldSendEachSubscribedEventAndNoOther() throws Exception {
        Group group = group("Events");
        register(group, "/all", "STANDARD", "reply.posted", "answer.accepted", "entry.posted");
        register(group, "/questions", "STANDARD", "question.asked");

        String entry = ask(group.ana(), group.id());
        String reply = reply(group.ben(), entry, "Try the cooperative's supplier");
        Api.as(group.ana().token()).body(Map.of("replyId", reply)).put("/api/v1/entries/{id}/answer", entry).then()
                .statusCode(200);
        // Posting the entry again replaces it: no second entry.posted, no second question.asked.
        Api.as(group.ana().token()).body(Entries.packagingEntry()).put(MY_ENTRY, group.id()).then().statusCode(200);
        dispatchAll();

        List<String> types = new ArrayList<>();
        for (WebhookReceiver.Received request : receiver.received("/all")) {
            types.add(JSON.readTree(request.body()).get("type").asText());
        }
        assertEquals(Set.of("entry.posted", "reply.posted", "answer.accepted"), new HashSet<>(types));
        assertEquals(3, types.size(), types::toString);
        assertEquals(1, receiver.received("/questions").size());

        for (WebhookReceiver.Received request : receiver.received("/all")) {
            JsonNode body = JSON.readTree(request.body());
            switch (body.get("type").asText()) {
                case "entry.posted" -> {
                    assertEquals("Costs came in 20% over budget", body.at("/data/failed").asText());
                    assertEquals("Switched to a new packaging supplier to meet the standards",
                            body.at("/data/tried").asText());
                }
                case "reply.posted" -> {
                    assertEquals("Try the cooperative's supplier", body.at("/data/reply").asText());
                    assertEquals(group.ben().name(), body.at("/data/by").asText());
                }
                default -> {
                    assertEquals("Try the cooperative's supplier", body.at("/data/answer").asText());
                    assertEquals(group.ben().name(), body.at("/data/answeredBy").asText());
                    assertEquals(group.ana().name(), body.at("/data/by").asText());
                }
            }
        }
    }

    @Test
    void shouldTellOfAQuestionNobodyAnsweredOnce() throws Exception {
        Instant asked = Instant.parse("2026-11-24T08:00:00Z");
        clock.set(asked);
        Group group = group("Unanswered");
        register(group, "/unanswered", "STANDARD", "question.unanswered");
        String entry = ask(group.ana(), group.id());

        clock.set(asked.plus(Duration.ofHours(25)));
        threadMail.enqueueDue();
        threadMail.enqueueDue();
        dispatchAll();

        List<WebhookReceiver.Received> got = receiver.received("/unanswered");
        assertEquals(1, got.size());
        JsonNode body = JSON.readTree(got.get(0).body());
        assertEquals("question.unanswered", body.get("type").asText());
        assertEquals(entry, body.at("/data/entryId").asText());
        assertEquals(group.ana().name(), body.at("/data/askedBy").asText());
    }

    @Test
    void shouldPostReadableSlackAndTeamsMessages() throws Exception {
        Group group = group("Chat <formats> & more");
        register(group, "/slack", "SLACK", "question.asked");
        register(group, "/teams", "TEAMS", "question.asked");
        String entry = ask(group.ana(), group.id());
        dispatchAll();

        JsonNode slack = JSON.readTree(receiver.received("/slack").get(0).body());
        assertTrue(
                slack.get("text").asText().startsWith(group.ana().name() + " asked a question in Chat &lt;formats&gt;"
                        + " &amp; more"),
                slack.toString());
        JsonNode blocks = slack.get("blocks");
        assertEquals("section", blocks.get(0).get("type").asText());
        assertEquals("mrkdwn", blocks.get(0).at("/text/type").asText());
        assertEquals("*Question:* Has anyone found a workaround?", blocks.get(1).at("/text/text").asText());
        JsonNode context = blocks.get(blocks.size() - 1);
        assertEquals("context", context.get("type").asText());
        assertTrue(context.at("/elements/0/text").asText().contains("/entries/" + entry + "|"), context.toString());

        JsonNode teams = JSON.readTree(receiver.received("/teams").get(0).body());
        assertEquals("message", teams.get("type").asText());
        JsonNode attachment = teams.get("attachments").get(0);
        assertEquals("application/vnd.microsoft.card.adaptive", attachment.get("contentType").asText());
        JsonNode card = attachment.get("content");
        assertEquals("AdaptiveCard", card.get("type").asText());
        assertEquals("TextBlock", card.at("/body/0/type").asText());
        assertTrue(card.at("/body/0/text").asText().contains("Chat <formats> & more"), card.toString());
        assertEquals("Has anyone found a workaround?", card.at("/body/2/text").asText());
        assertEquals("Action.OpenUrl", card.at("/actions/0/type").asText());
        assertTrue(card.at("/actions/0/url").asText().endsWith("/entries/" + entry));
    }

    @Test
    void shouldRetryWithBackoffUnderTheSameWebhookIdUntilDelivered() throws Exception {
        Instant start = Instant.parse("2026-11-24T10:00:00Z");
        clock.set(start);
        Group group = group("Retries");
        JsonPath created = register(group, "/flaky", "STANDARD", "question.asked");
        String webhook = created.getString("webhook.id");
        receiver.answer(500, 503);
        ask(group.ana(), group.id());

        dispatchAll();
        assertEquals(1, receiver.received("/flaky").size());
        Api.as(group.facilitator().token()).get(DELIVERIES, group.id(), webhook).then().statusCode(200)
                .body("items[0].status", equalTo("FAILED")).body("items[0].attempts", equalTo(1))
                .body("items[0].lastResponseCode", equalTo(500)).body("items[0].lastError", equalTo("HTTP 500"))
                .body("items[0].nextAttemptAt", equalTo("2026-11-24T10:01:00Z"));

        clock.set(start.plusSeconds(59));
        dispatchAll();
        assertEquals(1, receiver.received("/flaky").size(), "not before the backoff has passed");

        clock.set(start.plusSeconds(60));
        dispatchAll();
        assertEquals(2, receiver.received("/flaky").size());
        Api.as(group.facilitator().token()).get(DELIVERIES, group.id(), webhook).then()
                .body("items[0].lastResponseCode", equalTo(503))
                .body("items[0].nextAttemptAt", equalTo("2026-11-24T10:03:00Z"));

        clock.set(start.plusSeconds(180));
        dispatchAll();
        List<WebhookReceiver.Received> got = receiver.received("/flaky");
        assertEquals(3, got.size());
        assertEquals(1, got.stream().map(r -> r.header("webhook-id")).distinct().count());
        assertEquals(1, got.stream().map(WebhookReceiver.Received::body).distinct().count());
        assertNotEquals(got.get(0).header("webhook-timestamp"), got.get(2).header("webhook-timestamp"));
        for (WebhookReceiver.Received request : got) {
            assertSigned(request, created.getString("secret"));
        }
        Api.as(group.facilitator().token()).get(DELIVERIES, group.id(), webhook).then()
                .body("items[0].status", equalTo("DELIVERED")).body("items[0].attempts", equalTo(3));
        Api.as(group.facilitator().token()).get(WEBHOOK, group.id(), webhook).then()
                .body("consecutiveFailures", equalTo(0)).body("enabled", equalTo(true));
    }

    @Test
    void shouldDisableAnEndpointAfterFailuresInARowAndEmailTheFacilitators() throws Exception {
        Instant start = Instant.parse("2026-11-24T10:00:00Z");
        clock.set(start);
        Group group = group("Failing");
        TestMember flo = data.member("Flo Zweite");
        data.join(group.id(), flo, Membership.Role.FACILITATOR);
        fixtures.language(flo.id(), "de");
        JsonPath created = register(group, "/down", "STANDARD", "question.asked", "reply.posted");
        String webhook = created.getString("webhook.id");
        receiver.alwaysAnswer(500);
        String entry = ask(group.ana(), group.id());

        // Three failed attempts in a row (the test setting), each after its backoff.
        dispatchAll();
        clock.set(start.plusSeconds(60));
        dispatchAll();
        Api.as(group.facilitator().token()).get(WEBHOOK, group.id(), webhook).then()
                .body("enabled", equalTo(true)).body("consecutiveFailures", equalTo(2));
        clock.set(start.plusSeconds(180));
        dispatchAll();
        assertEquals(3, receiver.received("/down").size());

        Api.as(group.facilitator().token()).get(WEBHOOK, group.id(), webhook).then().statusCode(200)
                .body("enabled", equalTo(false)).body("disabledReason", equalTo("FAILING"))
                .body("disabledAt", equalTo("2026-11-24T10:03:00Z")).body("consecutiveFailures", equalTo(3));

        // Disabled: nothing more is attempted, and new events make no deliveries.
        reply(group.ben(), entry, "A reply nobody will see in the chat");
        clock.set(start.plusSeconds(3600));
        dispatchAll();
        assertEquals(3, receiver.received("/down").size());
        assertEquals(List.of("FAILED"), fixtures.statuses(UUID.fromString(webhook)));

        for (int round = 0; round < 100 && mail.dispatchDue() > 0; round++) {
            // deliver the outbox
        }
        List<MimeMessage> toFay = TestMailServer.messagesTo(group.facilitator().email());
        assertEquals(1, toFay.size());
        assertTrue(TestMailServer.subject(toFay.get(0)).startsWith("A chat channel of Failing"));
        String text = TestMailServer.part(toFay.get(0), "text/plain");
        assertTrue(text.contains("3 times in a row"), text);
        assertTrue(text.contains("HTTP 500"), text);
        assertTrue(text.contains("http://127.0.0.1:" + receiver.port() + "/…"), text);
        assertTrue(!text.contains("/down"), "the URL's path (a chat's credential) stays out of email: " + text);
        List<MimeMessage> toFlo = TestMailServer.messagesTo(flo.email());
        assertEquals(1, toFlo.size());
        assertTrue(TestMailServer.subject(toFlo.get(0)).startsWith("Ein Chat-Kanal von Failing"));
        assertEquals(0, TestMailServer.messagesTo(group.ana().email()).stream()
                .filter(m -> TestMailServer.subject(m).contains("chat channel")).count());

        // Enabled again: the count starts afresh and what is still due goes out.
        receiver.alwaysAnswer(0);
        Api.as(group.facilitator().token()).body(Map.of("enabled", true)).patch(WEBHOOK, group.id(), webhook).then()
                .statusCode(200).body("enabled", equalTo(true)).body("consecutiveFailures", equalTo(0))
                .body("disabledReason", nullValue());
        dispatchAll();
        assertEquals(4, receiver.received("/down").size());
        assertEquals(List.of("DELIVERED"), fixtures.statuses(UUID.fromString(webhook)));
    }

    @Test
    void shouldDeliverEachEventOnceWhenTwoWorkersRace() throws Exception {
        Group group = group("Racing workers");
        JsonPath created = register(group, "/race", "STANDARD", "reply.posted");
        String entry = ask(group.ana(), group.id());
        for (int i = 0; i < 12; i++) {
            reply(i % 2 == 0 ? group.ben() : group.facilitator(), entry, "Reply " + i);
        }
        List<Callable<Integer>> workers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            workers.add(() -> dispatcher.dispatchDue());
        }
        Race.all(workers);
        dispatchAll();

        List<WebhookReceiver.Received> got = receiver.received("/race");
        assertEquals(12, got.size());
        assertEquals(12, got.stream().map(r -> r.header("webhook-id")).distinct().count());
        assertEquals(Set.of("DELIVERED"), new HashSet<>(fixtures.statuses(UUID.fromString(
                created.getString("webhook.id")))));
    }

    @Test
    void shouldRefuseTargetsOnPrivateLoopbackAndLinkLocalAddresses() {
        Group group = group("SSRF");
        for (String url : List.of("http://10.1.2.3/hook", "https://10.1.2.3/hook", "https://169.254.169.254/latest",
                "https://[::1]/hook", "https://localhost/hook", "https://127.0.0.2/hook", "https://0.0.0.0/hook",
                "https://192.168.1.10/hook", "https://[fd00::1]/hook", "http://example.org/hook", "ftp://example.org/",
                "not a url", "https://user:pw@example.org/hook")) {
            Api.as(group.facilitator().token()).body(Map.of("url", url, "events", List.of("question.asked")))
                    .post(WEBHOOKS, group.id()).then().statusCode(400).body("errors[0].field", equalTo("url"));
        }
        Api.as(group.facilitator().token()).get(WEBHOOKS, group.id()).then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void shouldRefuseATargetAgainAtDeliveryWhenItNoLongerPasses() {
        Group group = group("SSRF later");
        JsonPath created = register(group, "/moved", "STANDARD", "question.asked");
        UUID webhook = UUID.fromString(created.getString("webhook.id"));
        // As if the name now resolved to loopback: localhost is not in the test's allowed hosts.
        fixtures.moveTarget(webhook, "http://localhost:" + receiver.port() + "/moved");
        ask(group.ana(), group.id());
        dispatchAll();

        assertEquals(0, receiver.received("/moved").size());
        assertEquals(List.of("FAILED"), fixtures.statuses(webhook));
        assertTrue(fixtures.lastError(webhook).startsWith("Refused target"), fixtures.lastError(webhook));
    }

    @Test
    void shouldLetOnlyTheGroupsFacilitatorsAndAdministratorsManageItsWebhooks() {
        Group group = group("Access");
        Group other = group("Other access");
        TestMember outsider = data.member("Olga Outsider");
        String webhook = register(group, "/access", "STANDARD", "question.asked").getString("webhook.id");
        Map<String, Object> body = Map.of("url", receiver.url("/x"), "events", List.of("question.asked"));

        Api.anonymous().get(WEBHOOKS, group.id()).then().statusCode(401);
        Api.anonymous().body(body).post(WEBHOOKS, group.id()).then().statusCode(401);
        Api.anonymous().get(DELIVERIES, group.id(), webhook).then().statusCode(401);

        String member = group.ana().token();
        Api.as(member).get(WEBHOOKS, group.id()).then().statusCode(403);
        Api.as(member).body(body).post(WEBHOOKS, group.id()).then().statusCode(403);
        Api.as(member).get(WEBHOOK, group.id(), webhook).then().statusCode(403);
        Api.as(member).body(Map.of("enabled", false)).patch(WEBHOOK, group.id(), webhook).then().statusCode(403);
        Api.as(member).delete(WEBHOOK, group.id(), webhook).then().statusCode(403);
        Api.as(member).get(DELIVERIES, group.id(), webhook).then().statusCode(403);

        Api.as(outsider.token()).get(WEBHOOKS, group.id()).then().statusCode(404);
        Api.as(outsider.token()).body(body).post(WEBHOOKS, group.id()).then().statusCode(404);
        Api.as(outsider.token()).get(WEBHOOK, group.id(), webhook).then().statusCode(404);
        Api.as(outsider.token()).get(DELIVERIES, group.id(), webhook).then().statusCode(404);
        // Another group's facilitator reaches neither this group nor this webhook through their own group.
        Api.as(other.facilitator().token()).get(WEBHOOK, other.id(), webhook).then().statusCode(404);
        Api.as(other.facilitator().token()).delete(WEBHOOK, other.id(), webhook).then().statusCode(404);
        Api.as(group.facilitator().token()).get(WEBHOOK, group.id(), UUID.randomUUID()).then().statusCode(404);
        Api.as(group.facilitator().token()).get(WEBHOOKS, UUID.randomUUID()).then().statusCode(404);

        String admin = data.admin().token();
        Api.as(admin).get(WEBHOOKS, group.id()).then().statusCode(200).body("items.id", hasItem(webhook));
        Api.as(admin).body(Map.of("enabled", false)).patch(WEBHOOK, group.id(), webhook).then().statusCode(200)
                .body("enabled", equalTo(false)).body("disabledReason", equalTo("BY_FACILITATOR"));
        Api.as(group.facilitator().token()).body(Map.of("events", List.of("entry.posted", "reply.posted")))
                .patch(WEBHOOK, group.id(), webhook).then().statusCode(200)
                .body("events", equalTo(List.of("reply.posted", "entry.posted")));
        Api.as(group.facilitator().token()).delete(WEBHOOK, group.id(), webhook).then().statusCode(204);
        Api.as(group.facilitator().token()).get(WEBHOOK, group.id(), webhook).then().statusCode(404);
    }

    @Test
    void shouldRefuseInvalidRegistrationsNamingTheField() {
        Group group = group("Invalid");
        String fay = group.facilitator().token();
        Api.badRequestAs(fay).body(Map.of("url", receiver.url("/x"), "events", List.of()))
                .post(WEBHOOKS, group.id()).then().statusCode(400).body("errors[0].field", startsWith("events"));
        Api.badRequestAs(fay).body(Map.of("url", receiver.url("/x"), "events", List.of("question.deleted")))
                .post(WEBHOOKS, group.id()).then().statusCode(400).body("detail", containsString("events"));
        Api.badRequestAs(fay).body(Map.of("url", receiver.url("/x"), "events", List.of("question.asked"),
                "format", "DISCORD")).post(WEBHOOKS, group.id()).then().statusCode(400);
        Api.badRequestAs(fay).body(Map.of("events", List.of("question.asked"))).post(WEBHOOKS, group.id()).then()
                .statusCode(400).body("errors[0].field", equalTo("url"));
    }

    @Test
    void shouldRefuseMoreEndpointsThanAGroupMayHave() {
        Group group = group("Many");
        for (int i = 0; i < 10; i++) {
            register(group, "/many" + i, "STANDARD", "question.asked");
        }
        Api.as(group.facilitator().token()).body(Map.of("url", receiver.url("/eleven"), "events",
                List.of("question.asked"))).post(WEBHOOKS, group.id()).then().statusCode(409);
    }
}
