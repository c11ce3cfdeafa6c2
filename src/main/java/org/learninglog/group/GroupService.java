package org.learninglog.group;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.learninglog.api.Cursor;
import org.learninglog.api.Page;
import org.learninglog.api.Problems;
import org.learninglog.identity.Actor;
import org.learninglog.member.Member;

@ApplicationScoped
@Transactional
public class GroupService {

    /** A group's settings as asked for; null fields stay as they are (or take their defaults). */
    public record Settings(String name, String description, DayOfWeek logDay, LocalTime reminderTime,
            DayOfWeek followUpDay, LocalTime followUpTime, boolean clearFollowUp, Boolean archived) {
    }

    /** A group with its number of members. */
    public record Counted(Group group, long memberCount) {
    }

    private final Clock clock;
    private final GroupAccess access;

    GroupService(Clock clock, GroupAccess access) {
        this.clock = clock;
        this.access = access;
    }

    public Counted create(Actor actor, Settings settings) {
        if (!actor.admin()) {
            throw Problems.forbidden("Only administrators may create groups");
        }
        return create(settings);
    }

    /** Creates a group without asking who wants it: for work no person triggers (demo data). */
    public Counted create(Settings settings) {
        Group group = Group.create(GroupRules.name(settings.name()), GroupRules.description(settings.description()),
                clock.instant());
        apply(group, settings);
        group.persist();
        return new Counted(group, 0);
    }

    public Page<Counted> list(Actor actor, Integer limit, String cursor) {
        int size = Page.limit(limit);
        List<String> after = Cursor.decode(cursor, 2);
        String afterName = after == null ? null : after.get(0);
        UUID afterId = after == null ? null : Cursor.uuid(after.get(1));
        List<Group> rows = actor.admin()
                ? Group.pageByName(afterName, afterId, size + 1)
                : Group.pageOfMember(actor.id(), afterName, afterId, size + 1);
        Page<Group> page = Page.of(rows, size, g -> Cursor.encode(g.name, g.id.toString()));
        Map<UUID, Long> counts = Membership.countsByGroup(page.items().stream().map(g -> g.id).toList());
        return page.map(g -> new Counted(g, counts.getOrDefault(g.id, 0L)));
    }

    public Counted get(Actor actor, UUID groupId) {
        Group group = access.visibleGroup(actor, groupId);
        return new Counted(group, Membership.countInGroup(groupId));
    }

    public Counted change(Actor actor, UUID groupId, Settings settings) {
        Group group = access.managedGroup(actor, groupId);
        if (settings.name() != null) {
            group.name = GroupRules.name(settings.name());
        }
        if (settings.description() != null) {
            group.description = GroupRules.description(settings.description());
        }
        if (settings.archived() != null) {
            group.archived = settings.archived();
        }
        apply(group, settings);
        group.updatedAt = clock.instant();
        return new Counted(group, Membership.countInGroup(groupId));
    }

    public Page<Membership.Named> members(Actor actor, UUID groupId, Integer limit, String cursor) {
        access.visibleGroup(actor, groupId);
        int size = Page.limit(limit);
        List<String> after = Cursor.decode(cursor, 2);
        // Names are the member feature's: it pages the group's members by name, the group adds their roles.
        Map<UUID, Membership> memberships = Membership.byMemberIn(groupId);
        List<Membership.Named> rows = Member.pageByNameAmong(memberships.keySet(), after == null ? null : after.get(0),
                after == null ? null : Cursor.uuid(after.get(1)), size + 1).stream()
                .map(m -> new Membership.Named(memberships.get(m.id), m.displayName)).toList();
        return Page.of(rows, size, n -> Cursor.encode(n.displayName(), n.membership().memberId.toString()));
    }

    public Membership.Named addMember(Actor actor, UUID groupId, UUID memberId, Membership.Role role) {
        access.managedGroup(actor, groupId);
        return addMember(groupId, memberId, role);
    }

    /** Adds a member without asking who wants it: for work no person triggers (demo data). */
    public Membership.Named addMember(UUID groupId, UUID memberId, Membership.Role role) {
        Group group = Group.<Group>findByIdOptional(groupId).orElseThrow(() -> Problems.notFound("Group"));
        // Lock the group row so concurrent additions count members one at a time.
        Group.getEntityManager().lock(group, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        Member member = Member.<Member>findByIdOptional(memberId).filter(m -> m.active)
                .orElseThrow(() -> Problems.invalid("memberId", "does not name an active member"));
        if (Membership.isMember(groupId, memberId)) {
            throw Problems.conflict(member.displayName + " is in the group already");
        }
        if (Membership.countInGroup(groupId) >= Group.MAX_MEMBERS) {
            throw Problems.unprocessable("A group has at most " + Group.MAX_MEMBERS + " members");
        }
        Membership membership = new Membership();
        membership.id = UUID.randomUUID();
        membership.groupId = groupId;
        membership.memberId = memberId;
        membership.role = role == null ? Membership.Role.MEMBER : role;
        membership.joinedAt = clock.instant();
        membership.persist();
        return new Membership.Named(membership, member.displayName);
    }

    public Membership.Named changeRole(Actor actor, UUID groupId, UUID memberId, Membership.Role role) {
        access.managedGroup(actor, groupId);
        Membership membership = Membership.find(groupId, memberId).orElseThrow(() -> Problems.notFound("Membership"));
        membership.role = role;
        Member member = Member.findById(memberId);
        return new Membership.Named(membership, member.displayName);
    }

    public void removeMember(Actor actor, UUID groupId, UUID memberId) {
        access.managedGroup(actor, groupId);
        Membership membership = Membership.find(groupId, memberId).orElseThrow(() -> Problems.notFound("Membership"));
        membership.delete();
    }

    private static void apply(Group group, Settings settings) {
        if (settings.logDay() != null) {
            group.logDay = settings.logDay();
        }
        if (settings.reminderTime() != null) {
            group.reminderTime = settings.reminderTime();
        }
        if (settings.clearFollowUp()) {
            group.followUpDay = null;
            group.followUpTime = null;
        }
        if (settings.followUpDay() != null || settings.followUpTime() != null) {
            if (settings.clearFollowUp()) {
                throw Problems.invalid("clearFollowUp", "cannot be combined with a new follow-up");
            }
            group.followUpDay = settings.followUpDay() != null ? settings.followUpDay() : group.followUpDay;
            group.followUpTime = settings.followUpTime() != null ? settings.followUpTime() : group.followUpTime;
        }
        GroupRules.cadence(group);
    }
}
