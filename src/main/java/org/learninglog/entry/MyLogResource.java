package org.learninglog.entry;

import jakarta.ws.rs.core.Response;

import org.learninglog.api.contract.MyLogApi;
import org.learninglog.identity.CurrentMember;

import io.quarkus.security.Authenticated;

@Authenticated
class MyLogResource implements MyLogApi {

    private final EntryService entries;
    private final CurrentMember current;

    MyLogResource(EntryService entries, CurrentMember current) {
        this.entries = entries;
        this.current = current;
    }

    @Override
    public Response listMyEntries(Integer limit, String cursor) {
        return Response.ok(EntryViews.page(entries.mine(current.actor(), limit, cursor))).build();
    }
}
