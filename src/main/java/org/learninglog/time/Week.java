package org.learninglog.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An ISO week, written `2026-W47`: Monday to Sunday, numbered by the year of its Thursday. */
public record Week(int year, int number) implements Comparable<Week> {

    private static final Pattern FORMAT = Pattern.compile("^(\\d{4})-W(\\d{2})$");

    public static Week of(LocalDate date) {
        return new Week(date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The week written as `2026-W47`, if it is one that exists. */
    public static Optional<Week> parse(String text) {
        Matcher matcher = FORMAT.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(matcher.group(1));
        int number = Integer.parseInt(matcher.group(2));
        if (year < 1 || number < 1 || number > weeksIn(year)) {
            return Optional.empty();
        }
        return Optional.of(new Week(year, number));
    }

    public LocalDate monday() {
        return LocalDate.of(year, 1, 4)
                .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, number)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    public LocalDate day(DayOfWeek day) {
        return monday().plusDays(day.getValue() - 1L);
    }

    public Week previous() {
        return of(monday().minusWeeks(1));
    }

    @Override
    public int compareTo(Week other) {
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(number, other.number);
    }

    @Override
    public String toString() {
        // Not String.format: every week's log names its week, and a formatter costs more than the rest of this.
        StringBuilder text = new StringBuilder(8);
        String digits = Integer.toString(year);
        text.append("0000", 0, Math.max(0, 4 - digits.length())).append(digits).append("-W");
        return (number < 10 ? text.append('0') : text).append(number).toString();
    }

    private static int weeksIn(int year) {
        return (int) LocalDate.of(year, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }
}
