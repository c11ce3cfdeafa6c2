package org.learninglog.member;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Makes the given members the service's only active administrators for a test (every other active
 * administrator, the bootstrap one included, becomes a plain member), and gives the others their role back after.
 */
@ApplicationScoped
public class Administrators {

    private final EntityManager entityManager;

    Administrators(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The administrators demoted, for {@link #restore}. */
    @Transactional
    public List<UUID> keepOnly(UUID... admins) {
        @SuppressWarnings("unchecked")
        List<Object> demoted = entityManager.createNativeQuery("UPDATE member SET role = 'MEMBER'"
                + " WHERE role = 'ADMIN' AND active AND NOT (id = ANY (CAST(string_to_array(:keep, ',') AS uuid[])))"
                + " RETURNING id")
                .setParameter("keep", String.join(",", Arrays.stream(admins).map(UUID::toString).toList()))
                .getResultList();
        return demoted.stream().map(id -> id instanceof UUID u ? u : UUID.fromString(id.toString())).toList();
    }

    @Transactional
    public void restore(List<UUID> demoted) {
        for (UUID id : demoted) {
            entityManager.createNativeQuery("UPDATE member SET role = 'ADMIN' WHERE id = :id").setParameter("id", id)
                    .executeUpdate();
        }
    }
}
