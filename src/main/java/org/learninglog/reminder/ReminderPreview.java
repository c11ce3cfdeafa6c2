package org.learninglog.reminder;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.learninglog.api.Cursor;
import org.learninglog.api.Page;
import org.learninglog.api.Problems;
import org.learninglog.identity.Actor;

/** Who the reminder job would remind at an instant, and why the others not; for administrators. */
@ApplicationScoped
class ReminderPreview {

    record Member(UUID memberId, String displayName, String timeZone, String localTime, String week, String nudge,
            String outcome) {
    }

    record Group(UUID groupId, String groupName, List<Member> members) {
    }

    record Preview(Instant at, Page<Group> page) {
    }

    private final EntityManager entityManager;
    private final ZoneClocks zoneClocks;
    private final Clock clock;

    ReminderPreview(EntityManager entityManager, ZoneClocks zoneClocks, Clock clock) {
        this.entityManager = entityManager;
        this.zoneClocks = zoneClocks;
        this.clock = clock;
    }

    /** Three statements whatever the page size: the zones, a page of groups, their members' outcomes. */
    @Transactional
    Preview preview(Actor actor, Instant requestedAt, UUID groupId, Integer limit, String cursor) {
        if (!actor.admin()) {
            throw Problems.forbidden("Only administrators may preview reminders");
        }
        Instant at = requestedAt == null ? clock.instant() : requestedAt;
        int size = Page.limit(limit);
        List<String> after = Cursor.decode(cursor, 2);
        Page<Group> groups = Page.of(groups(groupId, after, size + 1), size,
                g -> Cursor.encode(g.groupName().toLowerCase(Locale.ROOT), g.groupId().toString()));
        if (groups.items().isEmpty()) {
            return new Preview(at, groups);
        }
        Map<UUID, List<Member>> members = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(ReminderSql.PREVIEW)
                .setParameter("zones", zoneClocks.at(at))
                .setParameter("groupIds", groups.items().stream().map(g -> g.groupId().toString())
                        .collect(Collectors.joining(",")))
                .getResultList();
        for (Object[] row : rows) {
            members.computeIfAbsent(uuid(row[0]), id -> new ArrayList<>()).add(new Member(uuid(row[1]), (String) row[2],
                    (String) row[3], (String) row[4], (String) row[5], (String) row[6], (String) row[7]));
        }
        return new Preview(at, groups.map(g -> new Group(g.groupId(), g.groupName(),
                members.getOrDefault(g.groupId(), List.of()))));
    }

    private List<Group> groups(UUID groupId, List<String> after, int rows) {
        StringBuilder sql = new StringBuilder("SELECT g.id, g.name FROM learning_group g WHERE NOT g.archived");
        if (groupId != null) {
            sql.append(" AND g.id = :groupId");
        }
        if (after != null) {
            sql.append(" AND (lower(g.name) > :afterName OR (lower(g.name) = :afterName AND g.id > :afterId))");
        }
        sql.append(" ORDER BY lower(g.name), g.id LIMIT :rows");
        Query query = entityManager.createNativeQuery(sql.toString()).setParameter("rows", rows);
        if (groupId != null) {
            query.setParameter("groupId", groupId);
        }
        if (after != null) {
            query.setParameter("afterName", after.get(0)).setParameter("afterId", cursorId(after.get(1)));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> found = query.getResultList();
        return found.stream().map(r -> new Group(uuid(r[0]), (String) r[1], List.of())).toList();
    }

    private static UUID uuid(Object value) {
        return value instanceof UUID id ? id : UUID.fromString(value.toString());
    }

    private static UUID cursorId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("cursor", "is not a cursor this list issued");
        }
    }
}
