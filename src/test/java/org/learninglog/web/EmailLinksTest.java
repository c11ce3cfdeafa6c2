package org.learninglog.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.learninglog.Api;
import org.learninglog.ClockAndMailTest;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;
import org.learninglog.mail.TestMailServer;
import org.learninglog.reminder.ReminderFixtures;
import org.learninglog.reminder.ReminderJob;
import org.learninglog.thread.ThreadMailJob;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Every link of every kind of email opens a page: the emails are the real ones, made by the features' own jobs and
 * actions and read from GreenMail, and each link in their HTML and text parts is followed signed out (a page, or
 * sign-in and back) and signed in as the recipient, in a real browser whose page must load its data.
 */
@QuarkusTest
class EmailLinksTest extends ClockAndMailTest {

    private static final String ADMIN_TOKEN = "ll_test_admin_token";
    /** The emails people get, by outbox kind; WEBHOOK_DISABLED tells facilitators an API request, no page. */
    private static final Set<String> KINDS = Set.of("INVITATION", "ADDED_TO_GROUP", "SIGN_IN_LINK", "REMINDER",
            "FOLLOW_UP", "FACILITATOR_NUDGE", "QUESTIONS_ASKED", "THREAD_ACTIVITY", "THREAD_DIGEST",
            "UNANSWERED_QUESTION", "OUTCOME_REPORTED", "REPLY_REFUSED");

    private static final Pattern HREF = Pattern.compile("href=\"([^\"]+)\"");
    private static final Pattern URL_IN_TEXT = Pattern.compile("https?://[^\\s<>\"]+");

    private static Browser browser;

    @TestHTTPResource("/")
    URL root;

    @Inject
    Mailbox mailbox;

    @Inject
    ReminderJob reminders;

    @Inject
    ThreadMailJob threadMails;

    @Inject
    ReminderFixtures fixtures;

    @BeforeAll
    static void launch() {
        browser = new Browser();
    }

    @AfterAll
    static void quit() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void shouldOpenAPageFromEveryLinkOfEveryKindOfEmailSignedOutAndSignedIn() throws Exception {
        // Monday of 2026-W11: an administrator invites Nina, the facilitator adds her, she asks for a sign-in link.
        clock.set(Instant.parse("2026-03-09T10:00:00Z"));
        TestMember fay = data.member("Fay Facilitator");
        TestMember ana = data.member("Ana Asker");
        TestMember ben = data.member("Ben Peer");
        TestMember dora = data.member("Dora Digest");
        UUID group = data.group("Links " + TestData.suffix(), fay, ana, ben, dora);
        fixtures.cadence(group, DayOfWeek.TUESDAY, LocalTime.of(9, 0), DayOfWeek.THURSDAY, LocalTime.of(9, 0));
        String ninaEmail = "nina." + TestData.suffix() + "@test.invalid";
        UUID ninaId = UUID.fromString(Api.as(ADMIN_TOKEN)
                .body(Map.of("displayName", "Nina New", "email", ninaEmail, "timeZone", "Europe/Berlin"))
                .post("/api/v1/members").then().statusCode(201).extract().path("id"));
        Api.as(fay.token()).body(Map.of("email", ninaEmail)).post("/api/v1/groups/{id}/members", group).then()
                .statusCode(201);
        TestMember nina = new TestMember(ninaId, "Nina New", ninaEmail, null);
        Api.anonymous().header("X-Forwarded-For", Mailbox.clientAddress())
                .body(Map.of("email", ninaEmail, "next", "/groups/" + group)).post("/api/v1/sign-in-links").then()
                .statusCode(202);
        Api.as(ben.token()).body(Map.of("questionNotifications", "IMMEDIATE")).patch("/api/v1/me").then()
                .statusCode(200);
        Api.as(dora.token()).body(Map.of("replyNotifications", "DAILY_DIGEST")).patch("/api/v1/me").then()
                .statusCode(200);

        // Tuesday 09:30 in Berlin: the reminders; Ana and Ben ask; Fay nudges Nina; Nina answers her reminder
        // without the headings, which is refused with a link to the week.
        clock.set(Instant.parse("2026-03-10T08:30:00Z"));
        reminders.enqueueDue();
        String anas = post(ana, group, "Reusable crates", "Nobody returns them", "How do you get crates back?");
        post(ben, group, "Motion sensors", "They miss people", "Which sensors work in the cold?");
        Api.as(fay.token()).post("/api/v1/groups/{g}/members/{m}/nudges", group, ninaId).then().statusCode(201);
        mailbox.deliver();
        String replyTo = TestMailServer.messagesTo(ninaEmail).stream()
                .filter(m -> TestMailServer.header(m, "Reply-To") != null
                        && TestMailServer.part(m, "text/plain").contains("/weeks/2026-W11"))
                .map(m -> TestMailServer.header(m, "Reply-To")).findFirst().orElseThrow();
        Api.as(ADMIN_TOKEN).contentType("message/rfc822")
                .body(("From: Nina <" + ninaEmail + ">\r\nTo: <" + replyTo + ">\r\nSubject: Re: Learning Log\r\n"
                        + "Message-ID: <" + UUID.randomUUID() + "@mail.example.org>\r\nMIME-Version: 1.0\r\n"
                        + "Content-Type: text/plain; charset=UTF-8\r\n\r\nA quiet week, nothing new.\r\n")
                                .getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/admin/inbound-messages").then().statusCode(201);

        // An hour later Ben hears of Ana's question; Dora follows it and Ben replies; Ana hears of it at once.
        clock.set(Instant.parse("2026-03-10T09:31:00Z"));
        threadMails.enqueueDue();
        Api.as(dora.token()).put("/api/v1/entries/{id}/follow", anas).then().statusCode(204);
        String reply = Api.as(ben.token()).body(Map.of("body", "A deposit of one euro per crate."))
                .post("/api/v1/entries/{id}/replies", anas).then().statusCode(201).extract().path("id");
        clock.set(Instant.parse("2026-03-10T09:45:00Z"));
        threadMails.enqueueDue();

        // Wednesday: Dora's digest at 08:00 her time; Ben's question is unanswered after a day; Ana accepts.
        clock.set(Instant.parse("2026-03-11T07:01:00Z"));
        threadMails.enqueueDue();
        clock.set(Instant.parse("2026-03-11T09:00:00Z"));
        threadMails.enqueueDue();
        Api.as(ana.token()).body(Map.of("replyId", reply)).put("/api/v1/entries/{id}/answer", anas).then()
                .statusCode(200);
        clock.set(Instant.parse("2026-03-11T09:15:00Z"));
        threadMails.enqueueDue();

        // Thursday: the follow-up to who has not posted. Next Tuesday, Ana says how the answer worked out.
        clock.set(Instant.parse("2026-03-12T08:30:00Z"));
        reminders.enqueueDue();
        clock.set(Instant.parse("2026-03-17T08:30:00Z"));
        Api.as(ana.token()).body(Map.of("tried", "Deposits", "failed", "Nothing", "outcome", "WORKED"))
                .put("/api/v1/groups/{id}/weeks/current/entries/me", group).then().statusCode(201);
        threadMails.enqueueDue();
        mailbox.deliver();

        List<TestMember> people = List.of(fay, ana, ben, dora, nina);
        Set<String> kinds = new TreeSet<>();
        Map<TestMember, Map<String, String>> links = new LinkedHashMap<>();
        for (TestMember person : people) {
            Map<String, String> kindOf = new LinkedHashMap<>();
            fixtures.outbox(person.id()).forEach(row -> kindOf.put(row.messageId(), row.kind()));
            Map<String, String> theirs = new LinkedHashMap<>();
            for (MimeMessage message : TestMailServer.messagesTo(person.email())) {
                String kind = kindOf.getOrDefault(message.getMessageID(), "?");
                kinds.add(kind);
                Set<String> found = linksIn(message);
                assertFalse(found.isEmpty(), kind + " email without a link");
                found.forEach(link -> theirs.putIfAbsent(link, kind));
            }
            links.put(person, theirs);
        }
        assertTrue(kinds.containsAll(KINDS), "kinds of email seen: " + kinds);
        links.forEach((person, theirs) -> theirs.forEach((link, kind) -> System.out.println(
                "Email link, " + kind + " to " + person.name() + ": " + link.replaceFirst("=[^&]{12,}", "=…"))));

        // Signed out: a page, or sign-in and back to it; never the API's 404.
        for (Map<String, String> theirs : links.values()) {
            theirs.forEach((link, kind) -> {
                Response response = given().redirects().follow(false).get(link);
                if (response.statusCode() == 303) {
                    assertEquals("/sign-in?next=" + URLEncoder.encode(link, StandardCharsets.UTF_8),
                            response.header("Location").replaceFirst("^https?://[^/]+", ""), kind + " " + link);
                } else {
                    // A page of its own: sign-in, unsubscribe, or a sign-in link that expired in the week since.
                    assertTrue(response.statusCode() == 200 || link.startsWith("/sign-in/")
                            && response.statusCode() == 410, kind + " " + link + ": " + response.statusCode());
                    assertTrue(response.contentType().startsWith("text/html"), kind + " " + link);
                }
            });
        }

        // Signed in as the recipient, in the browser: each link's page loads its data without an error.
        for (TestMember person : people) {
            Browser.Tab tab = signedIn(person);
            for (Map.Entry<String, String> link : links.get(person).entrySet()) {
                String path = link.getKey();
                com.microsoft.playwright.Response opened = tab.page().navigate(url(path));
                String where = link.getValue() + " " + path + " for " + person.name();
                assertTrue(opened.status() == 200 || path.startsWith("/sign-in/") && opened.status() == 410,
                        where + ": " + opened.status());
                assertTrue(opened.headerValue("content-type").startsWith("text/html"), where);
                if (tab.page().locator("body[data-page]").count() > 0) {
                    tab.page().waitForSelector("body[data-ready]");
                    assertEquals("true", tab.page().getAttribute("body", "data-ready"),
                            where + ": " + tab.status());
                    assertFalse("notFound".equals(tab.page().getAttribute("body", "data-page")), where);
                } else {
                    // A page of its own (sign-in, unsubscribe): it says what it is about.
                    assertTrue(tab.page().locator("h1").textContent().length() > 0, where);
                }
            }
            tab.noScriptRan();
            tab.context().close();
        }
    }

    /** The links of an email's HTML and text parts, as paths of this site (an email links nowhere else). */
    private static Set<String> linksIn(MimeMessage message) {
        List<String> found = new ArrayList<>();
        Matcher href = HREF.matcher(TestMailServer.part(message, "text/html"));
        while (href.find()) {
            found.add(href.group(1).replace("&amp;", "&"));
        }
        Matcher text = URL_IN_TEXT.matcher(TestMailServer.part(message, "text/plain"));
        while (text.find()) {
            found.add(text.group());
        }
        Set<String> paths = new LinkedHashSet<>();
        for (String link : found) {
            if (link.startsWith("mailto:")) {
                continue;
            }
            assertTrue(link.startsWith("http://localhost:8080/"), "a link elsewhere: " + link);
            String path = link.replaceFirst("^https?://[^/]+", "").replaceFirst("#.*$", "");
            assertFalse(path.startsWith("/api/"), "an email links to the API, not a page: " + link);
            paths.add(path);
        }
        return paths;
    }

    private String post(TestMember member, UUID group, String tried, String failed, String question) {
        return Api.as(member.token()).body(Map.of("tried", tried, "failed", failed, "question", question))
                .put("/api/v1/groups/{id}/weeks/current/entries/me", group).then().statusCode(201).extract()
                .path("id");
    }

    private Browser.Tab signedIn(TestMember member) {
        int seen = Mailbox.received(member.email());
        Api.anonymous().header("X-Forwarded-For", Mailbox.clientAddress())
                .body(Map.of("email", member.email(), "next", "/")).post("/api/v1/sign-in-links").then()
                .statusCode(202);
        Browser.Tab tab = browser.open();
        tab.page().navigate(url(mailbox.path(member.email(), Mailbox.SIGN_IN, seen)));
        tab.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        tab.page().waitForURL(url("/"));
        return tab.ready();
    }

    private String url(String path) {
        return root.toString().replaceFirst("/$", "") + path;
    }
}
