package org.learninglog.reminder;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.ws.rs.core.Response;

import org.learninglog.api.Problems;
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

    private static final Instant EARLIEST_AT = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant AFTER_LATEST_AT = Instant.parse("9999-01-01T00:00:00Z");

    private final ReminderPreview preview;
    private final CurrentMember current;

    AdminRemindersResource(ReminderPreview preview, CurrentMember current) {
        this.preview = preview;
        this.current = current;
    }

    @Override
    public Response previewReminders(OffsetDateTime at, UUID groupId, Integer limit, String cursor) {
        var result = preview.preview(current.actor(), at == null ? null : instant(at), groupId, limit, cursor);
        var body = new ReminderPreviewPageJson()
                .at(result.at().atOffset(ZoneOffset.UTC))
                .items(result.items().stream().map(AdminRemindersResource::group).toList())
                .nextCursor(result.nextCursor());
        return Response.ok(body).build();
    }

    /**
     * The instant to evaluate, within the contract's range for `at`: every member's local date then is one
     * whose ISO week has a four-digit year, as weeks are written. Microseconds, as every instant here.
     */
    private static Instant instant(OffsetDateTime at) {
        Instant instant = at.toInstant();
        if (instant.isBefore(EARLIEST_AT) || !instant.isBefore(AFTER_LATEST_AT)) {
            throw Problems.invalid("at", "must be from " + EARLIEST_AT + " up to but not including " + AFTER_LATEST_AT);
        }
        return instant.truncatedTo(ChronoUnit.MICROS);
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
