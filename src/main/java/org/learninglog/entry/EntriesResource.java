package org.learninglog.entry;

import java.util.UUID;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.learninglog.api.ETags;
import org.learninglog.api.contract.EntriesApi;
import org.learninglog.api.contract.model.EntryPatchJson;
import org.learninglog.identity.CurrentMember;

import io.quarkus.security.Authenticated;

@Authenticated
class EntriesResource implements EntriesApi {

    private final EntryService entries;
    private final CurrentMember current;

    EntriesResource(EntryService entries, CurrentMember current) {
        this.entries = entries;
        this.current = current;
    }

    @Override
    public Response getEntry(UUID entryId) {
        return withETag(entries.get(current.actor(), entryId));
    }

    @Override
    public Response patchEntry(UUID entryId, EntryPatchJson body, String ifMatch) {
        var edit = new EntryService.Edit(body.getTried(), body.getFailed(), body.getQuestion(),
                Boolean.TRUE.equals(body.getClearQuestion()), body.getTags(), EntryViews.outcome(body.getOutcome()),
                body.getOutcomeNote());
        return withETag(entries.edit(current.actor(), entryId, ifMatch, edit));
    }

    @Override
    public Response deleteEntry(UUID entryId, String ifMatch) {
        entries.delete(current.actor(), entryId, ifMatch);
        return Response.noContent().build();
    }

    @Override
    public Response getEntryHistory(UUID entryId, Integer limit, String cursor) {
        return Response.ok(EntryViews.revisions(entries.history(current.actor(), entryId, limit, cursor))).build();
    }

    private static Response withETag(EntryView entry) {
        return Response.ok(EntryViews.of(entry)).header(HttpHeaders.ETAG, ETags.of(entry.version())).build();
    }
}
