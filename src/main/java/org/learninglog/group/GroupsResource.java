package org.learninglog.group;

import java.net.URI;
import java.util.UUID;

import jakarta.ws.rs.core.Response;

import org.learninglog.api.contract.GroupsApi;
import org.learninglog.api.contract.model.GroupCreateJson;
import org.learninglog.api.contract.model.GroupPatchJson;
import org.learninglog.api.contract.model.MembershipCreateJson;
import org.learninglog.api.contract.model.MembershipPatchJson;
import org.learninglog.identity.CurrentMember;

import io.quarkus.security.Authenticated;

@Authenticated
class GroupsResource implements GroupsApi {

    private final GroupService groups;
    private final CurrentMember current;

    GroupsResource(GroupService groups, CurrentMember current) {
        this.groups = groups;
        this.current = current;
    }

    @Override
    public Response listGroups(Integer limit, String cursor) {
        return Response.ok(GroupViews.page(groups.list(current.actor(), limit, cursor))).build();
    }

    @Override
    public Response createGroup(GroupCreateJson body) {
        var settings = new GroupService.Settings(body.getName(), body.getDescription(),
                GroupViews.day(body.getLogDay()),
                GroupRules.time("reminderTime", body.getReminderTime()), GroupViews.day(body.getFollowUpDay()),
                GroupRules.time("followUpTime", body.getFollowUpTime()), false, null,
                body.getLanguage() == null ? null : body.getLanguage().toString());
        var created = groups.create(current.actor(), settings);
        return Response.created(URI.create("/api/v1/groups/" + created.id())).entity(GroupViews.of(created))
                .build();
    }

    @Override
    public Response getGroup(UUID groupId) {
        return Response.ok(GroupViews.of(groups.get(current.actor(), groupId))).build();
    }

    @Override
    public Response patchGroup(UUID groupId, GroupPatchJson body) {
        var settings = new GroupService.Settings(body.getName(), body.getDescription(),
                GroupViews.day(body.getLogDay()),
                GroupRules.time("reminderTime", body.getReminderTime()), GroupViews.day(body.getFollowUpDay()),
                GroupRules.time("followUpTime", body.getFollowUpTime()), Boolean.TRUE.equals(body.getClearFollowUp()),
                body.getArchived(), body.getLanguage() == null ? null : body.getLanguage().toString());
        return Response.ok(GroupViews.of(groups.change(current.actor(), groupId, settings))).build();
    }

    @Override
    public Response listGroupMembers(UUID groupId, Integer limit, String cursor) {
        return Response.ok(GroupViews.memberPage(groups.members(current.actor(), groupId, limit, cursor))).build();
    }

    @Override
    public Response addGroupMember(UUID groupId, MembershipCreateJson body) {
        var added = groups.addMember(current.actor(), groupId,
                new GroupService.Newcomer(body.getMemberId(), body.getEmail()), GroupViews.role(body.getRole()));
        return Response.status(Response.Status.CREATED).entity(GroupViews.of(added)).build();
    }

    @Override
    public Response changeGroupMemberRole(UUID groupId, UUID memberId, MembershipPatchJson body) {
        var changed = groups.changeRole(current.actor(), groupId, memberId, GroupViews.role(body.getRole()));
        return Response.ok(GroupViews.of(changed)).build();
    }

    @Override
    public Response removeGroupMember(UUID groupId, UUID memberId) {
        groups.removeMember(current.actor(), groupId, memberId);
        return Response.noContent().build();
    }
}
