package org.learninglog.thread;

import java.util.UUID;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.learninglog.api.ETags;
import org.learninglog.api.contract.AnswerApi;
import org.learninglog.api.contract.model.AnswerWriteJson;
import org.learninglog.entry.EntryView;
import org.learninglog.entry.EntryViews;
import org.learninglog.identity.CurrentMember;

import io.quarkus.security.Authenticated;

@Authenticated
class AnswerResource implements AnswerApi {

    private final ThreadService threads;
    private final CurrentMember current;

    AnswerResource(ThreadService threads, CurrentMember current) {
        this.threads = threads;
        this.current = current;
    }

    @Override
    public Response acceptAnswer(UUID entryId, AnswerWriteJson body) {
        return entry(threads.accept(current.actor(), entryId, body.getReplyId()));
    }

    @Override
    public Response reopenQuestion(UUID entryId) {
        return entry(threads.reopen(current.actor(), entryId));
    }

    private static Response entry(EntryView entry) {
        return Response.ok(EntryViews.of(entry)).header(HttpHeaders.ETAG, ETags.of(entry.version())).build();
    }
}
