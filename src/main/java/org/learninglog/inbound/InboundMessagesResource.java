package org.learninglog.inbound;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.ZoneOffset;

import jakarta.ws.rs.core.Response;

import org.learninglog.api.Problems;
import org.learninglog.api.contract.InboundMailApi;
import org.learninglog.api.contract.model.InboundMessageJson;
import org.learninglog.api.contract.model.InboundMessagePageJson;
import org.learninglog.api.contract.model.InboundSourceJson;
import org.learninglog.api.contract.model.InboundStatusJson;
import org.learninglog.identity.CurrentMember;

import io.quarkus.security.Authenticated;

@Authenticated
class InboundMessagesResource implements InboundMailApi {

    private final InboundMail inbound;
    private final InboundMessages messages;
    private final CurrentMember current;

    InboundMessagesResource(InboundMail inbound, InboundMessages messages, CurrentMember current) {
        this.inbound = inbound;
        this.messages = messages;
        this.current = current;
    }

    @Override
    public Response receiveInboundMessage(File body) {
        InboundMessages.requireAdmin(current.actor());
        byte[] raw;
        try {
            raw = Files.readAllBytes(body.toPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        InboundMail.Outcome outcome = inbound.receive(raw, InboundMail.Source.ENDPOINT);
        return Response.status(outcome.duplicate() ? 200 : 201).entity(json(messages.get(outcome.id()))).build();
    }

    @Override
    public Response listInboundMessages(InboundStatusJson status, Integer limit, String cursor) {
        var page = messages.list(current.actor(), status == null ? null : status(status.toString()), limit, cursor);
        return Response.ok(new InboundMessagePageJson().items(page.items().stream().map(InboundMessagesResource::json)
                .toList()).nextCursor(page.nextCursor())).build();
    }

    private static InboundMail.Status status(String value) {
        for (InboundMail.Status status : InboundMail.Status.values()) {
            if (status.name().equals(value)) {
                return status;
            }
        }
        throw Problems.invalid("status", "must be one of " + java.util.Arrays.toString(InboundMail.Status.values()));
    }

    private static InboundMessageJson json(InboundMessages.Received r) {
        return new InboundMessageJson().id(r.id()).messageId(r.messageId())
                .source(InboundSourceJson.fromValue(r.source().name())).from(r.from())
                .status(InboundStatusJson.valueOf(r.status().name())).reason(r.reason()).memberId(r.memberId())
                .entryId(r.entryId()).replyId(r.replyId()).receivedAt(r.receivedAt().atOffset(ZoneOffset.UTC))
                .processedAt(r.processedAt() == null ? null : r.processedAt().atOffset(ZoneOffset.UTC));
    }
}
