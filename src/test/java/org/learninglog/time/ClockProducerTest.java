package org.learninglog.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The service's clock, outside Quarkus: the tests' MutableClock replaces it there. */
class ClockProducerTest {

    @Test
    void shouldTickInMicrosecondsAsPostgreSqlStores() {
        Clock clock = new ClockProducer().clock();
        for (int i = 0; i < 1_000; i++) {
            Instant now = clock.instant();
            assertEquals(0, now.getNano() % 1_000, now.toString());
        }
    }
}
