package org.learninglog.time;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * The one source of time; tests replace it with a clock they can move. It ticks in microseconds, the precision
 * PostgreSQL stores, so a timestamp in the response that wrote it reads back the same later.
 */
class ClockProducer {

    /** The precision of every instant the service handles. */
    static final Duration PRECISION = Duration.ofNanos(1_000);

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), PRECISION);
    }
}
