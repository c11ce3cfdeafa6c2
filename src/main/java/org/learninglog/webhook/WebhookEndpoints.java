package org.learninglog.webhook;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.learninglog.api.Keyset;
import org.learninglog.api.Page;
import org.learninglog.api.Problems;
import org.learninglog.api.ReadOnly;
import org.learninglog.group.GroupAccess;
import org.learninglog.group.Membership;
import org.learninglog.identity.Actor;

/**
 * The webhook endpoints of groups, and the only SQL on `webhook_endpoint` outside the dispatcher. Managed by the
 * group's facilitators and by administrators (decision 95): others in the group get 403, anyone else 404.
 */
@ApplicationScoped
@Transactional
public class WebhookEndpoints {

    /** An endpoint as the API shows it (never its secret). */
    record Endpoint(UUID id, UUID groupId, String url, String description, List<WebhookEvent> events,
            WebhookFormat format, boolean enabled, String disabledReason, Instant disabledAt, int consecutiveFailures,
            Instant createdAt) {
    }

    /** A registered endpoint with its secret, shown this once. */
    record Registered(Endpoint endpoint, String secret) {
    }

    /** A delivery as the API lists it. */
    record Delivery(UUID id, WebhookEvent event, String status, int attempts, Integer lastResponseCode,
            String lastError, Instant createdAt, Instant lastAttemptAt, Instant nextAttemptAt, Instant deliveredAt) {
    }

    /** What a registration asks for; a change leaves null what stays. */
    record Change(Boolean enabled, String description, Set<WebhookEvent> events, WebhookFormat format) {
    }

    private static final String COLUMNS = "e.id, e.group_id, e.url, e.description, array_to_string(e.events, ','), e.format, e.enabled,"
            + " e.disabled_reason, e.disabled_at, e.consecutive_failures, e.created_at";

    private final EntityManager entityManager;
    private final GroupAccess groups;
    private final WebhookConfig config;
    private final TargetGuard guard;
    private final Clock clock;

    WebhookEndpoints(EntityManager entityManager, GroupAccess groups, WebhookConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.groups = groups;
        this.config = config;
        this.guard = TargetGuard.of(config);
        this.clock = clock;
    }

    public Registered register(Actor actor, UUID groupId, String url, String description, Set<WebhookEvent> events,
            WebhookFormat format) {
        manage(actor, groupId);
        String target;
        try {
            target = guard.check(url).toString();
        } catch (TargetGuard.Refused refused) {
            throw Problems.invalid("url", refused.getMessage());
        }
        // Serialises registrations of one group, so the cap holds however many race.
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('webhook:' || CAST(?1 AS text)))")
                .setParameter(1, groupId).getSingleResult();
        long count = ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM webhook_endpoint WHERE group_id = ?1").setParameter(1, groupId)
                .getSingleResult()).longValue();
        if (count >= config.maxPerGroup()) {
            throw Problems.conflict("The group has " + count + " webhook endpoints, as many as it may have ("
                    + config.maxPerGroup() + "); delete one first");
        }
        UUID id = UUID.randomUUID();
        String key = WebhookSignatures.newKey();
        entityManager.createNativeQuery("""
                INSERT INTO webhook_endpoint (id, group_id, url, description, events, format, secret, enabled,
                                              consecutive_failures, created_by, created_at)
                VALUES (?1, ?2, ?3, ?4, CAST(string_to_array(?5, ',') AS text[]), ?6, ?7, true, 0, ?8, ?9)""")
                .setParameter(1, id).setParameter(2, groupId).setParameter(3, target)
                .setParameter(4, description == null ? null : description.strip())
                .setParameter(5, wire(events))
                .setParameter(6, (format == null ? WebhookFormat.STANDARD : format).name())
                .setParameter(7, key).setParameter(8, actor.id()).setParameter(9, clock.instant())
                .executeUpdate();
        return new Registered(find(groupId, id), WebhookSignatures.PREFIX + key);
    }

    @ReadOnly
    public Page<Endpoint> list(Actor actor, UUID groupId, Integer limit, String cursor) {
        manage(actor, groupId);
        Keyset keyset = Keyset.of(cursor, limit, Keyset.Key.instant("e.created_at"), Keyset.Key.uuid("e.id"));
        Query query = keyset.bind(entityManager.createNativeQuery("SELECT " + COLUMNS
                + " FROM webhook_endpoint e WHERE e.group_id = :group" + keyset.and() + " ORDER BY "
                + keyset.orderBy())).setParameter("group", groupId).setMaxResults(keyset.fetchSize());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return keyset.page(rows.stream().map(WebhookEndpoints::endpoint).toList(),
                e -> List.of(e.createdAt(), e.id()));
    }

    @ReadOnly
    public Endpoint get(Actor actor, UUID groupId, UUID id) {
        manage(actor, groupId);
        return find(groupId, id);
    }

    public Endpoint change(Actor actor, UUID groupId, UUID id, Change change) {
        manage(actor, groupId);
        find(groupId, id);
        if (Boolean.TRUE.equals(change.enabled())) {
            // Enabling starts the count of failures afresh.
            entityManager.createNativeQuery("UPDATE webhook_endpoint SET enabled = true, disabled_reason = NULL,"
                    + " disabled_at = NULL, consecutive_failures = 0 WHERE id = ?1 AND NOT enabled")
                    .setParameter(1, id).executeUpdate();
        } else if (Boolean.FALSE.equals(change.enabled())) {
            entityManager.createNativeQuery("UPDATE webhook_endpoint SET enabled = false,"
                    + " disabled_reason = 'BY_FACILITATOR', disabled_at = ?2 WHERE id = ?1 AND enabled")
                    .setParameter(1, id).setParameter(2, clock.instant()).executeUpdate();
        }
        if (change.description() != null) {
            entityManager.createNativeQuery("UPDATE webhook_endpoint SET description = ?2 WHERE id = ?1")
                    .setParameter(1, id).setParameter(2, change.description().strip()).executeUpdate();
        }
        if (change.events() != null) {
            entityManager.createNativeQuery("UPDATE webhook_endpoint SET events = CAST(string_to_array(?2, ',')"
                    + " AS text[]) WHERE id = ?1").setParameter(1, id).setParameter(2, wire(change.events()))
                    .executeUpdate();
        }
        if (change.format() != null) {
            // Deliveries enqueued already keep the body they were written with.
            entityManager.createNativeQuery("UPDATE webhook_endpoint SET format = ?2 WHERE id = ?1")
                    .setParameter(1, id).setParameter(2, change.format().name()).executeUpdate();
        }
        return find(groupId, id);
    }

    public void delete(Actor actor, UUID groupId, UUID id) {
        manage(actor, groupId);
        find(groupId, id);
        // Its deliveries go with it (ON DELETE CASCADE); one being attempted right now is recorded into nothing.
        entityManager.createNativeQuery("DELETE FROM webhook_endpoint WHERE id = ?1").setParameter(1, id)
                .executeUpdate();
    }

    @ReadOnly
    public Page<Delivery> deliveries(Actor actor, UUID groupId, UUID id, Integer limit, String cursor) {
        manage(actor, groupId);
        find(groupId, id);
        Keyset keyset = Keyset.of(cursor, limit, Keyset.Key.instant("d.created_at").descending(),
                Keyset.Key.uuid("d.id").descending());
        Query query = keyset.bind(entityManager.createNativeQuery("""
                SELECT d.id, d.event, d.status, d.attempts, d.last_response_code, d.last_error, d.created_at,
                       d.last_attempt_at, d.next_attempt_at, d.delivered_at
                FROM webhook_delivery d WHERE d.endpoint_id = :endpoint""" + keyset.and() + " ORDER BY "
                + keyset.orderBy())).setParameter("endpoint", id).setMaxResults(keyset.fetchSize());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<Delivery> found = rows.stream().map(r -> {
            String status = (String) r[2];
            boolean due = status.equals("PENDING") || status.equals("FAILED");
            return new Delivery((UUID) r[0], WebhookEvent.ofWire((String) r[1]).orElseThrow(), status,
                    ((Number) r[3]).intValue(), r[4] == null ? null : ((Number) r[4]).intValue(), (String) r[5],
                    instant(r[6]), instant(r[7]), due ? instant(r[8]) : null, instant(r[9]));
        }).toList();
        return keyset.page(found, d -> List.of(d.createdAt(), d.id()));
    }

    /**
     * Deletes delivered rows older than this, in batches of at most `batch` rows (for a retention job).
     *
     * @return how many were deleted in this batch; call again while it is `batch`
     */
    public int purgeDeliveredBefore(Instant before, int batch) {
        return entityManager.createNativeQuery("""
                DELETE FROM webhook_delivery WHERE id IN (
                    SELECT id FROM webhook_delivery WHERE status = 'DELIVERED' AND delivered_at < ?1
                    LIMIT ?2 FOR UPDATE SKIP LOCKED)""")
                .setParameter(1, before).setParameter(2, batch).executeUpdate();
    }

    /** As {@link #purgeDeliveredBefore(Instant, int)}, batches of 1000 until none is left. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public int purgeDeliveredBefore(Instant before) {
        int total = 0;
        int deleted;
        do {
            deleted = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                    .call(() -> purgeDeliveredBefore(before, 1000));
            total += deleted;
        } while (deleted == 1000);
        return total;
    }

    /** For the group's facilitators and administrators: 404 outside the group, 403 for its plain members. */
    private void manage(Actor actor, UUID groupId) {
        if (actor.admin()) {
            groups.visibleGroup(actor, groupId);
            return;
        }
        Membership mine = groups.contentAccess(actor, groupId);
        if (mine.role != Membership.Role.FACILITATOR) {
            throw Problems.forbidden("Only the group's facilitators and administrators manage its webhooks");
        }
    }

    private Endpoint find(UUID groupId, UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT " + COLUMNS
                + " FROM webhook_endpoint e WHERE e.id = ?1 AND e.group_id = ?2")
                .setParameter(1, id).setParameter(2, groupId).getResultList();
        return rows.stream().findFirst().map(WebhookEndpoints::endpoint)
                .orElseThrow(() -> Problems.notFound("Webhook"));
    }

    private static Endpoint endpoint(Object[] r) {
        String[] wire = ((String) r[4]).split(",");
        return new Endpoint((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3],
                Arrays.stream(wire).map(w -> WebhookEvent.ofWire(w).orElseThrow()).toList(),
                WebhookFormat.valueOf((String) r[5]), (Boolean) r[6], (String) r[7], instant(r[8]),
                ((Number) r[9]).intValue(), instant(r[10]));
    }

    private static String wire(Set<WebhookEvent> events) {
        return String.join(",", events.stream().sorted().map(e -> e.wire).toList());
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
