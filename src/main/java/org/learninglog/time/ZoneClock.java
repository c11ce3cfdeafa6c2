package org.learninglog.time;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.jboss.logging.Logger;

/**
 * The local clock of one time zone at one instant, as the scheduled emails (reminders, digests) see it. They
 * compute it once per zone rather than once per member, with java.time: the same time-zone rules that
 * validated the members' zones, which PostgreSQL's own tz database may lack.
 *
 * @param timeZone the zone as members store it, e.g. `Europe/Berlin`
 * @param now      the instant in that zone
 */
public record ZoneClock(String timeZone, ZonedDateTime now) {

    private static final Logger LOG = Logger.getLogger(ZoneClock.class);

    /**
     * The clocks of these time zones at the instant, one per zone. A zone this Java runtime does not know (its
     * tz data dropped it since the member chose it) is left out with a warning: its members miss their
     * scheduled emails rather than failing everyone's.
     */
    public static List<ZoneClock> at(Instant instant, Collection<String> timeZones) {
        List<ZoneClock> clocks = new ArrayList<>(timeZones.size());
        for (String timeZone : timeZones) {
            ZoneId zone;
            try {
                zone = ZoneId.of(timeZone);
            } catch (DateTimeException e) {
                LOG.warnf("Members with the unknown time zone %s get no scheduled emails", timeZone);
                continue;
            }
            clocks.add(new ZoneClock(timeZone, instant.atZone(zone)));
        }
        return clocks;
    }

    public LocalDateTime localNow() {
        return now.toLocalDateTime();
    }

    /** The ISO week the local date falls in. */
    public Week week() {
        return Week.of(now.toLocalDate());
    }

    /**
     * The latest moment, at or before now, at which this zone's clock showed the time of day: today's, or
     * yesterday's while today's has not come yet. A time that a daylight-saving gap skips moves forward by the
     * length of the gap (02:30 becomes 03:30), so it is never skipped; a time that comes twice as clocks fall
     * back counts the first time.
     */
    public ZonedDateTime latest(LocalTime timeOfDay) {
        ZonedDateTime today = ZonedDateTime.of(now.toLocalDate(), timeOfDay, now.getZone());
        return today.isAfter(now) ? ZonedDateTime.of(now.toLocalDate().minusDays(1), timeOfDay, now.getZone()) : today;
    }
}
