package org.learninglog.mail;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Where every email starts: a row in `outbound_email`, written in the caller's transaction, so the email
 * exists exactly when the change that causes it commits. A dedupe key names the email; enqueueing the same
 * key again (a retried request, a second instance, the next reminder run) does nothing.
 */
@ApplicationScoped
public class Outbox {

    /**
     * The insert, around a source query that selects `dedupe_key`, `kind`, `member_id` and `template_data`
     * (jsonb). The recipient address is the member's current email. ON CONFLICT skips keys that are there
     * already, committed or being inserted by a concurrent transaction, through the unique index. (No
     * NOT EXISTS against outbound_email here: the planner may run it as a rescanned sequential scan of a
     * table this very statement is growing, which turns a big insert quadratic. Sources that select many
     * keys which mostly exist already filter them themselves, see ReminderSql.)
     */
    private static final String INSERT = """
            WITH source AS (%s)
            INSERT INTO outbound_email (id, dedupe_key, kind, recipient_member_id, recipient_address, template_data,
                                        status, attempts, next_attempt_at, message_id, created_at)
            SELECT gen_random_uuid(), s.dedupe_key, s.kind, m.id, m.email, s.template_data,
                   'PENDING', 0, CAST(:outboxNow AS timestamptz),
                   '<' || encode(sha256(convert_to(s.dedupe_key, 'UTF8')), 'hex') || '@' || CAST(:outboxDomain AS text) || '>',
                   CAST(:outboxNow AS timestamptz)
            FROM source s
            JOIN member m ON m.id = s.member_id
            ON CONFLICT (dedupe_key) DO NOTHING
            """;

    private static final String ONE = """
            SELECT CAST(:dedupeKey AS text) AS dedupe_key, CAST(:kind AS text) AS kind,
                   CAST(:memberId AS uuid) AS member_id, CAST(:data AS jsonb) AS template_data
            """;

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final PublicLinks links;
    private final Clock clock;

    Outbox(EntityManager entityManager, ObjectMapper json, PublicLinks links, Clock clock) {
        this.entityManager = entityManager;
        this.json = json;
        this.links = links;
        this.clock = clock;
    }

    /**
     * Enqueues one email to a member, in the caller's transaction (there must be one).
     *
     * @param kind      which {@link MailComposer} renders it
     * @param dedupeKey names the email; at most one email is ever sent per key (at most 200 characters)
     * @param data      the template data, serialised to JSON now
     * @return whether the email is new; false when the key was enqueued before
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean enqueue(String kind, UUID memberId, String dedupeKey, Map<String, ?> data) {
        String dataJson;
        try {
            dataJson = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Template data must be serialisable to JSON", e);
        }
        return enqueueAll(ONE, Map.of("dedupeKey", dedupeKey, "kind", kind, "memberId", memberId, "data", dataJson)) == 1;
    }

    /**
     * Enqueues the emails a query selects, in one statement, in the caller's transaction. The query selects
     * `dedupe_key` (text), `kind` (text), `member_id` (uuid) and `template_data` (jsonb), with named
     * parameters (write casts as `CAST(x AS type)`, not `::`).
     *
     * @return how many emails were new
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int enqueueAll(String sourceSql, Map<String, ?> parameters) {
        // The statement reads members (and whatever the source joins): let it see the caller's pending changes.
        entityManager.flush();
        Query insert = entityManager.createNativeQuery(INSERT.formatted(sourceSql))
                .setParameter("outboxNow", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .setParameter("outboxDomain", links.host());
        Map<String, Object> all = new HashMap<>(parameters);
        all.forEach(insert::setParameter);
        return insert.executeUpdate();
    }
}
