package org.learninglog.insights;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.learninglog.api.contract.model.InsightWeekJson;

/** The insights as CSV (RFC 4180): a header row, then one row per group and week, the same values as the JSON. */
final class InsightsCsv {

    static final String HEADER = "groupId,groupName,week,members,posted,late,away,postingRate,questions,"
            + "questionsReplied,questionsAnswered,medianSecondsToFirstReply,p90SecondsToFirstReply,"
            + "firstReplyWithinHourShare,firstReplyWithinDayShare,repliers,outcomes,outcomesWorked,outcomesPartly,"
            + "outcomesDidNotWork,outcomesNotTriedYet";

    /** One group's weeks. */
    record GroupRows(UUID groupId, String groupName, List<InsightWeekJson> weeks) {
    }

    private InsightsCsv() {
    }

    static String of(List<GroupRows> groups) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (GroupRows group : groups) {
            for (InsightWeekJson w : group.weeks()) {
                csv.append(group.groupId()).append(',').append(text(group.groupName())).append(',')
                        .append(w.getWeek());
                for (Object value : List.of(optional(w.getMembers()), optional(w.getPosted()), optional(w.getLate()),
                        optional(w.getAway()), optional(w.getPostingRate()), optional(w.getQuestions()),
                        optional(w.getQuestionsReplied()), optional(w.getQuestionsAnswered()),
                        optional(w.getMedianSecondsToFirstReply()), optional(w.getP90SecondsToFirstReply()),
                        optional(w.getFirstReplyWithinHourShare()), optional(w.getFirstReplyWithinDayShare()),
                        optional(w.getRepliers()), optional(w.getOutcomes()), optional(w.getOutcomesWorked()),
                        optional(w.getOutcomesPartly()), optional(w.getOutcomesDidNotWork()),
                        optional(w.getOutcomesNotTriedYet()))) {
                    csv.append(',').append(value);
                }
                csv.append("\r\n");
            }
        }
        return csv.toString();
    }

    /** A figure left out of the JSON is an empty field. */
    private static String optional(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }

    /**
     * A name, quoted, its quotes doubled; one that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab,
     * carriage return) starts with an apostrophe instead.
     */
    static String text(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return '"' + safe.replace("\"", "\"\"") + '"';
    }
}
