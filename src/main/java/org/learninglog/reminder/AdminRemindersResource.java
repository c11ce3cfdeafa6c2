package org.learninglog.reminder;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.ws.rs.core.Response;

import org.learninglog.api.contract.AdminApi;
import org.learninglog.api.contract.model.ReminderNudgeJson;
import org.learninglog.api.contract.model.ReminderOutcomeJson;
import org.learninglog.api.contract.model.ReminderPreviewGroupJson;
import org.learninglog.api.contract.model.ReminderPreviewMemberJson;
import org.learninglog.api.contract.model.ReminderPreviewPageJson;
import org.learninglog.identity.CurrentMember;

import io.quarkus.security.Authenticated;

@Authenticated
class AdminRemindersResource implements AdminApi {

    private final ReminderPreview preview;
    private final CurrentMember current;

    AdminRemindersResource(ReminderPreview preview, CurrentMember current) {
        this.preview = preview;
        this.current = current;
    }

    @Override
    public Response previewReminders(OffsetDateTime at, UUID groupId, Integer limit, String cursor) {
        var result = preview.preview(current.actor(), at == null ? null : at.toInstant(), groupId, limit, cursor);
        var body = new ReminderPreviewPageJson()
                .at(result.at().atOffset(ZoneOffset.UTC))
                .items(result.items().stream().map(AdminRemindersResource::group).toList())
                .nextCursor(result.nextCursor());
        return Response.ok(body).build();
    }

    private static ReminderPreviewGroupJson group(ReminderPreview.GroupPreview group) {
        return new ReminderPreviewGroupJson()
                .groupId(group.groupId())
                .groupName(group.groupName())
                .members(group.members().stream().map(AdminRemindersResource::member).toList());
    }

    private static ReminderPreviewMemberJson member(ReminderPreview.MemberPreview member) {
        ReminderPreviewMemberJson wire = new ReminderPreviewMemberJson()
                .memberId(member.memberId())
                .displayName(member.displayName())
                .timeZone(member.timeZone())
                .week(member.week())
                .nudge(member.nudge() == null ? null : ReminderNudgeJson.valueOf(member.nudge()))
                .outcome(ReminderOutcomeJson.valueOf(member.outcome()));
        wire.setLocalTime(member.localTime());
        return wire;
    }
}
