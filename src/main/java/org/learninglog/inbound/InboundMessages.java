package org.learninglog.inbound;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.learninglog.api.Keyset;
import org.learninglog.api.Page;
import org.learninglog.api.Problems;
import org.learninglog.api.ReadOnly;
import org.learninglog.identity.Actor;

/** The administrators' view of received emails: who sent what became of each, never the text. */
@ApplicationScoped
public class InboundMessages {

    /** One received message as administrators see it. */
    public record Received(UUID id, String messageId, InboundMail.Source source, String from,
            InboundMail.Status status, String reason, UUID memberId, UUID entryId, UUID replyId, Instant receivedAt,
            Instant processedAt) {
    }

    private final EntityManager entityManager;

    InboundMessages(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    static void requireAdmin(Actor actor) {
        if (!actor.admin()) {
            throw Problems.forbidden("Only administrators may hand in or list received emails");
        }
    }

    @ReadOnly
    public Page<Received> list(Actor actor, InboundMail.Status status, Integer limit, String cursor) {
        requireAdmin(actor);
        Keyset keyset = Keyset.of(cursor, limit, Keyset.Key.instant("m.received_at").descending(),
                Keyset.Key.uuid("m.id").descending());
        String filter = status == null ? "" : " AND m.status = :status";
        var query = entityManager.createNativeQuery("SELECT m.id, m.message_id, m.source, m.from_address, m.status,"
                + " m.reason, m.member_id, m.entry_id, m.reply_id, m.received_at, m.processed_at"
                + " FROM inbound_message m WHERE true" + filter + keyset.and() + " ORDER BY " + keyset.orderBy())
                .setMaxResults(keyset.fetchSize());
        if (status != null) {
            query.setParameter("status", status.name());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = keyset.bind(query).getResultList();
        List<Received> received = rows.stream().map(InboundMessages::received).toList();
        return keyset.page(received, r -> List.of(r.receivedAt(), r.id()));
    }

    /** One message by id, for the answer to handing it in. */
    @ReadOnly
    public Received get(UUID id) {
        Object[] row = (Object[]) entityManager.createNativeQuery("SELECT m.id, m.message_id, m.source,"
                + " m.from_address, m.status, m.reason, m.member_id, m.entry_id, m.reply_id, m.received_at,"
                + " m.processed_at FROM inbound_message m WHERE m.id = ?1").setParameter(1, id).getSingleResult();
        return received(row);
    }

    private static Received received(Object[] r) {
        return new Received((UUID) r[0], (String) r[1], InboundMail.Source.valueOf((String) r[2]), (String) r[3],
                InboundMail.Status.valueOf((String) r[4]), (String) r[5], (UUID) r[6], (UUID) r[7], (UUID) r[8],
                instant(r[9]), instant(r[10]));
    }

    private static Instant instant(Object value) {
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
