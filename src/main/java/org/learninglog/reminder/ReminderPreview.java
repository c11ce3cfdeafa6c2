package org.learninglog.reminder;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
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

    /** A member of a group with what the job would do for them. */
    record Outcome(UUID groupId, Member member) {
    }

    private final ReminderQueries queries;
    private final Clock clock;

    ReminderPreview(ReminderQueries queries, Clock clock) {
        this.queries = queries;
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
        String afterName = after == null ? null : after.get(0);
        UUID afterId = after == null ? null : cursorId(after.get(1));
        Page<Group> groups = Page.of(queries.openGroups(groupId, afterName, afterId, size + 1), size,
                g -> Cursor.encode(g.groupName().toLowerCase(Locale.ROOT), g.groupId().toString()));
        if (groups.items().isEmpty()) {
            return new Preview(at, groups);
        }
        Map<UUID, List<Member>> members = new LinkedHashMap<>();
        List<UUID> groupIds = groups.items().stream().map(Group::groupId).toList();
        for (Outcome outcome : queries.outcomes(queries.zoneClocks(at), groupIds)) {
            members.computeIfAbsent(outcome.groupId(), id -> new ArrayList<>()).add(outcome.member());
        }
        return new Preview(at, groups.map(g -> new Group(g.groupId(), g.groupName(),
                members.getOrDefault(g.groupId(), List.of()))));
    }

    private static UUID cursorId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("cursor", "is not a cursor this list issued");
        }
    }
}
