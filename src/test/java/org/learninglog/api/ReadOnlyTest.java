package org.learninglog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import org.learninglog.TestData;
import org.learninglog.group.Group;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ReadOnlyTest {

    /** A use case that only reads, and one that breaks the promise. */
    @ApplicationScoped
    static class Reads {

        @Inject
        EntityManager entityManager;

        @ReadOnly
        @Transactional
        String persistenceContext() {
            Session session = entityManager.unwrap(Session.class);
            return session.isDefaultReadOnly() + " " + session.getHibernateFlushMode();
        }

        @ReadOnly
        @Transactional
        void rename(UUID groupId, String name) {
            Group.<Group>findById(groupId).name = name;
            entityManager.createNativeQuery("UPDATE learning_group SET description = 'written' WHERE id = ?1")
                    .setParameter(1, groupId).executeUpdate();
        }

        @Transactional
        String groupName(UUID groupId) {
            return Group.<Group>findById(groupId).name + " " + Group.<Group>findById(groupId).description;
        }
    }

    @Inject
    Reads reads;

    @Inject
    TestData data;

    @Test
    void shouldReadInAReadOnlyPersistenceContextThatNeverFlushes() {
        assertEquals("true MANUAL", reads.persistenceContext());
    }

    @Test
    void shouldKeepNothingAReadOnlyUseCaseWrites() {
        String name = "Read only " + TestData.suffix();
        UUID groupId = data.group(name, null);

        reads.rename(groupId, "Renamed");

        assertEquals(name + " null", reads.groupName(groupId));
    }

    @Test
    void shouldRefuseToRunInsideAnotherTransaction() {
        assertThrows(IllegalStateException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> reads.persistenceContext()));
    }
}
