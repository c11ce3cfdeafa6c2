package org.learninglog.reminder;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;

import org.learninglog.api.contract.AdminApi;
import org.learninglog.api.contract.model.ReminderNudge;
import org.learninglog.api.contract.model.ReminderOutcome;
import org.learninglog.api.contract.model.ReminderPreviewGroup;
import org.learninglog.api.contract.model.ReminderPreviewMember;
import org.learninglog.api.contract.model.ReminderPreviewPage;
import org.learninglog.identity.CurrentMember;

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
        var body = new ReminderPreviewPage()
                .at(result.at().atOffset(ZoneOffset.UTC))
                .items(result.page().items().stream().map(AdminRemindersResource::group).toList())
                .nextCursor(result.page().nextCursor());
        return Response.ok(body).build();
    }

    private static ReminderPreviewGroup group(ReminderPreview.Group group) {
        return new ReminderPreviewGroup()
                .groupId(group.groupId())
                .groupName(group.groupName())
                .members(group.members().stream().map(AdminRemindersResource::member).toList());
    }

    private static ReminderPreviewMember member(ReminderPreview.Member member) {
        ReminderPreviewMember wire = new ReminderPreviewMember()
                .memberId(member.memberId())
                .displayName(member.displayName())
                .timeZone(member.timeZone())
                .week(member.week())
                .nudge(member.nudge() == null ? null : ReminderNudge.valueOf(member.nudge()))
                .outcome(ReminderOutcome.valueOf(member.outcome()));
        wire.setLocalTime(member.localTime());
        return wire;
    }
}
