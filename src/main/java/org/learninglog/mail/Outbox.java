package org.learninglog.mail;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Where every email starts: a row in `outbound_email`, written in the caller's transaction, so the email
 * exists exactly when the change that causes it commits. A dedupe key names the email; enqueueing the same
 * key again (a retried request, a second instance, the next reminder run) does nothing.
 */
@ApplicationScoped
public class Outbox {

    /**
     * The emails of a batch, one array per column, to their members' current addresses and in their current
     * languages (from the member feature's `member_recipient`). ON CONFLICT skips keys that are there already, committed or being
     * inserted by a concurrent transaction, through the unique index. (No NOT EXISTS against outbound_email
     * here: callers that select many keys which mostly exist already leave them out themselves through
     * `mail_enqueued`, see the reminder scan.)
     */
    /**
     * A new row's id: a version 7 UUID (RFC 9562), the milliseconds of `clock_timestamp()` then random bits, so
     * rows inserted together get neighbouring ids and the primary key grows at its right edge, instead of dirtying a
     * random leaf page (and writing its full-page image to the WAL after each checkpoint) for every row: the reminder
     * scan inserts 760,000 in a few statements. Ids stay unguessable (74 random bits) and tell no more than
     * `created_at`.
     */
    private static final String NEW_ID = "CAST(encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing"
            + " substring(int8send(CAST(floor(extract(epoch FROM clock_timestamp()) * 1000) AS bigint)) FROM 3)"
            + " FROM 1 FOR 6), 52, 1), 53, 1), 'hex') AS uuid)";

    private static final String INSERT = """
            INSERT INTO outbound_email (id, dedupe_key, kind, recipient_member_id, recipient_address, template_data,
                                        language, status, attempts, next_attempt_at, created_at)
            SELECT %s, b.dedupe_key, b.kind, r.member_id, r.email, CAST(b.data AS jsonb),
                   r.language, 'PENDING', 0, ?, ?
            FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS uuid[]), CAST(? AS text[]))
                 AS b(dedupe_key, kind, member_id, data)
            JOIN member_recipient r ON r.member_id = b.member_id
            ON CONFLICT (dedupe_key) DO NOTHING
            """.formatted(NEW_ID);

    /**
     * The emails a caller's SELECT names, `%2$s` being that SELECT: it yields `dedupe_key`, `kind`, `member_id`,
     * `address` and `language` (the member's current ones, from `member_recipient`) and `data` (jsonb, as
     * {@link MailKind#write} would write it). Same rows as {@link #INSERT}, built in the database. The caller reads
     * the recipient with the rest: joining `member_recipient` again here hashed the whole member table once more
     * for every slice of the reminder scan. No `ON CONFLICT`: the caller leaves out what is enqueued already, and
     * checking every row against the unique index once more cost a sixth of the scan (decision 140). A key enqueued by
     * someone else meanwhile still cannot be stored twice: the unique index fails the statement.
     */
    private static final String INSERT_SELECTED = """
            INSERT INTO outbound_email (id, dedupe_key, kind, recipient_member_id, recipient_address, template_data,
                                        language, status, attempts, next_attempt_at, created_at)
            SELECT %1$s, b.dedupe_key, b.kind, b.member_id, b.address, b.data,
                   b.language, 'PENDING', 0, :outboxNow, :outboxNow
            FROM (%2$s) AS b
            """;

    /** The unique index that names an email by its dedupe key. */
    private static final String DEDUPE_KEY_INDEX = "outbound_email_dedupe_key";

    /**
     * A key the caller's SELECT named was enqueued by another transaction after the statement began (or is being
     * enqueued by one still open): nothing was written, and the caller's transaction can only roll back. A new attempt
     * sees that email and leaves it out.
     */
    public static class AlreadyEnqueued extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AlreadyEnqueued(Throwable cause) {
            super("An email the statement selected was enqueued meanwhile", cause);
        }
    }

    private final EntityManager entityManager;
    private final Clock clock;

    Outbox(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /**
     * Enqueues one email to a member, in the caller's transaction (there must be one).
     *
     * @return whether the email is new; false when its key was enqueued before
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean enqueue(OutboundMail<?> mail) {
        return enqueueAll(List.of(mail)) == 1;
    }

    /**
     * When the last email of a kind to a member was enqueued, if ever: for emails a person may ask for again,
     * such as an invitation, that are not sent twice within a short time.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Instant> lastEnqueued(MailKind<?> kind, UUID recipientId) {
        Object last = entityManager.createNativeQuery("SELECT max(created_at) FROM outbound_email"
                + " WHERE kind = :kind AND recipient_member_id = :recipient")
                .setParameter("kind", kind.name())
                .setParameter("recipient", recipientId)
                .getSingleResult();
        return Optional.ofNullable(last).map(value -> value instanceof OffsetDateTime time ? time.toInstant()
                : value instanceof java.sql.Timestamp stamp ? stamp.toInstant() : (Instant) value);
    }

    /**
     * Enqueues a batch of emails in one statement, in the caller's transaction (there must be one). Callers
     * with very many emails hand them over in batches of a few thousand.
     *
     * @return how many emails were new
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int enqueueAll(List<? extends OutboundMail<?>> mails) {
        if (mails.isEmpty()) {
            return 0;
        }
        int size = mails.size();
        String[] keys = new String[size];
        String[] kinds = new String[size];
        Object[] members = new Object[size];
        String[] data = new String[size];
        for (int i = 0; i < size; i++) {
            OutboundMail<?> mail = mails.get(i);
            keys[i] = mail.dedupeKey();
            kinds[i] = mail.kind().name();
            members[i] = mail.recipientId();
            data[i] = mail.json();
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        // The statement reads members: let it see the caller's pending changes (a member created just now).
        entityManager.flush();
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setObject(1, now);
                insert.setObject(2, now);
                insert.setArray(3, connection.createArrayOf("text", keys));
                insert.setArray(4, connection.createArrayOf("text", kinds));
                insert.setArray(5, connection.createArrayOf("uuid", members));
                insert.setArray(6, connection.createArrayOf("text", data));
                return insert.executeUpdate();
            }
        });
    }

    /**
     * Enqueues the emails a SELECT names, in one statement that never leaves the database, in the caller's
     * transaction (there must be one): for jobs that enqueue hundreds of thousands at once (the reminder scan).
     * The SELECT yields `dedupe_key`, `kind`, `member_id`, `address` and `language` (the recipient's current ones,
     * from `member_recipient`, which leaves out erased members) and `data` (jsonb in the kind's format: every
     * component of its record, nulls included); its named parameters are bound by {@code parameters}. It must leave
     * out the keys enqueued already (through `mail_enqueued`), and no other enqueue of its keys should run at the
     * same time (the reminder scan holds a lock per slice).
     *
     * @return how many emails were enqueued
     * @throws AlreadyEnqueued when one of the keys was enqueued meanwhile after all
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int enqueueSelected(String select, Consumer<Query> parameters) {
        entityManager.flush();
        Query insert = entityManager.createNativeQuery(INSERT_SELECTED.formatted(NEW_ID, select))
                .setParameter("outboxNow", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        parameters.accept(insert);
        try {
            return insert.executeUpdate();
        } catch (PersistenceException e) {
            if (violatesTheDedupeKey(e)) {
                throw new AlreadyEnqueued(e);
            }
            throw e;
        }
    }

    private static boolean violatesTheDedupeKey(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation
                    && DEDUPE_KEY_INDEX.equals(violation.getConstraintName())) {
                return true;
            }
        }
        return false;
    }

    /** An email as it was enqueued, and when: what a reply to it refers to. */
    public record Stored(OutboundEmail email, Instant enqueuedAt) {
    }

    /** The email enqueued with this id, if it is still in the outbox. */
    Optional<Stored> find(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT o.id, o.kind, o.recipient_member_id, o.recipient_address, CAST(o.template_data AS text),
                       o.dedupe_key, o.attempts, o.language, o.created_at
                FROM outbound_email o WHERE o.id = ?1""").setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(r -> new Stored(new OutboundEmail((UUID) r[0], (String) r[1],
                (UUID) r[2], (String) r[3], (String) r[4], (String) r[5], ((Number) r[6]).intValue(),
                (String) r[7]), instant(r[8])));
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
