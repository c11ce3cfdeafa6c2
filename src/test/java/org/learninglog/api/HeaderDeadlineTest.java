package org.learninglog.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * The request head deadline, over raw sockets against the running service: a head that trickles a byte a second
 * (which the idle timeout never notices) is cut off soon after the deadline, many such clients leave everyone else
 * served, a keep-alive client pausing less than the deadline between requests keeps its connection, and a body
 * that trickles is still the body timeout's. Wall-clock time is the subject here, so the profile shortens the
 * deadline to 2 s (the body timeout to 5 s, to tell the two apart).
 */
@QuarkusTest
@TestProfile(HeaderDeadlineTest.ShortDeadlines.class)
class HeaderDeadlineTest {

    private static final Duration DEADLINE = Duration.ofSeconds(2);
    private static final Duration BODY_DEADLINE = Duration.ofSeconds(5);
    /** How late a close may come on a busy 2-core build machine and still be "soon after" the deadline. */
    private static final Duration SLACK = Duration.ofMillis(2500);
    private static final Duration TIMELY = Duration.ofSeconds(3);

    public static class ShortDeadlines implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("learninglog.http.header-timeout", "2s", "learninglog.http.callers.body-timeout", "5s");
        }
    }

    @Inject
    TestData data;

    @Inject
    HeaderDeadline deadline;

    private final List<Socket> sockets = new ArrayList<>();
    private ScheduledExecutorService trickler;

    @BeforeEach
    void theListeningChannelIsHooked() throws Exception {
        // The hook goes in asynchronously once the port is open; it also proves VertxChannels still reaches it.
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (deadline.hookedListeners() == 0 && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertTrue(deadline.hookedListeners() > 0, "no listening channel of the HTTP port carries the accept hook");
    }

    @AfterEach
    void hangUp() throws Exception {
        if (trickler != null) {
            trickler.shutdownNow();
        }
        for (Socket socket : sockets) {
            socket.close();
        }
        sockets.clear();
    }

    @Test
    void shouldAnswer408AndCloseAConnectionWhoseHeadersTrickleAByteASecondSoonAfterTheDeadline() throws Exception {
        Socket socket = connect();
        send(socket, "GET /api/v1/me HTTP/1.1\r\nHost: localhost\r\nX-Trickle: ");
        Trickled trickled = trickle(socket, 'a'); // one more byte of the header, every second
        Duration closedAfter = trickled.closedAfter();
        String text = trickled.answer();
        assertThat(text, startsWith("HTTP/1.1 408"));
        assertThat(text, containsString("application/problem+json"));
        assertThat(text, containsString("\"status\":408"));
        assertThat(text, containsString("line and headers did not arrive within 2 s"));
        assertClosedAtThe(DEADLINE, closedAfter);
    }

    @Test
    void shouldAnswerANormalRequestInTimeWhile200ConnectionsTrickleTheirHeaders() throws Exception {
        TestMember ana = data.member("Ana");
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMELY).build();
        // Once before, so that what is measured below is the slow clients' effect, not a cold service's first call.
        assertEquals(200, me(http, ana).statusCode());
        List<Socket> slow = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Socket socket = connect();
            send(socket, "GET /api/v1/me HTTP/1.1\r\nHost: localhost\r\nX-Trickle-" + i + ": ");
            slow.add(socket);
        }
        long started = System.nanoTime();
        trickler = Executors.newSingleThreadScheduledExecutor();
        trickler.scheduleAtFixedRate(() -> {
            for (Socket socket : slow) {
                try {
                    socket.getOutputStream().write('a');
                    socket.getOutputStream().flush();
                } catch (IOException e) {
                    // closed by the service: what is expected
                }
            }
        }, 0, 1, TimeUnit.SECONDS);

        Thread.sleep(500);
        long asked = System.nanoTime();
        HttpResponse<String> normal = me(http, ana);
        assertEquals(200, normal.statusCode());
        assertThat(Duration.ofNanos(System.nanoTime() - asked), lessThan(TIMELY));

        // And every slow one is gone soon after the deadline.
        for (Socket socket : slow) {
            socket.setSoTimeout((int) Math.max(1, DEADLINE.plus(SLACK).toMillis()
                    - Duration.ofNanos(System.nanoTime() - started).toMillis()));
            assertTrue(closedAfterReading(socket.getInputStream()), "a trickling connection still open");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started), lessThan(DEADLINE.plus(SLACK)));
    }

    @Test
    void shouldKeepAKeepAliveConnectionAcrossRequestsPausingLessThanTheDeadline() throws Exception {
        TestMember ana = data.member("Ana");
        Socket socket = connect();
        socket.setSoTimeout((int) TIMELY.toMillis());
        long started = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            if (i > 0) {
                Thread.sleep(1200); // 60 % of the deadline; 4.8 s in all, more than twice the deadline
            }
            send(socket, "GET /api/v1/me HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + ana.token()
                    + "\r\n\r\n");
            String response = readResponse(socket.getInputStream());
            assertThat("request " + (i + 1) + " on the same connection", response, startsWith("HTTP/1.1 200"));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started), greaterThan(DEADLINE.multipliedBy(2)));
    }

    @Test
    void shouldCloseAKeepAliveConnectionIdleForTheDeadlineWithoutAnAnswer() throws Exception {
        TestMember ana = data.member("Ana");
        Socket socket = connect();
        socket.setSoTimeout((int) DEADLINE.plus(SLACK).plus(TIMELY).toMillis());
        send(socket, "GET /api/v1/me HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + ana.token()
                + "\r\n\r\n");
        assertThat(readResponse(socket.getInputStream()), startsWith("HTTP/1.1 200"));
        long answered = System.nanoTime();

        // Nothing of a next request came, so there is nothing to answer: closed, not a 408 a client might misread.
        assertEquals(-1, socket.getInputStream().read());
        Duration closedAfter = Duration.ofNanos(System.nanoTime() - answered);
        assertClosedAtThe(DEADLINE, closedAfter);
    }

    @Test
    void shouldCloseASilentNewConnectionWithoutAnAnswerAfterTheDeadline() throws Exception {
        Socket socket = connect();
        long started = System.nanoTime();
        socket.setSoTimeout((int) DEADLINE.plus(SLACK).plus(TIMELY).toMillis());
        assertEquals(-1, socket.getInputStream().read());
        Duration closedAfter = Duration.ofNanos(System.nanoTime() - started);
        assertClosedAtThe(DEADLINE, closedAfter);
    }

    @Test
    void shouldLeaveABodyThatTricklesToTheBodyTimeoutNotTheHeaderDeadline() throws Exception {
        TestMember ana = data.member("Ana");
        Socket socket = connect();
        send(socket, "PATCH /api/v1/me HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + ana.token()
                + "\r\nContent-Type: application/json\r\nIf-Match: \"1\"\r\nContent-Length: 100\r\n\r\n{\"displ");
        Trickled trickled = trickle(socket, ' '); // one more byte of the body, every second
        Duration closedAfter = trickled.closedAfter();
        String text = trickled.answer();
        assertThat(text, startsWith("HTTP/1.1 408"));
        assertThat(text, containsString("body did not arrive within 5 s"));
        // Well past the 2 s header deadline: a request in progress is never cut by it.
        assertClosedAtThe(BODY_DEADLINE, closedAfter);
    }

    private static HttpResponse<String> me(HttpClient http, TestMember member) throws Exception {
        // A generous timeout, so that a slow answer fails the assertion on its time rather than as an exception.
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + "/api/v1/me"))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + member.token()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Closed no earlier than the deadline (less a little for the clocks) and within the slack after it. */
    private static void assertClosedAtThe(Duration deadline, Duration closedAfter) {
        assertThat(closedAfter, greaterThan(deadline.minusMillis(200)));
        assertThat(closedAfter, lessThan(deadline.plus(SLACK)));
    }

    /** What a client that sent one more byte a second read, and when the service closed the connection. */
    private record Trickled(String answer, Duration closedAfter) {
    }

    /**
     * Sends {@code each} once a second (the head or body the caller started) and reads what comes back, until the
     * service closes the connection or 20 s have passed (then closedAfter is 20 s or more).
     */
    private static Trickled trickle(Socket socket, char each) throws IOException {
        long started = System.nanoTime();
        socket.setSoTimeout(1000);
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        long closedAt = -1;
        while (closedAt < 0 && System.nanoTime() - started < Duration.ofSeconds(20).toNanos()) {
            try {
                socket.getOutputStream().write(each);
                socket.getOutputStream().flush();
                int read = socket.getInputStream().read(buffer);
                if (read < 0) {
                    closedAt = System.nanoTime();
                } else {
                    answer.write(buffer, 0, read);
                }
            } catch (SocketTimeoutException e) {
                // nothing yet: trickle on
            } catch (IOException e) {
                closedAt = System.nanoTime(); // reset once closed
            }
        }
        long ended = closedAt < 0 ? System.nanoTime() : closedAt;
        return new Trickled(answer.toString(StandardCharsets.ISO_8859_1), Duration.ofNanos(ended - started));
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", RestAssured.port);
        sockets.add(socket);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    /** Reads until the end of the stream (after a 408 or nothing); false if it stays open past the timeout. */
    private static boolean closedAfterReading(InputStream in) {
        byte[] buffer = new byte[4096];
        try {
            while (in.read(buffer) >= 0) {
                // the 408, if any
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset: closed
        }
    }

    /** One HTTP/1.1 response: its head, and its body by Content-Length or chunks. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed after " + head.toString(StandardCharsets.ISO_8859_1));
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        String lower = text.toLowerCase();
        int length = lower.indexOf("content-length:");
        if (length >= 0) {
            int end = lower.indexOf("\r\n", length);
            in.readNBytes(Integer.parseInt(lower.substring(length + 15, end).strip()));
        } else if (lower.contains("transfer-encoding: chunked")) {
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            while (!chunks.toString(StandardCharsets.ISO_8859_1).endsWith("0\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("closed in a chunked body");
                }
                chunks.write(b);
            }
        }
        return text;
    }
}
