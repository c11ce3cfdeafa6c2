package org.learninglog.api;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * The only two places the service reaches below Vert.x's public API, both for the request header deadline
 * ({@link HeaderDeadline}). Vert.x 4.5 has no deadline for a request's head and no public way into a connection's
 * Netty pipeline; its one hook for new connections, {@code HttpServer.connectionHandler}, is taken by Quarkus
 * (it counts connections for {@code quarkus.http.limits.max-connections}) and takes one handler only. So the
 * deadline is a Netty handler of ours, put in front of every accepted connection from the listening channel.
 *
 * <p>Both are stable across Vert.x 4 (and checked at start: without them the deadline is off and the start says
 * so). {@code HeaderDeadlineTest} fails if either stops working: a silent new connection would no longer be
 * closed, and a keep-alive connection no longer kept.
 */
final class VertxChannels {

    private VertxChannels() {
    }

    /** The Netty channel under a Vert.x HTTP/1.x or HTTP/2 connection, or null if this Vert.x hides it. */
    static Channel of(HttpConnection connection) {
        return connection instanceof ConnectionBase base ? base.channel() : null;
    }

    /** The event loops that accept connections for every Vert.x server (their listening channels are there). */
    static EventLoopGroup acceptors(Vertx vertx) {
        return vertx instanceof VertxInternal internal ? internal.getAcceptorEventLoopGroup() : null;
    }
}
