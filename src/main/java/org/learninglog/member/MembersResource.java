package org.learninglog.member;

import java.net.URI;
import java.util.UUID;

import jakarta.ws.rs.core.Response;

import org.learninglog.api.contract.MembersApi;
import org.learninglog.api.contract.model.MemberCreateJson;
import org.learninglog.api.contract.model.MemberPatchJson;
import org.learninglog.api.contract.model.TokenCreateJson;
import org.learninglog.identity.CurrentMember;

import io.quarkus.security.Authenticated;

@Authenticated
class MembersResource implements MembersApi {

    private final MemberService members;
    private final CurrentMember current;

    MembersResource(MemberService members, CurrentMember current) {
        this.members = members;
        this.current = current;
    }

    @Override
    public Response listMembers(Integer limit, String cursor) {
        return Response.ok(MemberViews.page(members.list(current.actor(), limit, cursor))).build();
    }

    @Override
    public Response createMember(MemberCreateJson body, String acceptLanguage) {
        MemberProfile member = members.create(current.actor(), new MemberService.Newcomer(body.getDisplayName(),
                body.getEmail(), body.getTimeZone(), body.getLanguage(), MemberViews.role(body.getRole()),
                acceptLanguage));
        return Response.created(URI.create("/api/v1/members/" + member.id())).entity(MemberViews.of(member)).build();
    }

    @Override
    public Response getMember(UUID memberId) {
        return Response.ok(MemberViews.of(members.get(current.actor(), memberId))).build();
    }

    @Override
    public Response patchMember(UUID memberId, MemberPatchJson patch) {
        var changes = new MemberService.AdminChange(patch.getDisplayName(), patch.getEmail(), patch.getTimeZone(),
                patch.getLanguage(), MemberViews.role(patch.getRole()), patch.getActive());
        return Response.ok(MemberViews.of(members.change(current.actor(), memberId, changes))).build();
    }

    @Override
    public Response resendInvitation(UUID memberId) {
        members.resendInvitation(current.actor(), memberId);
        return Response.accepted().build();
    }

    @Override
    public Response issueMemberToken(UUID memberId, TokenCreateJson body) {
        var issued = members.issueToken(current.actor(), memberId, body.getName());
        // No Location: the token is reachable only under the member's own /me/tokens, which for the
        // administrator calling here would name a token of theirs that does not exist (the contract declares none).
        return Response.status(Response.Status.CREATED).entity(MemberViews.of(issued)).build();
    }
}
