package org.learninglog.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The dispatcher's retry schedule, with the defaults of application.properties; no Quarkus needed. */
class BackoffTest {

    private final Backoff backoff = new Backoff(8, Duration.ofMinutes(1), Duration.ofHours(6));

    @Test
    void shouldWaitTheInitialDelayAfterTheFirstFailedAttempt() {
        assertEquals(Duration.ofMinutes(1), backoff.delayAfter(1));
    }

    @Test
    void shouldDoubleTheWaitWithEachFurtherFailure() {
        List<Duration> waits = IntStream.rangeClosed(1, 9).mapToObj(backoff::delayAfter).toList();

        assertEquals(List.of(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(8),
                Duration.ofMinutes(16), Duration.ofMinutes(32), Duration.ofMinutes(64), Duration.ofMinutes(128),
                Duration.ofMinutes(256)), waits);
    }

    @Test
    void shouldNeverWaitLongerThanTheLongestDelay() {
        assertEquals(Duration.ofHours(6), backoff.delayAfter(10)); // 512 minutes would be longer
        assertEquals(Duration.ofHours(6), backoff.delayAfter(31));
        assertEquals(Duration.ofHours(6), backoff.delayAfter(64)); // no overflow of the doubling
        assertEquals(Duration.ofHours(6), backoff.delayAfter(Integer.MAX_VALUE));
    }

    @Test
    void shouldWaitTheInitialDelayForAnAttemptCountBelowOne() {
        assertEquals(Duration.ofMinutes(1), backoff.delayAfter(0));
        assertEquals(Duration.ofMinutes(1), backoff.delayAfter(-1));
    }

    @Test
    void shouldCapEvenWhenTheInitialDelayIsLongerThanTheLongestDelay() {
        Backoff odd = new Backoff(3, Duration.ofHours(12), Duration.ofHours(6));

        assertEquals(Duration.ofHours(6), odd.delayAfter(1));
    }

    @Test
    void shouldTryAgainUntilTheLastAttemptFailedAndThenGiveUp() {
        for (int attempts = 1; attempts < 8; attempts++) {
            assertFalse(backoff.givesUpAfter(attempts), "attempt " + attempts);
        }
        assertTrue(backoff.givesUpAfter(8));
        assertTrue(backoff.givesUpAfter(9)); // a row claimed once more than allowed, e.g. after a lease ran out
    }

    @Test
    void shouldGiveUpAfterTheFirstFailureWhenOnlyOneAttemptIsAllowed() {
        assertTrue(new Backoff(1, Duration.ofMinutes(1), Duration.ofHours(6)).givesUpAfter(1));
    }
}
