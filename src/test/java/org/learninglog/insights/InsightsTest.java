package org.learninglog.insights;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.learninglog.insights.InsightFixtures.accept;
import static org.learninglog.insights.InsightFixtures.post;
import static org.learninglog.insights.InsightFixtures.reply;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.learninglog.Api;
import org.learninglog.ClockAndMailTest;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;
import org.learninglog.group.Membership;
import org.learninglog.reminder.ReminderFixtures;
import org.learninglog.time.Week;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class InsightsTest extends ClockAndMailTest {

    private static final String INSIGHTS = "/api/v1/groups/{g}/insights";
    private static final String ORGANISATION = "/api/v1/insights";

    @Inject
    InsightFixtures fixtures;

    @Inject
    ReminderFixtures entries;

    /** The hand-built group of two weeks, 2026-W10 and 2026-W11 (log day Tuesday), its members by role. */
    record World(UUID group, TestMember facilitator, TestMember ana, TestMember ben, TestMember cleo,
            TestMember dana, TestMember eli, TestMember gus, String eliQuestion, String anaReplyToEli) {
    }

    /**
     * 2026-W10: Ana asks at 10:00 and Fay (facilitating) replies at 10:59, 59 minutes; Ben asks at 11:00 and Cleo
     * replies at 12:01, 61 minutes; Ana accepts Fay's reply; Cleo posts late, on Monday of W11; Dana is away on
     * the log day; Eli and Fay do not post. 2026-W11: Gus joins on Tuesday; Ana posts and tells Fay's advice worked;
     * Fay asks (no reply); Eli in Los Angeles asks on Sunday 23:30 her time and Ana replies 45 minutes later, after
     * midnight in Los Angeles.
     */
    World world() {
        clock.set(Instant.parse("2026-02-23T10:00:00Z"));
        TestMember fay = data.member("Fay Facilitator");
        TestMember ana = data.member("Ana Asks");
        TestMember ben = data.member("Ben Asks");
        TestMember cleo = data.member("Cleo Late");
        TestMember dana = data.member("Dana Away");
        TestMember eli = data.member("Eli Los Angeles", "America/Los_Angeles");
        TestMember gus = data.member("Gus Joins Later");
        UUID group = data.group("Insights " + TestData.suffix(), fay, ana, ben, cleo, dana, eli);

        clock.set(Instant.parse("2026-03-03T10:00:00Z"));
        String anaEntry = post(ana.token(), group, "2026-W10", "How do I label recycled packaging?");
        clock.set(Instant.parse("2026-03-03T10:59:00Z"));
        String fayReply = reply(fay.token(), anaEntry, "Ask the supplier for the template.");
        clock.set(Instant.parse("2026-03-03T11:00:00Z"));
        String benEntry = post(ben.token(), group, "2026-W10", "Who prints compliant labels?");
        clock.set(Instant.parse("2026-03-03T12:01:00Z"));
        reply(cleo.token(), benEntry, "Our printer in Bremen does.");
        clock.set(Instant.parse("2026-03-03T13:00:00Z"));
        accept(ana.token(), anaEntry, fayReply);
        clock.set(Instant.parse("2026-03-09T08:00:00Z"));
        post(cleo.token(), group, "2026-W10", null);
        fixtures.awayUntil(dana.id(), LocalDate.parse("2026-03-04"));

        clock.set(Instant.parse("2026-03-10T09:00:00Z"));
        post(ana.token(), group, "2026-W11", null, "WORKED");
        post(fay.token(), group, "2026-W11", "Does anyone track returns by store?");
        clock.set(Instant.parse("2026-03-10T12:00:00Z"));
        data.join(group, gus, Membership.Role.MEMBER);
        clock.set(Instant.parse("2026-03-16T06:30:00Z")); // Sunday 23:30 in Los Angeles, still 2026-W11 there
        String eliEntry = post(eli.token(), group, "2026-W11", "What do we tell customers about deposits?");
        clock.set(Instant.parse("2026-03-16T07:15:00Z")); // Monday 00:15 in Los Angeles
        String anaReply = reply(ana.token(), eliEntry, "We hand out a leaflet.");

        clock.set(Instant.parse("2026-03-20T10:00:00Z"));
        return new World(group, fay, ana, ben, cleo, dana, eli, gus, eliEntry, anaReply);
    }

    @Test
    void shouldCountPostingRatesRepliesAndTimesToFirstReplyExactly() {
        World w = world();

        JsonPath insights = Api.as(w.ana().token()).queryParam("from", "2026-W10").queryParam("to", "2026-W11")
                .get(INSIGHTS, w.group()).then().statusCode(200)
                .body("groupId", equalTo(w.group().toString()))
                .body("from", equalTo("2026-W10")).body("to", equalTo("2026-W11"))
                .body("weeks", hasSize(2))
                .extract().jsonPath();

        // W10: six members (Gus not yet), Ana, Ben and Cleo (late) posted, Dana away: 3 / (6 − 1).
        assertEquals(Map.ofEntries(Map.entry("week", "2026-W10"), Map.entry("members", 6), Map.entry("posted", 3),
                Map.entry("late", 1), Map.entry("away", 1), Map.entry("postingRate", 0.6f),
                Map.entry("questions", 2), Map.entry("questionsReplied", 2), Map.entry("questionsAnswered", 1),
                Map.entry("medianSecondsToFirstReply", 3600), Map.entry("p90SecondsToFirstReply", 3648),
                Map.entry("firstReplyWithinHourShare", 0.5f), Map.entry("firstReplyWithinDayShare", 1.0f),
                Map.entry("repliers", 2), Map.entry("outcomes", 1), Map.entry("outcomesWorked", 1),
                Map.entry("outcomesPartly", 0), Map.entry("outcomesDidNotWork", 0),
                Map.entry("outcomesNotTriedYet", 0)), insights.getMap("weeks[0]"));
        // W11: seven members (Gus joined on Tuesday), Ana, Fay and Eli posted, Dana back: 3 / 7. Eli's question
        // counts for her own week W11, and its reply after her midnight took 45 minutes.
        assertEquals(Map.ofEntries(Map.entry("week", "2026-W11"), Map.entry("members", 7), Map.entry("posted", 3),
                Map.entry("late", 0), Map.entry("away", 0), Map.entry("postingRate", 0.4286f),
                Map.entry("questions", 2), Map.entry("questionsReplied", 1), Map.entry("questionsAnswered", 0),
                Map.entry("medianSecondsToFirstReply", 2700), Map.entry("p90SecondsToFirstReply", 2700),
                Map.entry("firstReplyWithinHourShare", 0.5f), Map.entry("firstReplyWithinDayShare", 0.5f),
                Map.entry("repliers", 1), Map.entry("outcomes", 0), Map.entry("outcomesWorked", 0),
                Map.entry("outcomesPartly", 0), Map.entry("outcomesDidNotWork", 0),
                Map.entry("outcomesNotTriedYet", 0)), insights.getMap("weeks[1]"));
        // The period: member-weeks summed, times over all four questions (2700, 3540, 3660; one unanswered).
        assertEquals(Map.ofEntries(Map.entry("members", 13), Map.entry("posted", 6), Map.entry("late", 1),
                Map.entry("away", 1), Map.entry("postingRate", 0.5f), Map.entry("questions", 4),
                Map.entry("questionsReplied", 3), Map.entry("questionsAnswered", 1),
                Map.entry("medianSecondsToFirstReply", 3540), Map.entry("p90SecondsToFirstReply", 3636),
                Map.entry("firstReplyWithinHourShare", 0.5f), Map.entry("firstReplyWithinDayShare", 0.75f),
                Map.entry("repliers", 3), Map.entry("outcomes", 1), Map.entry("outcomesWorked", 1),
                Map.entry("outcomesPartly", 0), Map.entry("outcomesDidNotWork", 0),
                Map.entry("outcomesNotTriedYet", 0)), insights.getMap("totals"));
        // The two weeks before: the group began in W09 with six members, Dana away, nobody posted.
        assertEquals("2026-W08", insights.getString("previous.from"));
        assertEquals("2026-W09", insights.getString("previous.to"));
        assertEquals(Map.ofEntries(Map.entry("members", 6), Map.entry("posted", 0), Map.entry("late", 0),
                Map.entry("away", 1), Map.entry("postingRate", 0.0f), Map.entry("questions", 0),
                Map.entry("questionsReplied", 0), Map.entry("questionsAnswered", 0), Map.entry("repliers", 0),
                Map.entry("outcomes", 0), Map.entry("outcomesWorked", 0), Map.entry("outcomesPartly", 0),
                Map.entry("outcomesDidNotWork", 0), Map.entry("outcomesNotTriedYet", 0)),
                insights.getMap("previous.totals"));
        assertEquals(Map.ofEntries(Map.entry("members", 7), Map.entry("posted", 6), Map.entry("late", 1),
                Map.entry("away", 0), Map.entry("postingRate", 0.5f), Map.entry("questions", 4),
                Map.entry("questionsReplied", 3), Map.entry("questionsAnswered", 1), Map.entry("repliers", 3),
                Map.entry("outcomes", 1), Map.entry("outcomesWorked", 1), Map.entry("outcomesPartly", 0),
                Map.entry("outcomesDidNotWork", 0), Map.entry("outcomesNotTriedYet", 0)),
                insights.getMap("change"));
    }

    @Test
    void shouldCountTheOutcomesOfAcceptedAnswersInTheWeekOfTheQuestion() {
        World w = world();
        // W12: Eli accepts Ana's reply to her W11 question and tells it did not work; Fay tells she has not tried
        // yet, but her W11 question had no answer: no outcome of an accepted answer.
        accept(w.eli().token(), w.eliQuestion(), w.anaReplyToEli());
        post(w.eli().token(), w.group(), "2026-W12", null, "DID_NOT_WORK");
        post(w.facilitator().token(), w.group(), "2026-W12", null, "NOT_TRIED_YET");

        JsonPath insights = Api.as(w.ana().token()).queryParam("from", "2026-W10").queryParam("to", "2026-W11")
                .get(INSIGHTS, w.group()).then().statusCode(200).extract().jsonPath();
        // W10: Ana's question, answered by Fay, worked.
        assertEquals(List.of(1, 1, 0, 0, 0), outcomes(insights, "weeks[0]"));
        // W11: Eli's question, answered by Ana, did not work; Fay's, without an answer, does not count.
        assertEquals(List.of(1, 0, 0, 1, 0), outcomes(insights, "weeks[1]"));
        assertEquals(1, insights.getInt("weeks[1].questionsAnswered"));
        assertEquals(List.of(2, 1, 0, 1, 0), outcomes(insights, "totals"));
        assertEquals(List.of(2, 1, 0, 1, 0), outcomes(insights, "change"));
        // The CSV has the same outcomes.
        String csv = Api.as(w.ana().token()).accept("text/csv").queryParam("from", "2026-W10")
                .queryParam("to", "2026-W11").get(INSIGHTS, w.group()).then().statusCode(200).extract().asString();
        assertEquals(List.of("1", "0", "0", "1", "0"), rows(csv).get(1).subList(16, 21));
        assertEquals(csvOf(insights.getString("groupId"), insights.getString("groupName"), insights.getList("weeks")),
                rows(csv));
    }

    private static List<Integer> outcomes(JsonPath insights, String figures) {
        return List.of("outcomes", "outcomesWorked", "outcomesPartly", "outcomesDidNotWork", "outcomesNotTriedYet")
                .stream().map(name -> insights.getInt(figures + "." + name)).toList();
    }

    @Test
    void shouldDefaultToTheLastTwelveWeeksUpToTheCallersCurrentWeek() {
        World w = world();

        JsonPath insights = Api.as(w.facilitator().token()).get(INSIGHTS, w.group()).then().statusCode(200)
                .body("from", equalTo("2026-W01")).body("to", equalTo("2026-W12"))
                .body("previous.from", equalTo("2025-W41")).body("previous.to", equalTo("2025-W52"))
                .body("weeks", hasSize(12))
                .extract().jsonPath();
        assertEquals("2026-W10", insights.getString("weeks[9].week"));
        assertEquals(3, insights.getInt("weeks[9].posted"));
        // Before the group began: nobody counts, and there is no rate to tell.
        assertEquals(0, insights.getInt("weeks[0].members"));
        assertNull(insights.get("weeks[0].postingRate"));
        assertEquals(6, insights.getInt("totals.posted"));
    }

    @Test
    void shouldAnswerCsvWithTheSameFiguresAsJson() {
        World w = world();

        JsonPath json = Api.as(w.ana().token()).queryParam("from", "2026-W09").queryParam("to", "2026-W11")
                .get(INSIGHTS, w.group()).then().statusCode(200).extract().jsonPath();
        String csv = Api.as(w.ana().token()).accept("text/csv").queryParam("from", "2026-W09")
                .queryParam("to", "2026-W11").get(INSIGHTS, w.group()).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .header("Content-Disposition",
                        "attachment; filename=\"insights-" + w.group() + "-2026-W09-2026-W11.csv\"")
                .extract().asString();

        assertEquals(csvOf(json.getString("groupId"), json.getString("groupName"), json.getList("weeks")),
                rows(csv));
    }

    @Test
    void shouldHideTheInsightsFromAnyoneNotInTheGroupAdministratorsToo() {
        World w = world();
        TestMember outsider = data.member("Olga Outsider");

        Api.as(outsider.token()).get(INSIGHTS, w.group()).then().statusCode(404);
        Api.as(data.admin().token()).get(INSIGHTS, w.group()).then().statusCode(404);
        Api.as(w.ana().token()).get(INSIGHTS, UUID.randomUUID()).then().statusCode(404);
        Api.anonymous().get(INSIGHTS, w.group()).then().statusCode(401);
    }

    @Test
    void shouldRefuseARangeThatIsBackwardsTooLongOrNotAWeek() {
        World w = world();

        Api.badRequestAs(w.ana().token()).queryParam("from", "2026-W11").queryParam("to", "2026-W10")
                .get(INSIGHTS, w.group()).then().statusCode(400).body("errors[0].field", equalTo("from"));
        Api.badRequestAs(w.ana().token()).queryParam("from", "2024-W11").queryParam("to", "2026-W11")
                .get(INSIGHTS, w.group()).then().statusCode(400).body("errors[0].field", equalTo("from"));
        Api.badRequestAs(w.ana().token()).queryParam("to", "2026-W60")
                .get(INSIGHTS, w.group()).then().statusCode(400).body("errors[0].field", equalTo("to"));
        // 104 weeks are the most.
        Api.as(w.ana().token()).queryParam("from", "2024-W12").queryParam("to", "2026-W11")
                .get(INSIGHTS, w.group()).then().statusCode(200).body("weeks", hasSize(104));
    }

    @Test
    void shouldShowAdministratorsTheFiguresOfEveryGroupButNoContentAndNoNames() {
        World w = world();
        TestMember admin = data.admin();
        JsonPath mine = Api.as(w.ana().token()).queryParam("from", "2026-W10").queryParam("to", "2026-W11")
                .get(INSIGHTS, w.group()).then().statusCode(200).extract().jsonPath();

        String body = Api.as(admin.token()).queryParam("from", "2026-W10").queryParam("to", "2026-W11")
                .get(ORGANISATION).then().statusCode(200)
                .body("from", equalTo("2026-W10")).body("to", equalTo("2026-W11"))
                .body("minimumGroupSize", equalTo(3))
                .extract().asString();
        JsonPath organisation = new JsonPath(body);
        String group = "groups.find { it.groupId == '" + w.group() + "' }";
        assertEquals(7, organisation.getInt(group + ".members"));
        assertEquals(false, organisation.getBoolean(group + ".belowMinimumSize"));
        assertEquals(false, organisation.getBoolean(group + ".postingRateFalling"));
        assertEquals(mine.getList("weeks"), organisation.getList(group + ".weeks"));
        assertEquals(mine.getMap("totals"), organisation.getMap(group + ".totals"));
        assertEquals(mine.getMap("change"), organisation.getMap(group + ".change"));
        for (String secret : List.of("label", "supplier", "Bremen", "deposits", "leaflet", "returns",
                w.facilitator().name(), w.ana().name(), w.ben().name(), w.cleo().name(), w.dana().name(),
                w.eli().name(), w.gus().name(), w.ana().email(), w.ana().id().toString(), w.dana().id().toString())) {
            assertFalse(body.contains(secret), () -> "The organisation's insights show " + secret);
        }
    }

    @Test
    void shouldShowOnlyTheSizeOfAGroupBelowTheMinimumSize() {
        World w = world();
        TestMember admin = data.admin();
        TestMember tia = data.member("Tia Tiny");
        UUID tiny = data.group("Tiny " + TestData.suffix(), tia, data.member("Tom Tiny"));
        post(tia.token(), tiny, "2026-W12", "A question of a small group");

        JsonPath organisation = Api.as(admin.token()).get(ORGANISATION).then().statusCode(200).extract().jsonPath();
        Map<String, Object> small = organisation.getMap("groups.find { it.groupId == '" + tiny + "' }");
        assertEquals(Map.of("groupId", tiny.toString(), "groupName", small.get("groupName"), "archived", false,
                "members", 2, "belowMinimumSize", true), small);
        String csv = Api.as(admin.token()).accept("text/csv").get(ORGANISATION).then().statusCode(200).extract()
                .asString();
        assertFalse(csv.contains(tiny.toString()), "The CSV has rows of a group below the minimum size");
        assertEquals(12, rows(csv).stream().filter(r -> r.get(0).equals(w.group().toString())).count());
    }

    @Test
    void shouldAnswerTheOrganisationsCsvWithTheSameFiguresAsJson() {
        World w = world();
        TestMember admin = data.admin();

        JsonPath json = Api.as(admin.token()).queryParam("from", "2026-W10").queryParam("to", "2026-W11")
                .get(ORGANISATION).then().statusCode(200).extract().jsonPath();
        String csv = Api.as(admin.token()).accept("text/csv").queryParam("from", "2026-W10")
                .queryParam("to", "2026-W11").get(ORGANISATION).then().statusCode(200).extract().asString();

        List<List<String>> expected = new ArrayList<>();
        for (Map<String, Object> group : json.<Map<String, Object>>getList("groups")) {
            if (group.get("weeks") != null) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> weeks = (List<Map<String, Object>>) group.get("weeks");
                expected.addAll(csvOf((String) group.get("groupId"), (String) group.get("groupName"), weeks));
            }
        }
        assertEquals(expected, rows(csv));
        assertEquals(2, rows(csv).stream().filter(r -> r.get(0).equals(w.group().toString())).count());
    }

    @Test
    void shouldShowTheOrganisationsInsightsToAdministratorsOnly() {
        World w = world();

        Api.as(w.facilitator().token()).get(ORGANISATION).then().statusCode(403);
        Api.anonymous().get(ORGANISATION).then().statusCode(401);
    }

    @Test
    void shouldFlagAGroupWhosePostingRateFellThreeWeeksInARow() {
        clock.set(Instant.parse("2026-01-26T10:00:00Z"));
        TestMember[] four = { data.member("Flo One"), data.member("Flo Two"), data.member("Flo Three"),
            data.member("Flo Four") };
        UUID falling = data.group("Falling " + TestData.suffix(), four[0], four[1], four[2], four[3]);
        UUID steady = data.group("Steady " + TestData.suffix(), four[0], four[1], four[2], four[3]);
        String[] weeks = { "2026-W06", "2026-W07", "2026-W08", "2026-W09" };
        for (int week = 0; week < weeks.length; week++) {
            for (int member = 0; member < four.length - week; member++) {
                entries.post(falling, four[member].id(), weeks[week]);
            }
            entries.post(steady, four[0].id(), weeks[week]);
        }
        clock.set(Instant.parse("2026-03-20T10:00:00Z"));

        JsonPath organisation = Api.as(data.admin().token()).queryParam("from", "2026-W06")
                .queryParam("to", "2026-W09").get(ORGANISATION).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(1.0f, 0.75f, 0.5f, 0.25f),
                organisation.getList("groups.find { it.groupId == '" + falling + "' }.weeks.postingRate"));
        assertEquals(true, organisation.getBoolean("groups.find { it.groupId == '" + falling + "' }"
                + ".postingRateFalling"));
        assertEquals(false, organisation.getBoolean("groups.find { it.groupId == '" + steady + "' }"
                + ".postingRateFalling"));
    }

    @Test
    void shouldNotCountTheCallersUnfinishedWeekAsAFall() {
        List<InsightService.WeekFigures> weeks = new ArrayList<>();
        double[] rates = { 1.0, 0.75, 0.5, 0.25 };
        for (int i = 0; i < rates.length; i++) {
            weeks.add(new InsightService.WeekFigures(Week.parse("2026-W0" + (6 + i)).orElseThrow(),
                    new InsightService.Figures(4L, 0L, 0L, 0L, rates[i], 0L, 0L, 0L, null, null, null, null, 0L, 0L,
                            0L, 0L, 0L, 0L)));
        }
        assertTrue(InsightService.postingRateFalling(weeks, Week.parse("2026-W10").orElseThrow()));
        assertFalse(InsightService.postingRateFalling(weeks, Week.parse("2026-W09").orElseThrow()));
    }

    /** The CSV's data rows, split into fields. */
    static List<List<String>> rows(String csv) {
        String[] lines = csv.split("\r\n");
        assertEquals(InsightsCsv.HEADER, lines[0]);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            List<String> row = new ArrayList<>(List.of(lines[i].split(",", -1)));
            for (int field = 3; field < row.size(); field++) {
                row.set(field, number(row.get(field)));
            }
            rows.add(row);
        }
        return rows;
    }

    /** A figure written the one way, so `1.0` and `1` compare equal. */
    private static String number(String text) {
        return text.isEmpty() ? "" : new java.math.BigDecimal(text).stripTrailingZeros().toPlainString();
    }

    /** What the CSV rows must be for these weeks of the JSON. */
    static List<List<String>> csvOf(String groupId, String groupName, List<Map<String, Object>> weeks) {
        List<String> figures = List.of("members", "posted", "late", "away", "postingRate", "questions",
                "questionsReplied", "questionsAnswered", "medianSecondsToFirstReply", "p90SecondsToFirstReply",
                "firstReplyWithinHourShare", "firstReplyWithinDayShare", "repliers", "outcomes", "outcomesWorked",
                "outcomesPartly", "outcomesDidNotWork", "outcomesNotTriedYet");
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> week : weeks) {
            List<String> row = new ArrayList<>(List.of(groupId, '"' + groupName + '"', (String) week.get("week")));
            for (String figure : figures) {
                Object value = week.get(figure);
                row.add(value == null ? "" : number(value.toString()));
            }
            rows.add(row);
        }
        return rows;
    }
}
