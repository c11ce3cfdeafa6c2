package org.learninglog.thread;

import java.util.UUID;

import jakarta.ws.rs.core.Response;

import org.learninglog.api.contract.FollowApi;
import org.learninglog.identity.CurrentMember;

import io.quarkus.security.Authenticated;

@Authenticated
class FollowResource implements FollowApi {

    private final ThreadService threads;
    private final CurrentMember current;

    FollowResource(ThreadService threads, CurrentMember current) {
        this.threads = threads;
        this.current = current;
    }

    @Override
    public Response followThread(UUID entryId) {
        threads.follow(current.actor(), entryId, true);
        return Response.noContent().build();
    }

    @Override
    public Response unfollowThread(UUID entryId) {
        threads.follow(current.actor(), entryId, false);
        return Response.noContent().build();
    }
}
