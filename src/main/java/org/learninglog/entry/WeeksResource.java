package org.learninglog.entry;

import java.net.URI;
import java.util.UUID;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.learninglog.api.ETags;
import org.learninglog.api.contract.WeeksApi;
import org.learninglog.api.contract.model.EntryWriteJson;
import org.learninglog.identity.Actor;
import org.learninglog.identity.CurrentMember;
import org.learninglog.time.Week;

import io.quarkus.security.Authenticated;

@Authenticated
class WeeksResource implements WeeksApi {

    private final EntryService entries;
    private final WeekLogs logs;
    private final OpenWeeks weeks;
    private final CurrentMember current;

    WeeksResource(EntryService entries, WeekLogs logs, OpenWeeks weeks, CurrentMember current) {
        this.entries = entries;
        this.logs = logs;
        this.weeks = weeks;
        this.current = current;
    }

    @Override
    public Response getWeekLog(UUID groupId, String week, String ifNoneMatch) {
        Actor actor = current.actor();
        Week resolved = weeks.resolve(week, () -> logs.zoneOf(actor.id()));
        WeekLogs.Log log = logs.read(actor, groupId, resolved, WeekLogs.tags(ifNoneMatch));
        if (log.json() == null) {
            return Response.notModified().header(HttpHeaders.ETAG, log.etag()).build();
        }
        // The JSON comes from PostgreSQL as the contract's WeekLog; it is passed on as it is.
        return Response.ok(log.json(), MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.ETAG, log.etag()).build();
    }

    @Override
    public Response getMyEntry(UUID groupId, String week) {
        EntryView mine = entries.getMine(current.actor(), groupId, week);
        return Response.ok(EntryViews.of(mine)).header(HttpHeaders.ETAG, ETags.of(mine.version())).build();
    }

    @Override
    public Response putMyEntry(UUID groupId, String week, EntryWriteJson body) {
        var content = new EntryService.Content(body.getTried(), body.getFailed(), body.getQuestion(), body.getTags(),
                EntryViews.outcome(body.getOutcome()), body.getOutcomeNote());
        EntryService.Put put = entries.putMine(current.actor(), groupId, week, content);
        EntryView entry = put.entry();
        Response.ResponseBuilder response = put.created()
                ? Response.created(URI.create("/api/v1/entries/" + entry.id()))
                : Response.ok();
        return response.entity(EntryViews.of(entry)).header(HttpHeaders.ETAG, ETags.of(entry.version())).build();
    }
}
