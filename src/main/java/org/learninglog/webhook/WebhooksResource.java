package org.learninglog.webhook;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.Response;

import org.learninglog.api.contract.WebhooksApi;
import org.learninglog.api.contract.model.WebhookCreateJson;
import org.learninglog.api.contract.model.WebhookCreatedJson;
import org.learninglog.api.contract.model.WebhookDeliveryJson;
import org.learninglog.api.contract.model.WebhookDeliveryPageJson;
import org.learninglog.api.contract.model.WebhookDeliveryStatusJson;
import org.learninglog.api.contract.model.WebhookDisabledReasonJson;
import org.learninglog.api.contract.model.WebhookEventJson;
import org.learninglog.api.contract.model.WebhookFormatJson;
import org.learninglog.api.contract.model.WebhookJson;
import org.learninglog.api.contract.model.WebhookPageJson;
import org.learninglog.api.contract.model.WebhookPatchJson;
import org.learninglog.identity.CurrentMember;

import io.quarkus.security.Authenticated;

@Authenticated
class WebhooksResource implements WebhooksApi {

    private final WebhookEndpoints endpoints;
    private final CurrentMember current;

    WebhooksResource(WebhookEndpoints endpoints, CurrentMember current) {
        this.endpoints = endpoints;
        this.current = current;
    }

    @Override
    public Response listWebhooks(UUID groupId, Integer limit, String cursor) {
        var page = endpoints.list(current.actor(), groupId, limit, cursor);
        return Response.ok(new WebhookPageJson().items(page.items().stream().map(WebhooksResource::of).toList())
                .nextCursor(page.nextCursor())).build();
    }

    @Override
    public Response createWebhook(UUID groupId, WebhookCreateJson body) {
        var registered = endpoints.register(current.actor(), groupId, body.getUrl(), body.getDescription(),
                events(body.getEvents()),
                body.getFormat() == null ? null : WebhookFormat.valueOf(body.getFormat().name()));
        WebhookEndpoints.Endpoint endpoint = registered.endpoint();
        var created = new WebhookCreatedJson().webhook(of(endpoint)).secret(registered.secret())
                .contentLeavesGroup(contentLeavesGroup(endpoint.url()));
        return Response.created(URI.create("/api/v1/groups/" + groupId + "/webhooks/" + endpoint.id()))
                .entity(created).build();
    }

    @Override
    public Response getWebhook(UUID groupId, UUID webhookId) {
        return Response.ok(of(endpoints.get(current.actor(), groupId, webhookId))).build();
    }

    @Override
    public Response updateWebhook(UUID groupId, UUID webhookId, WebhookPatchJson body) {
        var change = new WebhookEndpoints.Change(body.getEnabled(), body.getDescription(),
                body.getEvents() == null ? null : events(body.getEvents()),
                body.getFormat() == null ? null : WebhookFormat.valueOf(body.getFormat().name()));
        return Response.ok(of(endpoints.change(current.actor(), groupId, webhookId, change))).build();
    }

    @Override
    public Response deleteWebhook(UUID groupId, UUID webhookId) {
        endpoints.delete(current.actor(), groupId, webhookId);
        return Response.noContent().build();
    }

    @Override
    public Response listWebhookDeliveries(UUID groupId, UUID webhookId, Integer limit, String cursor) {
        var page = endpoints.deliveries(current.actor(), groupId, webhookId, limit, cursor);
        return Response.ok(new WebhookDeliveryPageJson()
                .items(page.items().stream().map(WebhooksResource::of).toList()).nextCursor(page.nextCursor()))
                .build();
    }

    /** The plain statement every registration answers with. */
    static String contentLeavesGroup(String url) {
        return "Content leaves the group: the questions, replies and entries of the events you chose, with their"
                + " authors' names, are sent to " + url + ", outside Learning Log, where people who are not in the"
                + " group may read them.";
    }

    private static Set<WebhookEvent> events(Collection<WebhookEventJson> events) {
        return events.stream().map(e -> WebhookEvent.ofWire(e.toString()).orElseThrow())
                .collect(Collectors.toCollection(() -> java.util.EnumSet.noneOf(WebhookEvent.class)));
    }

    private static WebhookJson of(WebhookEndpoints.Endpoint e) {
        return new WebhookJson().id(e.id()).groupId(e.groupId()).url(e.url()).description(e.description())
                .events(e.events().stream().map(v -> WebhookEventJson.fromValue(v.wire))
                        .toList())
                .format(WebhookFormatJson.valueOf(e.format().name())).enabled(e.enabled())
                .disabledReason(
                        e.disabledReason() == null ? null : WebhookDisabledReasonJson.valueOf(e.disabledReason()))
                .disabledAt(utc(e.disabledAt())).consecutiveFailures(e.consecutiveFailures())
                .createdAt(utc(e.createdAt()));
    }

    private static WebhookDeliveryJson of(WebhookEndpoints.Delivery d) {
        return new WebhookDeliveryJson().id(d.id()).event(WebhookEventJson.fromValue(d.event().wire))
                .status(WebhookDeliveryStatusJson.valueOf(d.status())).attempts(d.attempts())
                .lastResponseCode(d.lastResponseCode()).lastError(d.lastError()).createdAt(utc(d.createdAt()))
                .lastAttemptAt(utc(d.lastAttemptAt())).nextAttemptAt(utc(d.nextAttemptAt()))
                .deliveredAt(utc(d.deliveredAt()));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
