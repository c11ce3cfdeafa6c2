package org.learninglog.insights;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.learninglog.Api;
import org.learninglog.ClockAndMailTest;
import org.learninglog.Race;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;
import org.learninglog.group.Membership;
import org.learninglog.mail.MailDispatcher;
import org.learninglog.mail.TestMailServer;

import io.quarkus.test.junit.QuarkusTest;

/** What facilitators can do about what the insights show: preview their group's reminders, nudge a member. */
@QuarkusTest
class FacilitatorActionsTest extends ClockAndMailTest {

    private static final String NUDGES = "/api/v1/groups/{g}/members/{m}/nudges";
    private static final String PREVIEW = "/api/v1/admin/reminders/preview";

    @Inject
    InsightFixtures fixtures;

    @Inject
    MailDispatcher dispatcher;

    @Test
    void shouldNudgeAMemberOncePerWeekInTheirLanguageNamingTheFacilitator() throws Exception {
        clock.set(Instant.parse("2026-03-12T10:00:00Z")); // Thursday of 2026-W11
        TestMember fay = data.member("Fay Nudger");
        TestMember jonas = data.member("Jonas Quiet");
        UUID group = data.group("Nudges " + TestData.suffix(), fay, jonas);
        fixtures.language(jonas.id(), "de");

        Api.as(fay.token()).post(NUDGES, group, jonas.id()).then().statusCode(201)
                .body("groupId", equalTo(group.toString())).body("memberId", equalTo(jonas.id().toString()))
                .body("week", equalTo("2026-W11")).body("nudgedBy", equalTo(fay.id().toString()))
                .body("createdAt", equalTo("2026-03-12T10:00:00Z"));
        Api.as(fay.token()).post(NUDGES, group, jonas.id()).then().statusCode(409);

        List<MimeMessage> mails = delivered(jonas.email());
        assertEquals(1, mails.size());
        assertEquals("Fay Nudger freut sich auf Ihren Eintrag in " + groupName(group, mails.get(0)),
                TestMailServer.subject(mails.get(0)));
        String text = TestMailServer.part(mails.get(0), "text/plain");
        assertTrue(text.contains("Fay Nudger bittet Sie"), text);
        assertTrue(text.contains("2026-W11"), text);
        assertTrue(text.contains("/groups/" + group + "/weeks/2026-W11"), text);

        // A new week, a new nudge.
        clock.set(Instant.parse("2026-03-17T10:00:00Z"));
        Api.as(fay.token()).post(NUDGES, group, jonas.id()).then().statusCode(201).body("week", equalTo("2026-W12"));
        assertEquals(2, fixtures.nudges(group, jonas.id()));
    }

    @Test
    void shouldNudgeExactlyOnceWhenFacilitatorsRace() throws Exception {
        clock.set(Instant.parse("2026-03-12T10:00:00Z"));
        TestMember fay = data.member("Fay Racer");
        TestMember flo = data.member("Flo Racer");
        TestMember jonas = data.member("Jonas Raced");
        UUID group = data.group("Nudge race " + TestData.suffix(), fay, jonas);
        data.join(group, flo, Membership.Role.FACILITATOR);

        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String token = i % 2 == 0 ? fay.token() : flo.token();
            calls.add(() -> Api.as(token).post(NUDGES, group, jonas.id()).then().extract().statusCode());
        }
        List<Integer> statuses = Race.all(calls);

        assertEquals(1, Collections.frequency(statuses, 201), statuses::toString);
        assertEquals(7, Collections.frequency(statuses, 409), statuses::toString);
        assertEquals(1, fixtures.nudges(group, jonas.id()));
        assertEquals(1, fixtures.outbox("nudge:" + group + ":" + jonas.id()));
        assertEquals(1, delivered(jonas.email()).size());
    }

    @Test
    void shouldLetOnlyTheGroupsFacilitatorsNudgeMembersWhoHaveNotPostedAndAreNotAway() {
        clock.set(Instant.parse("2026-03-12T10:00:00Z"));
        TestMember fay = data.member("Fay Careful");
        TestMember ana = data.member("Ana Plain");
        TestMember posted = data.member("Pia Posted");
        TestMember away = data.member("Abe Away");
        TestMember outsider = data.member("Olga Outsider");
        UUID group = data.group("Nudge rules " + TestData.suffix(), fay, ana, posted, away);
        InsightFixtures.post(posted.token(), group, "2026-W11", null);
        fixtures.awayUntil(away.id(), LocalDate.parse("2026-03-14"));

        Api.as(ana.token()).post(NUDGES, group, posted.id()).then().statusCode(403);
        Api.as(outsider.token()).post(NUDGES, group, ana.id()).then().statusCode(404);
        Api.as(data.admin().token()).post(NUDGES, group, ana.id()).then().statusCode(404);
        Api.as(fay.token()).post(NUDGES, group, outsider.id()).then().statusCode(404);
        Api.as(fay.token()).post(NUDGES, UUID.randomUUID(), ana.id()).then().statusCode(404);
        Api.as(fay.token()).post(NUDGES, group, posted.id()).then().statusCode(409);
        Api.as(fay.token()).post(NUDGES, group, away.id()).then().statusCode(409);
        Api.anonymous().post(NUDGES, group, ana.id()).then().statusCode(401);
        assertEquals(0, fixtures.nudges(group, posted.id()) + fixtures.nudges(group, away.id())
                + fixtures.nudges(group, ana.id()));
    }

    @Test
    void shouldLetAFacilitatorPreviewTheRemindersOfTheirOwnGroupOnly() {
        clock.set(Instant.parse("2026-03-10T08:30:00Z"));
        TestMember fay = data.member("Fay Previewer");
        TestMember ana = data.member("Ana Previewed");
        TestMember outsider = data.member("Olga Outsider");
        UUID group = data.group("Preview mine " + TestData.suffix(), fay, ana);
        UUID other = data.group("Preview other " + TestData.suffix(), outsider);

        Api.as(fay.token()).queryParam("groupId", group.toString()).get(PREVIEW).then().statusCode(200)
                .body("items[0].groupId", equalTo(group.toString()))
                .body("items[0].members.displayName", org.hamcrest.Matchers.contains("Ana Previewed", "Fay Previewer"));
        Api.as(fay.token()).get(PREVIEW).then().statusCode(403);
        Api.as(ana.token()).queryParam("groupId", group.toString()).get(PREVIEW).then().statusCode(403);
        Api.as(fay.token()).queryParam("groupId", other.toString()).get(PREVIEW).then().statusCode(404);
    }

    private List<MimeMessage> delivered(String email) {
        for (int round = 0; round < 100 && dispatcher.dispatchDue() > 0; round++) {
            // keep delivering: other tests leave mail due too
        }
        return TestMailServer.messagesTo(email);
    }

    private static String groupName(UUID group, MimeMessage mail) {
        String subject = TestMailServer.subject(mail);
        return subject.substring(subject.indexOf("Nudges "));
    }
}
