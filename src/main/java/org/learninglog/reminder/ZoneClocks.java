package org.learninglog.reminder;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.learninglog.time.Week;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * The local clock of every time zone members live in, at one instant: local date-time, the Monday and
 * ISO week it falls in, and the week before. Computed with java.time, the same time-zone rules that
 * validated the members' zones, once per zone rather than once per member, and handed to the reminder SQL
 * as a small JSON table (`zone_clock`). A zone PostgreSQL's own tz database lacked could otherwise fail the
 * whole set-based statement for everyone.
 */
@ApplicationScoped
class ZoneClocks {

    private static final Logger LOG = Logger.getLogger(ZoneClocks.class);

    /** The `zone_clock` table the reminder SQL joins members to, from the `:zones` parameter. */
    static final String CTE = """
            zone_clock AS (
                SELECT z.time_zone, z.local_now, z.monday, z.week, z.previous_week
                FROM jsonb_to_recordset(CAST(:zones AS jsonb))
                     AS z(time_zone text, local_now timestamp, monday date, week text, previous_week text)
            )""";

    private final EntityManager entityManager;
    private final ObjectMapper json;

    ZoneClocks(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /** The `:zones` parameter for every zone a member lives in. */
    String at(Instant instant) {
        @SuppressWarnings("unchecked")
        List<String> zones = entityManager.createNativeQuery("SELECT DISTINCT time_zone FROM member").getResultList();
        ArrayNode table = json.createArrayNode();
        for (String zone : zones) {
            ZoneId id;
            try {
                id = ZoneId.of(zone);
            } catch (DateTimeException e) {
                LOG.warnf("Members with the unknown time zone %s get no reminders", zone);
                continue;
            }
            LocalDateTime local = LocalDateTime.ofInstant(instant, id).truncatedTo(ChronoUnit.MICROS);
            LocalDate date = local.toLocalDate();
            Week week = Week.of(date);
            table.addObject()
                    .put("time_zone", zone)
                    .put("local_now", local.toString())
                    .put("monday", week.monday().toString())
                    .put("week", week.toString())
                    .put("previous_week", week.previous().toString());
        }
        return table.toString();
    }
}
