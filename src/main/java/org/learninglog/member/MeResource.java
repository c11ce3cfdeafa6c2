package org.learninglog.member;

import jakarta.ws.rs.core.Response;

import org.learninglog.api.contract.MeApi;
import org.learninglog.api.contract.model.MePatchJson;
import org.learninglog.identity.CurrentMember;

import io.quarkus.security.Authenticated;

@Authenticated
class MeResource implements MeApi {

    private final MemberService members;
    private final CurrentMember current;

    MeResource(MemberService members, CurrentMember current) {
        this.members = members;
        this.current = current;
    }

    @Override
    public Response getMe() {
        return Response.ok(MemberViews.of(members.me(current.actor()))).build();
    }

    @Override
    public Response patchMe(MePatchJson patch) {
        var change = new MemberService.ProfileChange(patch.getDisplayName(), patch.getTimeZone(), patch.getLanguage(),
                patch.getReminders(),
                MemberViews.replyNotifications(patch.getReplyNotifications()), patch.getAwayUntil(),
                patch.getShareExpertise(), MemberViews.questionNotifications(patch.getQuestionNotifications()));
        return Response.ok(MemberViews.of(members.changeMe(current.actor(), change))).build();
    }
}
