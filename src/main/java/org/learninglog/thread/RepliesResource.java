package org.learninglog.thread;

import java.net.URI;
import java.util.UUID;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.learninglog.api.ETags;
import org.learninglog.api.Idempotency;
import org.learninglog.api.contract.RepliesApi;
import org.learninglog.api.contract.model.ReplyWriteJson;
import org.learninglog.identity.Actor;
import org.learninglog.identity.CurrentMember;

import io.quarkus.security.Authenticated;

@Authenticated
class RepliesResource implements RepliesApi {

    private final ThreadService threads;
    private final Idempotency idempotency;
    private final CurrentMember current;

    RepliesResource(ThreadService threads, Idempotency idempotency, CurrentMember current) {
        this.threads = threads;
        this.idempotency = idempotency;
        this.current = current;
    }

    @Override
    public Response listReplies(UUID entryId, Integer limit, String cursor) {
        return Response.ok(ThreadViews.page(threads.replies(current.actor(), entryId, limit, cursor))).build();
    }

    /** A repeat with the same Idempotency-Key answers with the first response, as it was. */
    @Override
    public Response postReply(UUID entryId, ReplyWriteJson body, String idempotencyKey) {
        Actor actor = current.actor();
        ThreadService.NewReply request = new ThreadService.NewReply(body.getBody());
        return idempotency.once(actor.id(), "reply:" + entryId, idempotencyKey, request, () -> {
            ReplyView reply = threads.reply(actor, entryId, request);
            return Response.created(URI.create("/api/v1/replies/" + reply.id()))
                    .header(HttpHeaders.ETAG, ETags.of(reply.version()))
                    .entity(ThreadViews.of(reply)).build();
        });
    }
}
