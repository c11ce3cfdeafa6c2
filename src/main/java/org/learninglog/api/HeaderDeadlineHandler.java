package org.learninglog.api;

import java.util.concurrent.TimeUnit;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * One connection's deadline for a request head: first in the connection's pipeline, so it sees the raw bytes
 * before Vert.x does. The clock runs while no request is in progress — from the moment the connection is accepted,
 * and again from the end of each response — and stops when {@link HeaderDeadline}'s route filter says a request
 * has arrived, which Vert.x only passes on once its head is complete. Bytes trickling in do not stop it, which is
 * the point: an idle timeout restarts on every byte.
 *
 * <p>When it runs out, a connection on which part of a head has arrived is answered 408 (problem details, written
 * as raw HTTP/1.1, which is safe because no response is in progress) and closed; one on which nothing arrived (a
 * silent new connection, a keep-alive connection between requests) is closed without an answer, so that a client
 * sending its next request at that instant cannot take a 408 for its answer. On HTTP/2 or TLS no raw answer could
 * be understood, so those are closed without one.
 *
 * <p>Every field is touched on the channel's event loop only (the filter's calls hop onto it).
 */
final class HeaderDeadlineHandler extends ChannelInboundHandlerAdapter {

    /** How long the 408 may take to leave before the connection is closed anyway. */
    private static final long ANSWER_GRACE_MILLIS = 1000;

    private final long timeoutNanos;
    private final byte[] answer;

    private ChannelHandlerContext context;
    private int requestsInProgress;
    /** When the head is due (System.nanoTime()), valid while no request is in progress. */
    private long due;
    /** Whether any byte arrived since the clock started (part of a head, then). */
    private boolean heard;
    private ScheduledFuture<?> check;
    private boolean expired;

    HeaderDeadlineHandler(long timeoutNanos, byte[] answer) {
        this.timeoutNanos = timeoutNanos;
        this.answer = answer;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        context = ctx;
        if (ctx.channel().isActive() && ctx.channel().isRegistered()) {
            start();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        if (check == null && requestsInProgress == 0) {
            start();
        }
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) throws Exception {
        if (requestsInProgress == 0) {
            heard = true;
        }
        super.channelRead(ctx, message);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        stop();
        super.channelInactive(ctx);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        stop();
    }

    /** A request's head has arrived (its route filter runs): the clock stops until it is answered. */
    void requestBegan() {
        onLoop(() -> requestsInProgress++);
    }

    /** A request was answered (or abandoned): with none left in progress, the next head is due in time. */
    void requestEnded() {
        onLoop(() -> {
            requestsInProgress = Math.max(0, requestsInProgress - 1);
            if (requestsInProgress == 0) {
                start();
            }
        });
    }

    private void onLoop(Runnable task) {
        if (context.executor().inEventLoop()) {
            task.run();
        } else {
            context.executor().execute(task);
        }
    }

    private void start() {
        due = System.nanoTime() + timeoutNanos;
        heard = false;
        if (check == null && !expired) {
            check = context.executor().schedule(this::expire, timeoutNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void stop() {
        if (check != null) {
            check.cancel(false);
            check = null;
        }
    }

    /**
     * One timer per connection, moved on lazily: requests starting and ending do not reschedule it, it looks at
     * the state when it fires.
     */
    private void expire() {
        check = null;
        if (!context.channel().isActive() || requestsInProgress > 0) {
            return; // the request's end starts the clock again
        }
        long left = due - System.nanoTime();
        if (left <= 0 && stillWriting()) {
            // The last response is still leaving for a slow reader: the next head is not due before it has.
            due = System.nanoTime() + timeoutNanos;
            left = timeoutNanos;
        }
        if (left > 0) {
            check = context.executor().schedule(this::expire, left, TimeUnit.NANOSECONDS);
            return;
        }
        expired = true;
        if (heard && speaksHttp1InClear()) {
            context.writeAndFlush(Unpooled.wrappedBuffer(answer)).addListener(ChannelFutureListener.CLOSE);
            context.executor().schedule(() -> context.close(), ANSWER_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } else {
            context.close();
        }
    }

    /** Whether bytes of an earlier response wait to be written (as Netty's IdleStateHandler looks at output). */
    private boolean stillWriting() {
        ChannelOutboundBuffer buffer = context.channel().unsafe().outboundBuffer();
        return buffer != null && buffer.totalPendingWriteBytes() > 0;
    }

    private boolean speaksHttp1InClear() {
        return context.pipeline().get(HttpRequestDecoder.class) != null
                && context.pipeline().get(SslHandler.class) == null;
    }
}
