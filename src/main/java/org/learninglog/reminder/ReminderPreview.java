package org.learninglog.reminder;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.learninglog.api.Page;
import org.learninglog.api.Problems;
import org.learninglog.group.GroupAccess;
import org.learninglog.identity.Actor;

/** Who the reminder job would remind at an instant, and why the others not; for administrators and, for their own group, facilitators. */
@ApplicationScoped
class ReminderPreview {

    /** What the job would do for one member of a group. */
    record MemberPreview(UUID memberId, String displayName, String timeZone, String localTime, String week,
            String nudge, String outcome) {
    }

    /** One group of the preview with its members, by name. */
    record GroupPreview(UUID groupId, String groupName, List<MemberPreview> members) {
    }

    /** A page of the preview at the instant it was made for. */
    record Preview(Instant at, List<GroupPreview> items, String nextCursor) {
    }

    private final ReminderQueries queries;
    private final GroupAccess groups;
    private final Clock clock;

    ReminderPreview(ReminderQueries queries, GroupAccess groups, Clock clock) {
        this.queries = queries;
        this.groups = groups;
        this.clock = clock;
    }

    /** Three statements whatever the page size: the zones, a page of groups, their members' outcomes. */
    @Transactional
    Preview preview(Actor actor, Instant requestedAt, UUID groupId, Integer limit, String cursor) {
        if (!actor.admin()) {
            // A facilitator previews their own group only, named by groupId.
            if (groupId == null) {
                throw Problems.forbidden("Only administrators may preview reminders of every group;"
                        + " a facilitator names their group with groupId");
            }
            groups.facilitatorAccess(actor, groupId);
        }
        Instant at = requestedAt == null ? clock.instant() : requestedAt;
        Page<ReminderQueries.OpenGroup> groups = queries.openGroups(groupId, cursor, limit);
        if (groups.items().isEmpty()) {
            return new Preview(at, List.of(), groups.nextCursor());
        }
        Map<UUID, List<MemberPreview>> members = queries.outcomes(queries.zoneClocks(at),
                groups.items().stream().map(ReminderQueries.OpenGroup::groupId).toList());
        List<GroupPreview> items = groups.items().stream().map(g -> new GroupPreview(g.groupId(), g.name(),
                members.getOrDefault(g.groupId(), List.of()))).toList();
        return new Preview(at, items, groups.nextCursor());
    }
}
