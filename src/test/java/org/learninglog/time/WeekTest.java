package org.learninglog.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ISO weeks: the arithmetic every entry and reminder relies on; no Quarkus needed. */
class WeekTest {

    @Test
    void shouldParseAWeekWrittenTheIsoWay() {
        assertEquals(Optional.of(new Week(2026, 47)), Week.parse("2026-W47"));
        assertEquals(Optional.of(new Week(2026, 1)), Week.parse("2026-W01"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "2026-W1", "2026-W001", "2026W47", "2026-w47", "26-W47", "12026-W01", " 2026-W47",
        "2026-W47 ", "2026-W47\n", "2026-47", "2026-W4a", "+2026-W47", "２０２６-W47", "2026-W４７" })
    void shouldRejectTextThatIsNotWrittenAsAWeek(String text) {
        assertEquals(Optional.empty(), Week.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = { "2026-W00", "2025-W53", "2026-W54", "2026-W99", "0000-W01" })
    void shouldRejectAWeekThatDoesNotExist(String text) {
        assertEquals(Optional.empty(), Week.parse(text));
    }

    @Test
    void shouldAcceptTheFiftyThirdWeekOfAYearThatHasOne() {
        assertEquals(Optional.of(new Week(2026, 53)), Week.parse("2026-W53")); // 2026 begins on a Thursday
        assertEquals(Optional.of(new Week(2020, 53)), Week.parse("2020-W53")); // a leap year that begins on a Wednesday
        assertEquals(Optional.of(new Week(2015, 53)), Week.parse("2015-W53"));
    }

    @Test
    void shouldWriteTheWeekWithFourDigitsForTheYearAndTwoForTheNumber() {
        assertEquals("2026-W47", new Week(2026, 47).toString());
        assertEquals("2026-W05", new Week(2026, 5).toString());
        assertEquals("0987-W05", new Week(987, 5).toString());
        assertEquals(Optional.of(new Week(987, 5)), Week.parse("0987-W05"));
    }

    @Test
    void shouldCountADateToTheWeekOfItsThursday() {
        assertEquals(new Week(2026, 1), Week.of(LocalDate.of(2025, 12, 29))); // Monday; Thursday is 1 January 2026
        assertEquals(new Week(2026, 1), Week.of(LocalDate.of(2026, 1, 1)));
        assertEquals(new Week(2025, 1), Week.of(LocalDate.of(2024, 12, 30)));
        assertEquals(new Week(2026, 53), Week.of(LocalDate.of(2027, 1, 3))); // Sunday of a 53-week year
        assertEquals(new Week(2027, 1), Week.of(LocalDate.of(2027, 1, 4)));
        assertEquals(new Week(2020, 53), Week.of(LocalDate.of(2021, 1, 1)));
        assertEquals(new Week(2024, 52), Week.of(LocalDate.of(2024, 12, 29)));
    }

    @Test
    void shouldStartEachWeekOnItsMonday() {
        assertEquals(LocalDate.of(2026, 11, 16), new Week(2026, 47).monday());
        assertEquals(LocalDate.of(2025, 12, 29), new Week(2026, 1).monday()); // in the previous calendar year
        assertEquals(LocalDate.of(2024, 12, 30), new Week(2025, 1).monday());
        assertEquals(LocalDate.of(2026, 12, 28), new Week(2026, 53).monday());
        assertEquals(LocalDate.of(2021, 1, 4), new Week(2021, 1).monday()); // 1 January 2021 is in 2020-W53
    }

    @Test
    void shouldFindEachDayFromMondayToSunday() {
        Week week = new Week(2026, 53);

        assertEquals(LocalDate.of(2026, 12, 29), week.day(DayOfWeek.TUESDAY));
        assertEquals(LocalDate.of(2027, 1, 3), week.day(DayOfWeek.SUNDAY)); // the week ends in the next year
    }

    @Test
    void shouldGoBackOneWeekAcrossTheTurnOfTheYear() {
        assertEquals(new Week(2026, 46), new Week(2026, 47).previous());
        assertEquals(new Week(2025, 52), new Week(2026, 1).previous());
        assertEquals(new Week(2020, 53), new Week(2021, 1).previous());
        assertEquals(new Week(2026, 53), new Week(2027, 1).previous());
    }

    @Test
    void shouldRoundTripEveryWeekOfSeveralYearsThroughItsTextAndItsMonday() {
        Week week = new Week(2030, 1);
        int weeks = 0;
        while (week.year() >= 2019) {
            assertEquals(Optional.of(week), Week.parse(week.toString()));
            assertEquals(week, Week.of(week.monday()));
            assertEquals(week, Week.of(week.day(DayOfWeek.SUNDAY)));
            assertEquals(DayOfWeek.MONDAY, week.monday().getDayOfWeek());
            week = week.previous();
            weeks++;
        }
        assertEquals(575, weeks); // 2030-W01 and the 574 weeks of 2019 to 2029 (52 a year, 53 in 2020 and 2026)
    }

    @Test
    void shouldOrderWeeksByYearThenNumber() {
        assertTrue(new Week(2025, 52).compareTo(new Week(2026, 1)) < 0);
        assertTrue(new Week(2026, 10).compareTo(new Week(2026, 9)) > 0);
        assertEquals(0, new Week(2026, 47).compareTo(new Week(2026, 47)));
        assertTrue(new Week(2020, 53).compareTo(new Week(2021, 1)) < 0);
    }
}
