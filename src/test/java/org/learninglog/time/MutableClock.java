package org.learninglog.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Singleton;

/**
 * The tests' clock: it stands still until a test moves it. Replaces the system clock in every test, and like it
 * ticks in microseconds, the precision PostgreSQL stores.
 */
@Singleton
public class MutableClock extends Clock {

    private volatile Instant now = micros(Instant.now());

    public void set(Instant instant) {
        now = micros(instant);
    }

    public void advance(Duration duration) {
        now = micros(now.plus(duration));
    }

    public void reset() {
        now = micros(Instant.now());
    }

    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
