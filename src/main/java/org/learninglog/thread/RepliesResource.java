package org.learninglog.thread;

import java.net.URI;
import java.util.UUID;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.learninglog.api.ETags;
import org.learninglog.api.contract.RepliesApi;
import org.learninglog.api.contract.model.ReplyWriteJson;
import org.learninglog.identity.CurrentMember;

import io.quarkus.security.Authenticated;

@Authenticated
class RepliesResource implements RepliesApi {

    private final ThreadService threads;
    private final CurrentMember current;

    RepliesResource(ThreadService threads, CurrentMember current) {
        this.threads = threads;
        this.current = current;
    }

    @Override
    public Response listReplies(UUID entryId, Integer limit, String cursor) {
        return Response.ok(ThreadViews.page(threads.replies(current.actor(), entryId, limit, cursor))).build();
    }

    @Override
    public Response postReply(UUID entryId, ReplyWriteJson body, String idempotencyKey) {
        ReplyView reply = threads.reply(current.actor(), entryId, new ThreadService.NewReply(body.getBody()),
                idempotencyKey);
        return Response.created(URI.create("/api/v1/replies/" + reply.id()))
                .header(HttpHeaders.ETAG, ETags.of(reply.version()))
                .entity(ThreadViews.of(reply)).build();
    }
}
