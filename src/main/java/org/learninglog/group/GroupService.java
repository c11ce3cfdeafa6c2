package org.learninglog.group;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.learninglog.api.Page;
import org.learninglog.api.Problems;
import org.learninglog.identity.Actor;
import org.learninglog.member.Member;
import org.learninglog.member.MemberRules;

/**
 * Groups and their membership. Every change of a group or its membership locks the group's row first
 * ({@link GroupAccess#managedGroup}), so the rules that span the membership hold whatever the interleaving: at
 * most {@link Group#MAX_MEMBERS} members, and a group with members keeps at least one facilitator.
 */
@ApplicationScoped
@Transactional
public class GroupService {

    /** A group's settings as asked for; null fields stay as they are (or take their defaults). */
    public record Settings(String name, String description, DayOfWeek logDay, LocalTime reminderTime,
            DayOfWeek followUpDay, LocalTime followUpTime, boolean clearFollowUp, Boolean archived, String language) {
    }

    /**
     * Raised in the transaction that adds a member to a group through the API, so they are told which group it
     * is and when its log day comes, with the membership.
     */
    public record AddedToGroup(UUID groupId, String groupName, String description, DayOfWeek logDay,
            LocalTime reminderTime, UUID memberId) {
    }

    /** Whom to add to a group: a member by id, or by email address (exactly one of the two). */
    public record Newcomer(UUID memberId, String email) {
    }

    private final Clock clock;
    private final GroupAccess access;
    private final Event<AddedToGroup> added;

    GroupService(Clock clock, GroupAccess access, Event<AddedToGroup> added) {
        this.clock = clock;
        this.access = access;
        this.added = added;
    }

    public GroupSummary create(Actor actor, Settings settings) {
        if (!actor.admin()) {
            throw Problems.forbidden("Only administrators may create groups");
        }
        return create(settings);
    }

    /** Creates a group without asking who wants it: for work no person triggers (demo data). */
    public GroupSummary create(Settings settings) {
        Group group = Group.create(GroupRules.name(settings.name()), GroupRules.description(settings.description()),
                clock.instant());
        apply(group, settings);
        group.persist();
        return GroupSummary.of(group, 0);
    }

    public Page<GroupSummary> list(Actor actor, Integer limit, String cursor) {
        Page<Group> page = actor.admin()
                ? Group.pageByName(cursor, limit)
                : Group.pageOfMember(actor.id(), cursor, limit);
        Map<UUID, Long> counts = Membership.countsByGroup(page.items().stream().map(g -> g.id).toList());
        return page.map(g -> GroupSummary.of(g, counts.getOrDefault(g.id, 0L)));
    }

    public GroupSummary get(Actor actor, UUID groupId) {
        Group group = access.visibleGroup(actor, groupId);
        return GroupSummary.of(group, Membership.countInGroup(groupId));
    }

    public GroupSummary change(Actor actor, UUID groupId, Settings settings) {
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
        return GroupSummary.of(group, Membership.countInGroup(groupId));
    }

    public Page<GroupMember> members(Actor actor, UUID groupId, Integer limit, String cursor) {
        access.visibleGroup(actor, groupId);
        return Membership.pageOfGroup(groupId, cursor, limit);
    }

    /**
     * Adds a member, named by id or by email. Administrators may name anyone; a facilitator names by id only the
     * members they share a group with (anyone else answers like an unknown id), and anyone else by email
     * address, which they must know already: nobody browses the organisation's people through a group. A group
     * without a facilitator gets one first: the role defaults to facilitator there, and a plain member is refused.
     */
    public GroupMember addMember(Actor actor, UUID groupId, Newcomer newcomer, Membership.Role role) {
        Group group = access.managedGroup(actor, groupId);
        Member member = newcomer(actor, newcomer);
        boolean hasFacilitator = Membership.countFacilitators(groupId) > 0;
        Membership.Role granted = role != null ? role
                : hasFacilitator ? Membership.Role.MEMBER : Membership.Role.FACILITATOR;
        if (!hasFacilitator && granted != Membership.Role.FACILITATOR) {
            throw Problems.unprocessable("The group has no facilitator yet: add its facilitator first,"
                    + " or make one of its members facilitator");
        }
        GroupMember joined = add(group, member, granted);
        added.fire(new AddedToGroup(group.id, group.name, group.description, group.logDay, group.reminderTime,
                member.id));
        return joined;
    }

    /** Adds a member without asking who wants it: for work no person triggers (demo data, tests' set-up). */
    public GroupMember addMember(UUID groupId, UUID memberId, Membership.Role role) {
        Group group = Group.<Group>findByIdOptional(groupId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> Problems.notFound("Group"));
        Member member = Member.<Member>findByIdOptional(memberId).filter(m -> m.active)
                .orElseThrow(() -> Problems.invalid("memberId", "does not name an active member"));
        return add(group, member, role == null ? Membership.Role.MEMBER : role);
    }

    /** Changes a member's role; the group's last facilitator stays one (422), whoever asks. */
    public GroupMember changeRole(Actor actor, UUID groupId, UUID memberId, Membership.Role role) {
        access.managedGroup(actor, groupId);
        Membership membership = Membership.find(groupId, memberId).orElseThrow(() -> Problems.notFound("Membership"));
        Member member = Member.findById(memberId);
        if (membership.role == Membership.Role.FACILITATOR && role != Membership.Role.FACILITATOR
                && Membership.countFacilitators(groupId) == 1) {
            throw lastFacilitator(member);
        }
        membership.role = role;
        return new GroupMember(memberId, member.displayName, membership.role, membership.joinedAt);
    }

    /**
     * Removes a member; what they wrote stays. The last facilitator of a group that keeps other members stays
     * (422), whoever asks; the last member of all may go.
     */
    public void removeMember(Actor actor, UUID groupId, UUID memberId) {
        access.managedGroup(actor, groupId);
        Membership membership = Membership.find(groupId, memberId).orElseThrow(() -> Problems.notFound("Membership"));
        if (membership.role == Membership.Role.FACILITATOR && Membership.countFacilitators(groupId) == 1
                && Membership.countInGroup(groupId) > 1) {
            throw lastFacilitator(Member.findById(memberId));
        }
        membership.delete();
    }

    /** Called with the group's row locked, so the counts hold until the transaction ends. */
    private GroupMember add(Group group, Member member, Membership.Role role) {
        if (Membership.isMember(group.id, member.id)) {
            throw Problems.conflict(member.displayName + " is in the group already");
        }
        if (Membership.countInGroup(group.id) >= Group.MAX_MEMBERS) {
            throw Problems.unprocessable("A group has at most " + Group.MAX_MEMBERS + " members");
        }
        Membership membership = new Membership();
        membership.id = UUID.randomUUID();
        membership.groupId = group.id;
        membership.memberId = member.id;
        membership.role = role;
        membership.joinedAt = clock.instant();
        membership.persist();
        return new GroupMember(member.id, member.displayName, membership.role, membership.joinedAt);
    }

    private static Member newcomer(Actor actor, Newcomer newcomer) {
        if ((newcomer.memberId() == null) == (newcomer.email() == null)) {
            throw Problems.invalid(newcomer.memberId() == null ? "memberId" : "email",
                    newcomer.memberId() == null ? "name the member by memberId or by email"
                            : "name the member by memberId or by email, not both");
        }
        if (newcomer.email() != null) {
            String email = MemberRules.email(newcomer.email());
            return Member.findByEmail(email).filter(m -> m.active)
                    .orElseThrow(() -> Problems.invalid("email", "is not the address of an active member"));
        }
        // An id the caller may not see answers like an unknown one, so probing ids tells nothing.
        Optional<Member> member = Member.<Member>findByIdOptional(newcomer.memberId()).filter(m -> m.active)
                .filter(m -> actor.admin() || Member.shareAGroup(actor.id(), m.id));
        return member.orElseThrow(() -> Problems.invalid("memberId", actor.admin() ? "does not name an active member"
                : "does not name an active member of your groups; add anyone else by email"));
    }

    private static RuntimeException lastFacilitator(Member member) {
        return Problems.unprocessable(member.displayName + " is the group's last facilitator;"
                + " make another member facilitator first");
    }

    private static void apply(Group group, Settings settings) {
        if (settings.language() != null) {
            group.language = settings.language();
        }
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
