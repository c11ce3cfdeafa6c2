package org.learninglog.webhook;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** What tests set up or read of the webhook tables directly. */
@ApplicationScoped
@Transactional
public class WebhookFixtures {

    private final EntityManager entityManager;

    WebhookFixtures(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Points an endpoint elsewhere behind the API's back: as if its host's DNS had changed since registration. */
    void moveTarget(UUID endpointId, String url) {
        entityManager.createNativeQuery("UPDATE webhook_endpoint SET url = ?2 WHERE id = ?1")
                .setParameter(1, endpointId).setParameter(2, url).executeUpdate();
    }

    /** The statuses of an endpoint's deliveries, oldest first. */
    @SuppressWarnings("unchecked")
    List<String> statuses(UUID endpointId) {
        return entityManager.createNativeQuery("SELECT status FROM webhook_delivery WHERE endpoint_id = ?1"
                + " ORDER BY created_at, id").setParameter(1, endpointId).getResultList();
    }

    String lastError(UUID endpointId) {
        List<?> errors = entityManager.createNativeQuery("SELECT last_error FROM webhook_delivery"
                + " WHERE endpoint_id = ?1 ORDER BY created_at DESC LIMIT 1").setParameter(1, endpointId)
                .getResultList();
        return errors.isEmpty() ? null : (String) errors.get(0);
    }

    void language(UUID memberId, String language) {
        entityManager.createNativeQuery("UPDATE member SET language = ?2 WHERE id = ?1").setParameter(1, memberId)
                .setParameter(2, language).executeUpdate();
    }
}
