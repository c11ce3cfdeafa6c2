package org.learninglog.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.learninglog.mail.Backoff;
import org.learninglog.mail.OutboundMail;
import org.learninglog.mail.Outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Delivers webhook deliveries, like the mail dispatcher delivers the outbox: a claim in its own short transaction
 * picks due rows of enabled endpoints with {@code FOR UPDATE SKIP LOCKED}, counts the attempt and hides them for the
 * claim lease; each is then sent with no transaction open (its lease renewed first, unless another dispatcher took
 * it over), and its outcome recorded at once. A delivery is sent with the same `webhook-id` (its id) and body on
 * every attempt, signed afresh with the attempt's timestamp. Failures are retried with the outbox's
 * {@link Backoff}; after `disable-after-failures` failed attempts in a row the endpoint is disabled and the group's
 * facilitators are emailed, in the transaction that records the failure.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int MAX_ERROR = 500;

    /** A claimed delivery with what sending it needs. */
    record Claimed(UUID id, UUID endpointId, String event, String body, int attempts, String url, String key) {
    }

    /** What one attempt came to: a status code, or none with an error. */
    record Attempt(Integer status, String error) {
        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private final EntityManager entityManager;
    private final WebhookConfig config;
    private final Clock clock;
    private final Backoff backoff;
    private final TargetGuard guard;
    private final HttpClient http;
    private final Outbox outbox;

    WebhookDispatcher(EntityManager entityManager, WebhookConfig config, Clock clock, Outbox outbox) {
        this.entityManager = entityManager;
        this.config = config;
        this.clock = clock;
        this.outbox = outbox;
        this.backoff = new Backoff(config.maxAttempts(), config.retryInitialDelay(), config.retryMaxDelay());
        this.guard = TargetGuard.of(config);
        // No redirects (a 3xx is a failure, never a hop to an address the guard did not see), no proxy, no cookies.
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Scheduled(identity = "webhook-dispatch", every = "${learninglog.webhooks.dispatch-every:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        dispatchDue();
    }

    /**
     * Attempts what is due now, batch by batch.
     *
     * @return how many deliveries were attempted
     */
    public int dispatchDue() {
        int attempted = 0;
        for (int batch = 0; batch < config.maxBatchesPerRun(); batch++) {
            List<Claimed> claimed = QuarkusTransaction.requiringNew().call(this::claim);
            for (Claimed delivery : claimed) {
                if (attempt(delivery)) {
                    attempted++;
                }
            }
            if (claimed.size() < config.batchSize()) {
                break;
            }
        }
        return attempted;
    }

    List<Claimed> claim() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                UPDATE webhook_delivery d
                   SET attempts = d.attempts + 1, next_attempt_at = ?1
                  FROM (SELECT w.id FROM webhook_delivery w JOIN webhook_endpoint e ON e.id = w.endpoint_id
                         WHERE w.status IN ('PENDING', 'FAILED') AND w.next_attempt_at <= ?2 AND e.enabled
                         ORDER BY w.next_attempt_at
                         LIMIT ?3
                         FOR UPDATE OF w SKIP LOCKED) due, webhook_endpoint e
                 WHERE d.id = due.id AND e.id = d.endpoint_id
                RETURNING d.id, d.endpoint_id, d.event, d.body, d.attempts, e.url, e.secret""")
                .setParameter(1, now.plus(config.claimLease())).setParameter(2, now)
                .setParameter(3, config.batchSize()).getResultList();
        List<Claimed> claimed = new ArrayList<>();
        for (Object[] r : rows) {
            claimed.add(new Claimed((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3],
                    ((Number) r[4]).intValue(), (String) r[5], (String) r[6]));
        }
        return claimed;
    }

    /** Sends one claimed delivery and records the outcome; false when another dispatcher had taken it over. */
    private boolean attempt(Claimed delivery) {
        boolean ours = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                UPDATE webhook_delivery SET next_attempt_at = ?1
                 WHERE id = ?2 AND attempts = ?3 AND status IN ('PENDING', 'FAILED')""")
                .setParameter(1, clock.instant().plus(config.claimLease())).setParameter(2, delivery.id())
                .setParameter(3, delivery.attempts()).executeUpdate() == 1);
        if (!ours) {
            return false;
        }
        Attempt outcome = send(delivery);
        QuarkusTransaction.requiringNew().run(() -> record(delivery, outcome));
        return true;
    }

    Attempt send(Claimed delivery) {
        URI target;
        try {
            // Again now: the host may resolve elsewhere than at registration.
            target = guard.check(delivery.url());
        } catch (TargetGuard.Refused refused) {
            return new Attempt(null, "Refused target: url " + refused.getMessage());
        }
        long timestamp = clock.instant().getEpochSecond();
        String id = delivery.id().toString();
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(config.readTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "LearningLog-Webhooks/1")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignatures.sign(delivery.key(), id, timestamp, delivery.body()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body()))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return new Attempt(status, status >= 200 && status < 300 ? null : "HTTP " + status);
        } catch (IOException e) {
            return new Attempt(null, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(null, "Interrupted");
        }
    }

    private void record(Claimed delivery, Attempt outcome) {
        Instant now = clock.instant();
        if (outcome.delivered()) {
            entityManager.createNativeQuery("""
                    UPDATE webhook_delivery SET status = 'DELIVERED', delivered_at = ?1, last_attempt_at = ?1,
                           last_response_code = ?2, last_error = NULL WHERE id = ?3""")
                    .setParameter(1, now).setParameter(2, outcome.status()).setParameter(3, delivery.id())
                    .executeUpdate();
            entityManager.createNativeQuery("UPDATE webhook_endpoint SET consecutive_failures = 0 WHERE id = ?1"
                    + " AND consecutive_failures <> 0").setParameter(1, delivery.endpointId()).executeUpdate();
            return;
        }
        boolean dead = backoff.givesUpAfter(delivery.attempts());
        String error = outcome.error().length() <= MAX_ERROR ? outcome.error()
                : outcome.error().substring(0, MAX_ERROR);
        LOG.warnf("Webhook delivery %s (%s) to endpoint %s, attempt %d, failed%s: %s", delivery.id(),
                delivery.event(), delivery.endpointId(), delivery.attempts(), dead ? " for the last time" : "", error);
        entityManager.createNativeQuery("""
                UPDATE webhook_delivery SET status = ?1, next_attempt_at = ?2, last_attempt_at = ?3,
                       last_response_code = ?4, last_error = ?5 WHERE id = ?6""")
                .setParameter(1, dead ? "DEAD" : "FAILED")
                .setParameter(2, now.plus(backoff.delayAfter(delivery.attempts()))).setParameter(3, now)
                .setParameter(4, outcome.status()).setParameter(5, error).setParameter(6, delivery.id())
                .executeUpdate();
        // Counted under the endpoint's row lock, so racing failures count one by one and exactly one disables it.
        @SuppressWarnings("unchecked")
        List<Object[]> counted = entityManager.createNativeQuery("""
                UPDATE webhook_endpoint SET consecutive_failures = consecutive_failures + 1
                 WHERE id = ?1 RETURNING consecutive_failures, enabled, group_id, url""")
                .setParameter(1, delivery.endpointId()).getResultList();
        if (counted.isEmpty()) {
            return; // deleted meanwhile
        }
        Object[] endpoint = counted.get(0);
        int failures = ((Number) endpoint[0]).intValue();
        if (Boolean.TRUE.equals(endpoint[1]) && failures >= config.disableAfterFailures()) {
            disable(delivery.endpointId(), (UUID) endpoint[2], (String) endpoint[3], failures, error, now);
        }
    }

    private void disable(UUID endpointId, UUID groupId, String url, int failures, String error, Instant now) {
        entityManager.createNativeQuery("UPDATE webhook_endpoint SET enabled = false, disabled_reason = 'FAILING',"
                + " disabled_at = ?2 WHERE id = ?1").setParameter(1, endpointId).setParameter(2, now).executeUpdate();
        LOG.errorf("Disabled webhook endpoint %s of group %s after %d failed attempts in a row: %s", endpointId,
                groupId, failures, error);
        @SuppressWarnings("unchecked")
        List<Object[]> facilitators = entityManager.createNativeQuery("""
                SELECT r.member_id, r.display_name, g.name FROM group_facilitator f
                JOIN member_recipient r ON r.member_id = f.member_id AND r.active
                JOIN group_directory g ON g.group_id = f.group_id
                WHERE f.group_id = ?1 ORDER BY r.member_id""").setParameter(1, groupId).getResultList();
        List<OutboundMail<WebhookDisabled>> mails = facilitators.stream()
                .map(r -> new OutboundMail<>(WebhookDisabled.KIND, (UUID) r[0],
                        "webhook-disabled:" + endpointId + ":" + now.toEpochMilli() + ":" + r[0],
                        new WebhookDisabled((String) r[1], groupId, (String) r[2], endpointId, origin(url), failures,
                                error)))
                .toList();
        outbox.enqueueAll(mails);
    }

    /** Scheme, host and port only: a chat's webhook URL holds its credential in the path, which email must not. */
    static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority() + "/…";
    }
}
