package org.learninglog.insights;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.learninglog.api.Problems;
import org.learninglog.api.ReadOnly;
import org.learninglog.group.GroupAccess;
import org.learninglog.identity.Actor;
import org.learninglog.insights.InsightQueries.Counts;
import org.learninglog.insights.InsightQueries.Key;
import org.learninglog.insights.InsightQueries.Period;
import org.learninglog.time.Week;

/** Is the habit taking hold: a group's figures for its members, every group's for administrators. */
@ApplicationScoped
class InsightService {

    /** At most this many weeks at once (two years), so one request stays cheap. */
    static final int MAX_WEEKS = 104;
    /** Without `from`, the period is this many weeks up to `to`. */
    static final int DEFAULT_WEEKS = 12;

    /**
     * The figures of a week or a period, or the change of each against the previous period. A figure with nothing
     * to measure is null: the posting rate without anyone expected to post, the times and shares without questions.
     */
    record Figures(Long members, Long posted, Long late, Long away, Double postingRate, Long questions,
            Long questionsReplied, Long questionsAnswered, Long medianSecondsToFirstReply,
            Long p90SecondsToFirstReply, Double firstReplyWithinHourShare, Double firstReplyWithinDayShare,
            Long repliers, Long outcomes, Long outcomesWorked, Long outcomesPartly, Long outcomesDidNotWork,
            Long outcomesNotTriedYet) {

        static Figures of(Counts c) {
            long expected = c.members() - c.away();
            InsightQueries.Outcomes o = c.outcomes();
            return new Figures(c.members(), c.posted(), c.late(), c.away(),
                    expected == 0 ? null : share(c.posted(), expected), c.questions(), c.questionsReplied(),
                    c.questionsAnswered(), seconds(c.medianSeconds()), seconds(c.p90Seconds()),
                    c.questions() == 0 ? null : share(c.withinHour(), c.questions()),
                    c.questions() == 0 ? null : share(c.withinDay(), c.questions()), c.repliers(), o.told(),
                    o.worked(), o.partly(), o.didNotWork(), o.notTriedYet());
        }

        /** This period's figures less the previous period's. */
        Figures minus(Figures before) {
            return new Figures(minus(members, before.members), minus(posted, before.posted),
                    minus(late, before.late), minus(away, before.away), minus(postingRate, before.postingRate),
                    minus(questions, before.questions), minus(questionsReplied, before.questionsReplied),
                    minus(questionsAnswered, before.questionsAnswered),
                    minus(medianSecondsToFirstReply, before.medianSecondsToFirstReply),
                    minus(p90SecondsToFirstReply, before.p90SecondsToFirstReply),
                    minus(firstReplyWithinHourShare, before.firstReplyWithinHourShare),
                    minus(firstReplyWithinDayShare, before.firstReplyWithinDayShare),
                    minus(repliers, before.repliers), minus(outcomes, before.outcomes),
                    minus(outcomesWorked, before.outcomesWorked), minus(outcomesPartly, before.outcomesPartly),
                    minus(outcomesDidNotWork, before.outcomesDidNotWork),
                    minus(outcomesNotTriedYet, before.outcomesNotTriedYet));
        }

        private static Double share(long part, long whole) {
            return round((double) part / whole);
        }

        private static Long seconds(Double seconds) {
            return seconds == null ? null : Math.round(seconds);
        }

        private static Long minus(Long a, Long b) {
            return a == null || b == null ? null : a - b;
        }

        private static Double minus(Double a, Double b) {
            return a == null || b == null ? null : round(a - b);
        }

        private static double round(double value) {
            return Math.round(value * 10_000) / 10_000.0;
        }
    }

    /** One week's figures. */
    record WeekFigures(Week week, Figures figures) {
    }

    /** The weeks asked for and the period of the same length before them. */
    record Range(List<Week> previous, List<Week> current, Week callersWeek) {

        Week from() {
            return current.get(0);
        }

        Week to() {
            return current.get(current.size() - 1);
        }
    }

    /** A group's insights. */
    record GroupInsights(UUID groupId, String groupName, Range range, List<WeekFigures> weeks, Figures totals,
            Figures previous,
            Figures change) {
    }

    /**
     * One group in the organisation's insights: only its name, state and size when it is below the minimum size.
     */
    record GroupFigures(UUID groupId, String name, boolean archived, long members, boolean belowMinimumSize,
            Boolean postingRateFalling, List<WeekFigures> weeks, Figures totals, Figures change) {
    }

    /** The organisation's insights: every group, and all of them together. */
    record OrganisationInsights(Range range, int minimumGroupSize, List<GroupFigures> groups,
            List<WeekFigures> weeks, Figures totals, Figures previous, Figures change) {
    }

    private final InsightQueries queries;
    private final GroupAccess groups;
    private final InsightsConfig config;
    private final Clock clock;

    InsightService(InsightQueries queries, GroupAccess groups, InsightsConfig config, Clock clock) {
        this.queries = queries;
        this.groups = groups;
        this.config = config;
        this.clock = clock;
    }

    /** Three statements after the access check: the caller's time zone, every figure at once, the name. */
    @ReadOnly
    GroupInsights group(Actor actor, UUID groupId, String from, String to) {
        groups.contentAccess(actor, groupId);
        Range range = range(actor, from, to);
        Map<Key, Counts> counts = queries.counts(groupId, range.previous(), range.current());
        Figures totals = totals(counts, groupId, Period.CURRENT);
        Figures previous = totals(counts, groupId, Period.PREVIOUS);
        return new GroupInsights(groupId, queries.groupName(groupId), range, weeks(counts, groupId, range), totals,
                previous,
                totals.minus(previous));
    }

    /** Three statements: the caller's time zone, the groups, every figure at once. */
    @ReadOnly
    OrganisationInsights organisation(Actor actor, String from, String to) {
        if (!actor.admin()) {
            throw Problems.forbidden("Only administrators may see the insights of every group");
        }
        Range range = range(actor, from, to);
        Map<Key, Counts> counts = queries.counts(null, range.previous(), range.current());
        int minimum = config.minimumGroupSize();
        List<GroupFigures> groupFigures = new ArrayList<>();
        for (InsightQueries.GroupRow group : queries.groups()) {
            if (group.activeMembers() < minimum) {
                groupFigures.add(new GroupFigures(group.groupId(), group.name(), group.archived(),
                        group.activeMembers(), true, null, null, null, null));
                continue;
            }
            List<WeekFigures> weeks = weeks(counts, group.groupId(), range);
            Figures totals = totals(counts, group.groupId(), Period.CURRENT);
            groupFigures.add(new GroupFigures(group.groupId(), group.name(), group.archived(), group.activeMembers(),
                    false, postingRateFalling(weeks, range.callersWeek()), weeks, totals,
                    totals.minus(totals(counts, group.groupId(), Period.PREVIOUS))));
        }
        Figures totals = totals(counts, null, Period.CURRENT);
        Figures previous = totals(counts, null, Period.PREVIOUS);
        return new OrganisationInsights(range, minimum, groupFigures, weeks(counts, null, range), totals, previous,
                totals.minus(previous));
    }

    /**
     * Whether the posting rate fell in each of the last three weeks that have ended (before the caller's current
     * week, which is still under way and would always look like a fall).
     */
    static boolean postingRateFalling(List<WeekFigures> weeks, Week callersWeek) {
        List<Double> rates = weeks.stream().filter(w -> w.week().compareTo(callersWeek) < 0)
                .map(w -> w.figures().postingRate()).toList();
        if (rates.size() < 4) {
            return false;
        }
        List<Double> last = rates.subList(rates.size() - 4, rates.size());
        for (int i = 1; i < last.size(); i++) {
            if (last.get(i - 1) == null || last.get(i) == null || last.get(i) >= last.get(i - 1)) {
                return false;
            }
        }
        return true;
    }

    private static List<WeekFigures> weeks(Map<Key, Counts> counts, UUID groupId, Range range) {
        return range.current().stream().map(week -> new WeekFigures(week,
                Figures.of(counts.getOrDefault(new Key(groupId, Period.CURRENT, week.toString()), Counts.NONE))))
                .toList();
    }

    private static Figures totals(Map<Key, Counts> counts, UUID groupId, Period period) {
        return Figures.of(counts.getOrDefault(new Key(groupId, period, null), Counts.NONE));
    }

    /** `from` and `to` as asked, by default the last 12 weeks up to the caller's current week. */
    private Range range(Actor actor, String fromText, String toText) {
        LocalDate today = LocalDate.now(clock.withZone(queries.zoneOf(actor.id()).orElse(ZoneOffset.UTC)));
        Week callersWeek = Week.of(today);
        Week to = toText == null ? callersWeek : week("to", toText);
        Week from = fromText == null ? Week.of(to.monday().minusWeeks(DEFAULT_WEEKS - 1L)) : week("from", fromText);
        long length = ChronoUnit.WEEKS.between(from.monday(), to.monday()) + 1;
        if (length < 1) {
            throw Problems.invalid("from", "must not be after to (" + to + ")");
        }
        if (length > MAX_WEEKS) {
            throw Problems.invalid("from", "must be at most " + MAX_WEEKS + " weeks before to, both included");
        }
        List<Week> current = new ArrayList<>();
        List<Week> previous = new ArrayList<>();
        for (long i = 0; i < length; i++) {
            current.add(Week.of(from.monday().plusWeeks(i)));
            previous.add(Week.of(from.monday().minusWeeks(length - i)));
        }
        if (previous.get(0).year() < 1) {
            throw Problems.invalid("from", "leaves no previous period to compare with");
        }
        return new Range(previous, current, callersWeek);
    }

    private static Week week(String parameter, String text) {
        return Week.parse(text).orElseThrow(() -> Problems.invalid(parameter,
                "'" + text + "' is not an ISO week that exists, such as 2026-W47"));
    }
}
