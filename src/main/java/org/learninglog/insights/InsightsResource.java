package org.learninglog.insights;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Variant;

import org.learninglog.api.contract.InsightsApi;
import org.learninglog.api.contract.model.GroupInsightsJson;
import org.learninglog.api.contract.model.InsightFiguresJson;
import org.learninglog.api.contract.model.InsightPeriodJson;
import org.learninglog.api.contract.model.InsightWeekJson;
import org.learninglog.api.contract.model.NudgeJson;
import org.learninglog.api.contract.model.OrganisationGroupInsightsJson;
import org.learninglog.api.contract.model.OrganisationInsightsJson;
import org.learninglog.identity.CurrentMember;
import org.learninglog.insights.InsightService.Figures;
import org.learninglog.insights.InsightService.WeekFigures;

import io.quarkus.security.Authenticated;

@Authenticated
class InsightsResource implements InsightsApi {

    static final MediaType CSV = new MediaType("text", "csv", "UTF-8");
    private static final List<Variant> VARIANTS = Variant.mediaTypes(MediaType.APPLICATION_JSON_TYPE,
            MediaType.valueOf("text/csv")).build();

    private final InsightService insights;
    private final Nudges nudges;
    private final CurrentMember current;

    @Context
    Request request;

    InsightsResource(InsightService insights, Nudges nudges, CurrentMember current) {
        this.insights = insights;
        this.nudges = nudges;
        this.current = current;
    }

    @Override
    public Response getGroupInsights(UUID groupId, String from, String to) {
        var result = insights.group(current.actor(), groupId, from, to);
        var body = new GroupInsightsJson()
                .groupId(result.groupId())
                .groupName(result.groupName())
                .from(result.range().from().toString())
                .to(result.range().to().toString())
                .weeks(weeks(result.weeks()))
                .totals(figures(result.totals()))
                .previous(previous(result.range(), result.previous()))
                .change(figures(result.change()));
        if (wantsCsv()) {
            return csv(InsightsCsv.of(List.of(new InsightsCsv.GroupRows(body.getGroupId(), body.getGroupName(),
                    body.getWeeks()))), "insights-" + body.getGroupId() + "-" + body.getFrom() + "-" + body.getTo());
        }
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @Override
    public Response getOrganisationInsights(String from, String to) {
        var result = insights.organisation(current.actor(), from, to);
        var body = new OrganisationInsightsJson()
                .from(result.range().from().toString())
                .to(result.range().to().toString())
                .minimumGroupSize(result.minimumGroupSize())
                .groups(result.groups().stream().map(InsightsResource::group).toList())
                .weeks(weeks(result.weeks()))
                .totals(figures(result.totals()))
                .previous(previous(result.range(), result.previous()))
                .change(figures(result.change()));
        if (wantsCsv()) {
            return csv(InsightsCsv.of(body.getGroups().stream().filter(g -> g.getWeeks() != null)
                    .map(g -> new InsightsCsv.GroupRows(g.getGroupId(), g.getGroupName(), g.getWeeks())).toList()),
                    "insights-" + body.getFrom() + "-" + body.getTo());
        }
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @Override
    public Response nudgeMember(UUID groupId, UUID memberId) {
        Nudges.Nudge nudge = nudges.nudge(current.actor(), groupId, memberId);
        return Response.status(Response.Status.CREATED).entity(new NudgeJson()
                .groupId(nudge.groupId())
                .memberId(nudge.memberId())
                .week(nudge.week().toString())
                .nudgedBy(nudge.nudgedBy())
                .createdAt(nudge.createdAt().atOffset(ZoneOffset.UTC))).build();
    }

    /** A CSV download, its file named by what it holds (ids and weeks only, so the name needs no escaping). */
    private static Response csv(String csv, String fileName) {
        return Response.ok(csv, CSV).header("Content-Disposition", "attachment; filename=\"" + fileName + ".csv\"")
                .build();
    }

    /** CSV only when the caller prefers it; JSON for `*` and for JSON. */
    private boolean wantsCsv() {
        Variant chosen = request.selectVariant(VARIANTS);
        return chosen != null && "csv".equals(chosen.getMediaType().getSubtype());
    }

    private static OrganisationGroupInsightsJson group(InsightService.GroupFigures group) {
        return new OrganisationGroupInsightsJson()
                .groupId(group.groupId())
                .groupName(group.name())
                .archived(group.archived())
                .members(Math.toIntExact(group.members()))
                .belowMinimumSize(group.belowMinimumSize())
                .postingRateFalling(group.postingRateFalling())
                .weeks(group.weeks() == null ? null : weeks(group.weeks()))
                .totals(group.totals() == null ? null : figures(group.totals()))
                .change(group.change() == null ? null : figures(group.change()));
    }

    private static InsightPeriodJson previous(InsightService.Range range, Figures totals) {
        return new InsightPeriodJson()
                .from(range.previous().get(0).toString())
                .to(range.previous().get(range.previous().size() - 1).toString())
                .totals(figures(totals));
    }

    private static List<InsightWeekJson> weeks(List<WeekFigures> weeks) {
        return weeks.stream().map(InsightsResource::week).toList();
    }

    private static InsightWeekJson week(WeekFigures week) {
        Figures f = week.figures();
        return new InsightWeekJson()
                .week(week.week().toString())
                .members(integer(f.members()))
                .posted(integer(f.posted()))
                .late(integer(f.late()))
                .away(integer(f.away()))
                .postingRate(decimal(f.postingRate()))
                .questions(integer(f.questions()))
                .questionsReplied(integer(f.questionsReplied()))
                .questionsAnswered(integer(f.questionsAnswered()))
                .medianSecondsToFirstReply(integer(f.medianSecondsToFirstReply()))
                .p90SecondsToFirstReply(integer(f.p90SecondsToFirstReply()))
                .firstReplyWithinHourShare(decimal(f.firstReplyWithinHourShare()))
                .firstReplyWithinDayShare(decimal(f.firstReplyWithinDayShare()))
                .repliers(integer(f.repliers()))
                .outcomes(integer(f.outcomes()))
                .outcomesWorked(integer(f.outcomesWorked()))
                .outcomesPartly(integer(f.outcomesPartly()))
                .outcomesDidNotWork(integer(f.outcomesDidNotWork()))
                .outcomesNotTriedYet(integer(f.outcomesNotTriedYet()));
    }

    private static InsightFiguresJson figures(Figures f) {
        return new InsightFiguresJson()
                .members(integer(f.members()))
                .posted(integer(f.posted()))
                .late(integer(f.late()))
                .away(integer(f.away()))
                .postingRate(decimal(f.postingRate()))
                .questions(integer(f.questions()))
                .questionsReplied(integer(f.questionsReplied()))
                .questionsAnswered(integer(f.questionsAnswered()))
                .medianSecondsToFirstReply(integer(f.medianSecondsToFirstReply()))
                .p90SecondsToFirstReply(integer(f.p90SecondsToFirstReply()))
                .firstReplyWithinHourShare(decimal(f.firstReplyWithinHourShare()))
                .firstReplyWithinDayShare(decimal(f.firstReplyWithinDayShare()))
                .repliers(integer(f.repliers()))
                .outcomes(integer(f.outcomes()))
                .outcomesWorked(integer(f.outcomesWorked()))
                .outcomesPartly(integer(f.outcomesPartly()))
                .outcomesDidNotWork(integer(f.outcomesDidNotWork()))
                .outcomesNotTriedYet(integer(f.outcomesNotTriedYet()));
    }

    private static Integer integer(Long value) {
        return value == null ? null : Math.toIntExact(value);
    }

    private static BigDecimal decimal(Double value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }
}
