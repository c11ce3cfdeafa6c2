package org.learninglog.api;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.SingleThreadEventLoop;
import io.netty.util.concurrent.EventExecutor;
import io.quarkus.vertx.http.HttpServer;
import io.quarkus.vertx.http.HttpServerStart;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * A deadline for request heads (slowloris): a connection of the HTTP port whose next request line and headers
 * have not arrived in full within `learninglog.http.header-timeout` — after it was accepted, or after the last
 * response on it — is closed (408 first if part of a head had arrived). Vert.x has none: its idle timeout restarts
 * on every byte, so one byte a second held a connection for ever, and the body deadline ({@link CallerLimits})
 * starts only once the head is there.
 *
 * <p>Each connection gets a {@link HeaderDeadlineHandler} first in its Netty pipeline, put there by a handler of
 * ours on the listening channel as it accepts the connection (found at start among the acceptor event loops'
 * channels by the HTTP port; {@link VertxChannels} says why this goes below Vert.x's API). A route filter before
 * all others tells the connection's handler when a request has arrived and when it has been answered. A
 * connection accepted in the instant between the port opening and the hook being put in place gets its handler
 * with its first request.
 */
@Singleton
class HeaderDeadline {

    static final String HANDLER = "learninglog-header-deadline";
    private static final String ACCEPT_HOOK = "learninglog-header-deadline-accept";
    private static final Logger LOG = Logger.getLogger(HeaderDeadline.class);

    // Before every other filter (CallerLimits is 110 000): a request refused by any of them still counts as one.
    private static final int PRIORITY = 120_000;

    private final long timeoutNanos;
    private final byte[] answer;
    private final Vertx vertx;
    private final HttpServer server;
    private final AtomicInteger hookedListeners = new AtomicInteger();
    private final boolean reachable;

    HeaderDeadline(@ConfigProperty(name = "learninglog.http.header-timeout", defaultValue = "10s") Duration timeout,
            Vertx vertx, HttpServer server) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("learninglog.http.header-timeout must be positive, not " + timeout);
        }
        this.timeoutNanos = timeout.toNanos();
        this.answer = answer(timeout);
        this.vertx = vertx;
        this.server = server;
        this.reachable = VertxChannels.acceptors(vertx) != null;
    }

    void install(@Observes Filters filters) {
        filters.register(this::track, PRIORITY);
    }

    /** Puts the accept hook on the HTTP port's listening channels, once the port is open. */
    void hook(@ObservesAsync HttpServerStart started) {
        EventLoopGroup acceptors = VertxChannels.acceptors(vertx);
        if (acceptors == null) {
            LOG.warn("No request header deadline: this Vert.x does not expose its acceptor event loops");
            return;
        }
        int port = server.getPort();
        for (EventExecutor executor : acceptors) {
            if (executor instanceof SingleThreadEventLoop loop) {
                loop.execute(() -> hookListeners(loop, port));
            }
        }
    }

    /** How many listening channels carry the accept hook (for tests and the start's log). */
    int hookedListeners() {
        return hookedListeners.get();
    }

    private void hookListeners(SingleThreadEventLoop loop, int port) {
        Iterator<Channel> channels;
        try {
            channels = loop.registeredChannelsIterator();
        } catch (UnsupportedOperationException e) {
            LOG.warnf("No request header deadline for new connections: %s cannot list its channels", loop);
            return;
        }
        while (channels.hasNext()) {
            Channel channel = channels.next();
            if (channel instanceof ServerChannel && channel.localAddress() instanceof InetSocketAddress address
                    && address.getPort() == port) {
                AcceptHook hook = new AcceptHook();
                if (channel.pipeline().get(ACCEPT_HOOK) != null) {
                    channel.pipeline().replace(ACCEPT_HOOK, ACCEPT_HOOK, hook); // a dev-mode restart
                } else {
                    channel.pipeline().addFirst(ACCEPT_HOOK, hook);
                    hookedListeners.incrementAndGet();
                }
                LOG.debugf("Request header deadline of %d ms on connections to %s", timeoutNanos / 1_000_000,
                        address);
            }
        }
    }

    private void track(RoutingContext context) {
        HeaderDeadlineHandler deadline = reachable ? deadlineOf(context.request().connection()) : null;
        if (deadline != null) {
            deadline.requestBegan();
            AtomicBoolean ended = new AtomicBoolean();
            context.addEndHandler(result -> {
                if (ended.compareAndSet(false, true)) {
                    deadline.requestEnded();
                }
            });
        }
        context.next();
    }

    /** The connection's deadline, put in place now if it was accepted before the hook was (or by an old one). */
    private HeaderDeadlineHandler deadlineOf(HttpConnection connection) {
        Channel channel = connection == null ? null : VertxChannels.of(connection);
        if (channel == null) {
            return null;
        }
        ChannelHandler present = channel.pipeline().get(HANDLER);
        if (present instanceof HeaderDeadlineHandler handler) {
            return handler;
        }
        HeaderDeadlineHandler handler = newHandler();
        if (present != null) {
            channel.pipeline().replace(HANDLER, HANDLER, handler);
        } else {
            channel.pipeline().addFirst(HANDLER, handler);
        }
        return handler;
    }

    private HeaderDeadlineHandler newHandler() {
        return new HeaderDeadlineHandler(timeoutNanos, answer);
    }

    /** The 408 for a head that began but did not finish, as raw HTTP/1.1. */
    private static byte[] answer(Duration timeout) {
        String limit = timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
        byte[] problem = new JsonObject()
                .put("type", "/problems/http-408")
                .put("title", "Request Timeout")
                .put("status", 408)
                .put("detail", "The request's line and headers did not arrive within " + limit)
                .encode().getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 408 Request Timeout\r\nContent-Type: " + ProblemResponses.PROBLEM_JSON
                + "\r\nContent-Length: " + problem.length + "\r\nConnection: close\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] whole = new byte[headBytes.length + problem.length];
        System.arraycopy(headBytes, 0, whole, 0, headBytes.length);
        System.arraycopy(problem, 0, whole, headBytes.length, problem.length);
        return whole;
    }

    /** On the listening channel: gives every accepted connection its deadline before Vert.x sets it up. */
    @ChannelHandler.Sharable
    private final class AcceptHook extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            if (message instanceof Channel accepted) {
                accepted.pipeline().addFirst(HANDLER, newHandler());
            }
            ctx.fireChannelRead(message);
        }
    }
}
