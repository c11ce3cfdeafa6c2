package org.learninglog.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Slow and greedy callers, over raw sockets: a body that trickles is cut off, and what one token or address holds
 * at once is bounded, while everyone else is answered in time. (java.net.http rather than REST Assured for the
 * answers the contract leaves to the protocol: 408 and 429 can come from any operation.)
 */
@QuarkusTest
class CallerLimitsTest {

    private static final Duration TIMELY = Duration.ofSeconds(3);
    /** How long a busy build machine may take to take in a batch of slow clients, within the 8 s body timeout. */
    private static final Duration SETTLING = Duration.ofSeconds(6);

    @Inject
    TestData data;

    private final List<Socket> slowClients = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMELY).build();

    @Inject
    CallerLimits limits;

    @AfterEach
    void hangUpTheSlowClients() throws Exception {
        hangUp();
        // The next test counts from zero: wait until the service has seen every hung-up request end.
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (limits.inFlightFrom("127.0.0.1") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(0, limits.inFlightFrom("127.0.0.1"), "requests still in flight after the slow clients left");
    }

    @Test
    void shouldCutOffABodyThatTricklesWhileOthersAreAnsweredInTime() throws Exception {
        TestMember ana = data.member("Ana");
        TestMember bob = data.member("Bob");
        Socket slow = startSlowBody(ana.token());
        long started = System.nanoTime();

        HttpResponse<String> normal = get("/api/v1/me", bob.token());
        assertEquals(200, normal.statusCode());
        assertThat(Duration.ofNanos(System.nanoTime() - started), lessThan(TIMELY));

        slow.setSoTimeout(20_000);
        String answer = readAll(slow.getInputStream());
        Duration cutOffAfter = Duration.ofNanos(System.nanoTime() - started);
        assertThat(answer, containsString("408"));
        assertThat(answer, containsString("application/problem+json"));
        // The test profile's body timeout is 8 s; closed soon after, not left hanging.
        assertThat(cutOffAfter, lessThan(Duration.ofSeconds(12)));
    }

    @Test
    void shouldRefuseMoreThan32RequestsInFlightWithOneTokenUntilTheyEnd() throws Exception {
        TestMember ana = data.member("Ana");
        TestMember bob = data.member("Bob");
        for (int i = 0; i < 32; i++) {
            startSlowBody(ana.token());
        }
        awaitSlowClientsTakenIn(32);

        HttpResponse<String> refused = get("/api/v1/me", ana.token());
        assertEquals(429, refused.statusCode());
        assertEquals("1", refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(refused.body(), containsString("access token"));
        assertEquals(200, get("/api/v1/me", bob.token()).statusCode(), "another caller is served meanwhile");

        hangUp();
        assertEquals(200, awaitStatusOtherThan(429, ana.token()), "served again once the slow requests are gone");
    }

    @Test
    void shouldRefuseMoreThan128RequestsInFlightFromOneAddress() throws Exception {
        List<TestMember> members = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            members.add(data.member("Greedy " + i));
        }
        for (TestMember member : members) {
            for (int i = 0; i < 32; i++) {
                startSlowBody(member.token());
            }
        }
        TestMember carl = data.member("Carl");
        awaitSlowClientsTakenIn(128);

        HttpResponse<String> refused = get("/api/v1/me", carl.token());
        assertEquals(429, refused.statusCode());
        assertThat(refused.body(), containsString("client address"));
        assertTrue(refused.headers().firstValue("Retry-After").isPresent());

        hangUp();
        assertEquals(200, awaitStatusOtherThan(429, carl.token()));
    }

    /** Sends a `PATCH /api/v1/me`'s headers and part of its body, and then nothing. */
    private Socket startSlowBody(String token) throws IOException {
        Socket socket = new Socket("127.0.0.1", RestAssured.port);
        slowClients.add(socket);
        String head = "PATCH /api/v1/me HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nIf-Match: \"1\"\r\nContent-Length: 100\r\n\r\n{\"displ";
        socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    private void hangUp() throws IOException {
        for (Socket socket : slowClients) {
            socket.close();
        }
        slowClients.clear();
    }

    /**
     * Waits until the service holds all the slow clients' requests (a busy machine may take a while to take them
     * in); probing with requests instead raced with their arrival.
     */
    private void awaitSlowClientsTakenIn(int requests) throws Exception {
        long deadline = System.nanoTime() + SETTLING.toNanos();
        while (limits.inFlightFrom("127.0.0.1") < requests && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(requests, limits.inFlightFrom("127.0.0.1"), "slow requests in flight");
    }

    private int awaitStatusOtherThan(int status, String token) throws Exception {
        long deadline = System.nanoTime() + SETTLING.toNanos();
        int answered;
        while ((answered = get("/api/v1/me", token).statusCode()) == status && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return answered;
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + path))
                .timeout(SETTLING);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
}
