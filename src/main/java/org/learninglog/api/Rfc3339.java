package org.learninglog.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Dates and date-times as the contract writes them: RFC 3339, four-digit years from 0001 to 9999, a date-time
 * with seconds and an offset. java.time alone is more lenient (`+5874898-01-01`, `2026-03-10T09:00Z`), and
 * years beyond PostgreSQL's range or without a year 0 would fail statements later.
 */
public final class Rfc3339 {

    public static final String DATE = "must be an RFC 3339 date such as 2026-03-10";
    public static final String DATE_TIME = "must be an RFC 3339 date-time such as 2026-03-10T09:00:00Z";

    private static final Pattern DATE_FORMAT = Pattern.compile("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
    private static final Pattern DATE_TIME_FORMAT = Pattern.compile(
            "^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?([Zz]|[+-][0-9]{2}:[0-9]{2})$");
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant AFTER_LATEST = Instant.parse("+10000-01-01T00:00:00Z");

    private Rfc3339() {
    }

    /** The date, if the text is an RFC 3339 full-date of the years 0001 to 9999. */
    public static Optional<LocalDate> date(String text) {
        if (text == null || !DATE_FORMAT.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.parse(text);
            return date.getYear() >= 1 ? Optional.of(date) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The date-time, if the text is an RFC 3339 date-time of the years 0001 to 9999, also in UTC. */
    public static Optional<OffsetDateTime> dateTime(String text) {
        if (text == null || !DATE_TIME_FORMAT.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            OffsetDateTime dateTime = OffsetDateTime.parse(text.toUpperCase(Locale.ROOT));
            Instant instant = dateTime.toInstant();
            boolean inRange = dateTime.getYear() >= 1 && !instant.isBefore(EARLIEST) && instant.isBefore(AFTER_LATEST);
            return inRange ? Optional.of(dateTime) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
