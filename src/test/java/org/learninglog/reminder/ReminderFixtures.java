package org.learninglog.reminder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;
import org.learninglog.TestData.TestMember;
import org.learninglog.mail.MailDispatcher;
import org.learninglog.mail.OutboundEmail;
import org.learninglog.mail.PublicLinks;

/**
 * Test data the reminder and mail tests need beyond {@link org.learninglog.TestData}: entries written with
 * plain SQL (the entry API lives elsewhere), member and group settings, and a look at the outbox.
 */
@ApplicationScoped
public class ReminderFixtures {

    /** One outbox row, as the tests look at it; its Message-ID is the one the dispatcher sends it with. */
    public record OutboxRow(String kind, String dedupeKey, String status, int attempts, Instant nextAttemptAt,
            String lastError, String messageId) {
    }

    private final EntityManager entityManager;
    private final MailDispatcher dispatcher;
    private final PublicLinks links;

    ReminderFixtures(EntityManager entityManager, MailDispatcher dispatcher, PublicLinks links) {
        this.entityManager = entityManager;
        this.dispatcher = dispatcher;
        this.links = links;
    }

    /** The member posted their entry for that week. */
    @Transactional
    public UUID post(UUID groupId, UUID memberId, String week) {
        return insertEntry(groupId, memberId, week, null, false);
    }

    /** The member posted an entry with a question, answered or not. */
    @Transactional
    public UUID postWithQuestion(UUID groupId, UUID memberId, String week, String question, boolean answered) {
        return insertEntry(groupId, memberId, week, question, answered);
    }

    @Transactional
    public void delete(UUID entryId) {
        entityManager.createNativeQuery("UPDATE entry SET deleted_at = now() WHERE id = :id")
                .setParameter("id", entryId).executeUpdate();
    }

    @Transactional
    public void awayUntil(UUID memberId, LocalDate firstDayBack) {
        entityManager.createNativeQuery("UPDATE member SET away_until = :day WHERE id = :id")
                .setParameter("day", firstDayBack).setParameter("id", memberId).executeUpdate();
    }

    @Transactional
    public void reminders(UUID memberId, boolean wanted) {
        entityManager.createNativeQuery("UPDATE member SET reminders = :wanted WHERE id = :id")
                .setParameter("wanted", wanted).setParameter("id", memberId).executeUpdate();
    }

    @Transactional
    public void deactivate(UUID memberId) {
        entityManager.createNativeQuery("UPDATE member SET active = false WHERE id = :id")
                .setParameter("id", memberId).executeUpdate();
    }

    @Transactional
    public void cadence(UUID groupId, DayOfWeek logDay, LocalTime reminderTime, DayOfWeek followUpDay,
            LocalTime followUpTime) {
        entityManager.createNativeQuery("""
                UPDATE learning_group SET log_day = :logDay, reminder_time = :reminderTime,
                       follow_up_day = :followUpDay, follow_up_time = :followUpTime WHERE id = :id""")
                .unwrap(NativeQuery.class)
                .setParameter("logDay", logDay.name())
                .setParameter("reminderTime", reminderTime, LocalTime.class)
                .setParameter("followUpDay", followUpDay == null ? null : followUpDay.name(), String.class)
                .setParameter("followUpTime", followUpTime, LocalTime.class)
                .setParameter("id", groupId)
                .executeUpdate();
    }

    @Transactional
    public void archive(UUID groupId) {
        entityManager.createNativeQuery("UPDATE learning_group SET archived = true WHERE id = :id")
                .setParameter("id", groupId).executeUpdate();
    }

    /**
     * Enqueues a reminder under this key on the caller's connection, in its transaction if it has one open: the
     * scan's rival, or a reminder as an older version keyed it.
     */
    public static void enqueueReminder(Connection connection, String key, TestMember to) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO outbound_email (id, dedupe_key, kind, recipient_member_id, recipient_address,
                                            next_attempt_at, created_at)
                VALUES (gen_random_uuid(), ?, 'REMINDER', ?, ?, now(), now())""")) {
            insert.setString(1, key);
            insert.setObject(2, to.id());
            insert.setString(3, to.email());
            insert.executeUpdate();
        }
    }

    /** The member's outbox rows, oldest first. */
    @Transactional
    public List<OutboxRow> outbox(UUID memberId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT kind, dedupe_key, status, attempts, next_attempt_at, last_error
                FROM outbound_email WHERE recipient_member_id = :id ORDER BY created_at, dedupe_key""")
                .setParameter("id", memberId).getResultList();
        return rows.stream().map(r -> new OutboxRow((String) r[0], (String) r[1], (String) r[2],
                ((Number) r[3]).intValue(), instant(r[4]), (String) r[5],
                OutboundEmail.messageId((String) r[1], links.host()))).toList();
    }

    /** Runs the dispatcher until nothing is due any more; returns how many rows it attempted. */
    public int deliverAll() {
        int total = 0;
        for (int round = 0; round < 100; round++) {
            int attempted = dispatcher.dispatchDue();
            if (attempted == 0) {
                return total;
            }
            total += attempted;
        }
        throw new AssertionError("The outbox did not drain");
    }

    private UUID insertEntry(UUID groupId, UUID memberId, String week, String question, boolean answered) {
        UUID id = UUID.randomUUID();
        entityManager.createNativeQuery("""
                INSERT INTO entry (id, group_id, member_id, week, tried, failed, question, reply_count, created_at, updated_at)
                VALUES (:id, :groupId, :memberId, :week, 'Tried something', 'Something failed', :question,
                        :replies, now(), now())""")
                .unwrap(NativeQuery.class)
                .setParameter("id", id)
                .setParameter("groupId", groupId)
                .setParameter("memberId", memberId)
                .setParameter("week", week)
                .setParameter("question", question, String.class)
                .setParameter("replies", answered ? 1 : 0)
                .executeUpdate();
        if (answered) {
            // The accepted answer is a reply in the entry's own thread (here by its author, for brevity).
            UUID replyId = UUID.randomUUID();
            entityManager.createNativeQuery("""
                    INSERT INTO reply (id, entry_id, member_id, body, created_at) VALUES (:reply, :entry, :member, 'An answer', now())
                    """).setParameter("reply", replyId).setParameter("entry", id).setParameter("member", memberId)
                    .executeUpdate();
            entityManager.createNativeQuery("UPDATE entry SET accepted_reply_id = :reply WHERE id = :entry")
                    .setParameter("reply", replyId).setParameter("entry", id).executeUpdate();
        }
        return id;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }
}
