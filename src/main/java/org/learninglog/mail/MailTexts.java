package org.learninglog.mail;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Objects;

import org.learninglog.time.Week;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * The texts of one email in its language: the messages, and dates and weeks formatted for the language with
 * the patterns its messages give. Composers take it from {@link #of(Locale)}; plain tests build one from the
 * message files.
 */
public record MailTexts(Messages msg, Locale locale) {

    public MailTexts {
        Objects.requireNonNull(msg);
        Objects.requireNonNull(locale);
    }

    /** The texts in the language of an email; the default language's for one the service has no messages for. */
    public static MailTexts of(Locale locale) {
        String language = locale.getLanguage();
        if (language.isEmpty() || language.equals("en")) {
            return new MailTexts(MessageBundles.get(Messages.class), Locale.ENGLISH);
        }
        try {
            return new MailTexts(MessageBundles.get(Messages.class, Localized.Literal.of(language)), locale);
        } catch (IllegalStateException unknown) {
            // An email enqueued in a language a newer version knows: the default language rather than none.
            return new MailTexts(MessageBundles.get(Messages.class), Locale.ENGLISH);
        }
    }

    /**
     * The days of an ISO week: `9 – 15 March 2026` for 2026-W11 in English, `9. – 15. März 2026` in German;
     * months and years are written once where the two ends share them. An unreadable week stays as it is.
     */
    public String weekDates(String week) {
        return Week.parse(week).map(w -> {
            LocalDate monday = w.monday();
            LocalDate sunday = monday.plusDays(6);
            String start = monday.getYear() != sunday.getYear() ? msg.format_date()
                    : monday.getMonth() != sunday.getMonth() ? msg.format_dayMonth() : msg.format_day();
            return format(start, monday) + " – " + format(msg.format_date(), sunday);
        }).orElse(week);
    }

    /** A date, e.g. `8 December 2026`, `8. Dezember 2026`. */
    public String date(LocalDate date) {
        return format(msg.format_date(), date);
    }

    /** A date with its weekday, e.g. `Tuesday, 8 December 2026`. */
    public String weekdayDate(LocalDate date) {
        return format(msg.format_weekdayDate(), date);
    }

    /** A day of the week, e.g. `Tuesday`, `Dienstag`. */
    public String day(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL_STANDALONE, locale);
    }

    private String format(String pattern, LocalDate date) {
        return DateTimeFormatter.ofPattern(pattern, locale).format(date);
    }
}
