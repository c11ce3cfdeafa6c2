package org.learninglog.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The local clocks the scheduled emails compute per time zone: plain time-zone arithmetic, no Quarkus. */
class ZoneClockTest {

    @Test
    void shouldGiveEachZoneItsLocalTimeAndWeek() {
        List<ZoneClock> clocks = ZoneClock.at(Instant.parse("2026-03-09T23:59:00Z"),
                List.of("Asia/Tokyo", "America/New_York"));

        assertEquals("Asia/Tokyo", clocks.get(0).timeZone());
        assertEquals(LocalDateTime.parse("2026-03-10T08:59"), clocks.get(0).localNow());
        assertEquals("2026-W11", clocks.get(0).week().toString());
        assertEquals(LocalDateTime.parse("2026-03-09T19:59"), clocks.get(1).localNow());
        assertEquals("2026-W11", clocks.get(1).week().toString());
    }

    @Test
    void shouldLeaveOutAZoneThisRuntimeDoesNotKnowAndKeepTheOthers() {
        List<ZoneClock> clocks = ZoneClock.at(Instant.parse("2026-03-10T08:00:00Z"),
                List.of("Europe/Berlin", "Mars/Olympus_Mons", "UTC"));

        assertEquals(List.of("Europe/Berlin", "UTC"), clocks.stream().map(ZoneClock::timeZone).toList());
    }

    @Test
    void shouldPutANewYearsEveInTheWeekOfItsOwnZone() {
        // 2027-01-01 is a Friday: ISO week 53 of 2026 runs from Monday 28 December to Sunday 3 January.
        Instant instant = Instant.parse("2026-12-31T15:30:00Z");
        List<ZoneClock> clocks = ZoneClock.at(instant, List.of("Asia/Tokyo", "America/Los_Angeles"));

        assertEquals(LocalDateTime.parse("2027-01-01T00:30"), clocks.get(0).localNow());
        assertEquals("2026-W53", clocks.get(0).week().toString());
        assertEquals("2026-W52", clocks.get(0).week().previous().toString());
        assertEquals(LocalDateTime.parse("2026-12-31T07:30"), clocks.get(1).localNow());
        assertEquals("2026-W53", clocks.get(1).week().toString());

        // The Monday after: Tokyo is in 2027-W01 while Los Angeles is still in 2026-W53.
        List<ZoneClock> monday = ZoneClock.at(Instant.parse("2027-01-03T20:00:00Z"),
                List.of("Asia/Tokyo", "America/Los_Angeles"));
        assertEquals("2027-W01", monday.get(0).week().toString());
        assertEquals("2026-W53", monday.get(0).week().previous().toString());
        assertEquals("2026-W53", monday.get(1).week().toString());
    }

    @Test
    void shouldTakeTodaysTimeOnceItHasComeAndYesterdaysBefore() {
        ZoneClock before = clock("2026-11-24T22:59:00Z", "Asia/Tokyo"); // Wednesday 07:59
        ZoneClock at = clock("2026-11-24T23:00:00Z", "Asia/Tokyo"); // Wednesday 08:00

        assertEquals(ZonedDateTime.parse("2026-11-24T08:00+09:00[Asia/Tokyo]"), before.latest(LocalTime.of(8, 0)));
        assertEquals(ZonedDateTime.parse("2026-11-25T08:00+09:00[Asia/Tokyo]"), at.latest(LocalTime.of(8, 0)));
    }

    @Test
    void shouldMoveATimeTheSpringForwardGapSkipsForwardByTheLengthOfTheGap() {
        // New York springs forward on Sunday 2026-03-08 from 02:00 EST to 03:00 EDT: 02:30 never happens.
        ZoneClock justBefore = clock("2026-03-08T06:59:00Z", "America/New_York"); // 01:59 EST
        ZoneClock afterGap = clock("2026-03-08T07:00:00Z", "America/New_York"); // 03:00 EDT
        ZoneClock anHourLater = clock("2026-03-08T07:30:00Z", "America/New_York"); // 03:30 EDT

        assertEquals(LocalDateTime.parse("2026-03-08T03:00"), afterGap.localNow());
        assertEquals(Instant.parse("2026-03-07T07:30:00Z"), justBefore.latest(LocalTime.of(2, 30)).toInstant());
        assertEquals(Instant.parse("2026-03-07T07:30:00Z"), afterGap.latest(LocalTime.of(2, 30)).toInstant());
        assertEquals(ZonedDateTime.parse("2026-03-08T03:30-04:00[America/New_York]"),
                anHourLater.latest(LocalTime.of(2, 30)));
    }

    @Test
    void shouldCountATimeThatComesTwiceAsClocksFallBackTheFirstTime() {
        // New York falls back on Sunday 2026-11-01 from 02:00 EDT to 01:00 EST: 01:30 happens twice.
        ZoneClock first = clock("2026-11-01T05:30:00Z", "America/New_York"); // 01:30 EDT
        ZoneClock second = clock("2026-11-01T06:30:00Z", "America/New_York"); // 01:30 EST

        assertEquals(LocalDateTime.parse("2026-11-01T01:30"), first.localNow());
        assertEquals(LocalDateTime.parse("2026-11-01T01:30"), second.localNow());
        assertEquals(Instant.parse("2026-11-01T05:30:00Z"), first.latest(LocalTime.of(1, 30)).toInstant());
        assertEquals(Instant.parse("2026-11-01T05:30:00Z"), second.latest(LocalTime.of(1, 30)).toInstant());
        assertEquals("2026-W44", second.week().toString());
    }

    private static ZoneClock clock(String instant, String zone) {
        return ZoneClock.at(Instant.parse(instant), List.of(zone)).get(0);
    }
}
