package org.learninglog.thread;

import java.util.UUID;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.learninglog.api.ETags;
import org.learninglog.api.contract.ReplyApi;
import org.learninglog.api.contract.model.ReplyWriteJson;
import org.learninglog.identity.CurrentMember;

import io.quarkus.security.Authenticated;

@Authenticated
class ReplyResource implements ReplyApi {

    private final ThreadService threads;
    private final CurrentMember current;

    ReplyResource(ThreadService threads, CurrentMember current) {
        this.threads = threads;
        this.current = current;
    }

    @Override
    public Response getReply(UUID replyId) {
        ReplyView reply = threads.get(current.actor(), replyId);
        return Response.ok(ThreadViews.of(reply)).header(HttpHeaders.ETAG, ETags.of(reply.version())).build();
    }

    @Override
    public Response editReply(UUID replyId, ReplyWriteJson body, String ifMatch) {
        ReplyView reply = threads.edit(current.actor(), replyId, ifMatch, body.getBody());
        return Response.ok(ThreadViews.of(reply)).header(HttpHeaders.ETAG, ETags.of(reply.version())).build();
    }

    @Override
    public Response deleteReply(UUID replyId, String ifMatch) {
        threads.delete(current.actor(), replyId, ifMatch);
        return Response.noContent().build();
    }
}
