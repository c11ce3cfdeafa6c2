package org.learninglog.entry;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.learninglog.api.Problems;
import org.learninglog.time.Week;

/**
 * Which weeks a member may write: their current week (the ISO week of their local date in their own
 * time zone) and, late, the one before.
 */
@ApplicationScoped
class OpenWeeks {

    private final Clock clock;

    OpenWeeks(Clock clock) {
        this.clock = clock;
    }

    Week current(ZoneId zone) {
        return Week.of(LocalDate.now(clock.withZone(zone)));
    }

    /** `current` or an ISO week such as `2026-W47`. */
    Week resolve(String text, ZoneId zone) {
        return resolve(text, () -> zone);
    }

    /** The same, looking the member's time zone up only when it is needed: for `current`. */
    Week resolve(String text, Supplier<ZoneId> zone) {
        if ("current".equals(text)) {
            return current(zone.get());
        }
        return Week.parse(text).orElseThrow(() -> Problems.invalid("week",
                "'" + text + "' is not an ISO week such as 2026-W47, nor current"));
    }

    /** Whether the week is the previous one, for which posting is late; refuses weeks that are not open. */
    boolean requireOpen(Week week, ZoneId zone) {
        Week current = current(zone);
        if (week.equals(current)) {
            return false;
        }
        if (week.equals(current.previous())) {
            return true;
        }
        String when = week.compareTo(current) > 0 ? "has not started yet" : "is closed";
        throw Problems.unprocessable("Week " + week + " " + when + " for you; open weeks are " + current
                + " (current) and " + current.previous() + " (late)");
    }
}
