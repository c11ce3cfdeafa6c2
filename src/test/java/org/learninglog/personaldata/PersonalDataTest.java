package org.learninglog.personaldata;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.learninglog.Api.anonymous;
import static org.learninglog.Api.as;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.learninglog.ClockAndMailTest;
import org.learninglog.Race;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;
import org.learninglog.entry.Entries;
import org.learninglog.mail.MailDispatcher;
import org.learninglog.mail.TestMailServer;
import org.learninglog.member.Administrators;
import org.learninglog.thread.ThreadMailJob;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class PersonalDataTest extends ClockAndMailTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ThreadMailJob threadMail;

    @Inject
    MailDispatcher dispatcher;

    @Inject
    Administrators administrators;

    private final List<UUID> demoted = new ArrayList<>();

    @AfterEach
    void giveTheOtherAdministratorsTheirRoleBack() {
        administrators.restore(demoted);
        demoted.clear();
    }

    /** Ana asked a question, Bo replied, Ana replied to Bo's entry and holds a second token. */
    record Scene(TestMember ana, TestMember bo, TestMember cy, UUID groupId, String anasEntry, String bosEntry,
            String bosReply, String anasReply) {
    }

    private Scene scene() {
        clock.set(Instant.parse("2026-11-24T10:00:00Z"));
        TestMember ana = data.member("Ana Erasable " + TestData.suffix());
        TestMember bo = data.member("Bo");
        TestMember cy = data.member("Cy");
        UUID groupId = data.group("Personal data " + TestData.suffix(), bo, ana, cy);
        String anasEntry = put(ana, groupId, Entries.entry("Switched to a new packaging supplier to meet the standards",
                "Costs came in 20% over budget " + ana.id(), "Has anyone found a workaround?", List.of("packaging")));
        String bosEntry = put(bo, groupId, Entries.entry("Tried a supplier day", "Few came", "Why so few?", null));
        String bosReply = as(bo.token()).body(Map.of("body", "Pool the orders")).post("/api/v1/entries/{id}/replies",
                anasEntry).then().statusCode(201).extract().path("id");
        String anasReply = as(ana.token()).header("Idempotency-Key", "ana-reply-1")
                .body(Map.of("body", "Invite them in person")).post("/api/v1/entries/{id}/replies", bosEntry).then()
                .statusCode(201).extract().path("id");
        as(ana.token()).body(Map.of("name", "script")).post("/api/v1/me/tokens").then().statusCode(201);
        return new Scene(ana, bo, cy, groupId, anasEntry, bosEntry, bosReply, anasReply);
    }

    @Test
    void shouldExportEverythingHeldAboutMe() {
        Scene s = scene();

        JsonPath export = as(s.ana().token()).get("/api/v1/me/export").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();

        assertEquals(s.ana().id().toString(), export.getString("profile.id"));
        assertEquals(s.ana().email(), export.getString("profile.email"));
        assertThat(export.getList("memberships.groupId"), hasItem(s.groupId().toString()));
        assertThat(export.getList("entries.id"), hasItem(s.anasEntry()));
        assertEquals("Switched to a new packaging supplier to meet the standards",
                export.getString("entries[0].tried"));
        assertEquals("CREATED", export.getString("entries[0].history[0].change"));
        assertThat(export.getList("replies.id"), hasItem(s.anasReply()));
        // Repliers follow the thread (authors hear of replies without a row).
        assertThat(export.getList("follows.entryId"), hasItem(s.bosEntry()));
        assertThat(export.getList("notifications.replyId"), hasItem(s.bosReply()));
        assertEquals(2, export.getList("accessTokens").size());
        assertThat(export.getList("idempotencyKeys.key"), hasItem("ana-reply-1"));
        assertTrue(export.getList("emails").size() >= 0);
        // Metadata, never a secret.
        assertThat(export.prettify(), not(containsString(s.ana().token())));
    }

    @Test
    void shouldExportAZipWithTheJsonAndAReadableMarkdownCopy() throws IOException {
        Scene s = scene();

        byte[] zip = as(s.ana().token()).accept("application/zip").get("/api/v1/me/export").then().statusCode(200)
                .contentType("application/zip").header("Content-Disposition", containsString("attachment"))
                .extract().asByteArray();

        Map<String, String> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertEquals(java.util.Set.of("personal-data.json", "personal-data.md"), files.keySet());
        assertThat(files.get("personal-data.json"), containsString(s.anasEntry()));
        String markdown = files.get("personal-data.md");
        assertThat(markdown, containsString("# Personal data held by Learning Log"));
        assertThat(markdown, containsString("## Entries"));
        assertThat(markdown, containsString("Switched to a new packaging supplier to meet the standards"));
        assertThat(markdown, containsString("## Access tokens"));
    }

    @Test
    void shouldRefuseTheExportWithoutCredentials() {
        anonymous().get("/api/v1/me/export").then().statusCode(401);
    }

    @Test
    void shouldEraseAMemberLeavingNoPersonalDataInAnyTable() throws SQLException {
        Scene s = scene();
        TestMember admin = data.admin();
        String name = s.ana().name();
        String email = s.ana().email();
        assertTrue(textColumnsContaining(email).size() > 0, "the scene holds Ana's address somewhere");

        as(admin.token()).body(Map.of()).post("/api/v1/members/{id}/erasure", s.ana().id()).then().statusCode(200)
                .body("memberId", equalTo(s.ana().id().toString())).body("content", equalTo("ANONYMISE"));

        assertEquals(List.of(), textColumnsContaining(email));
        assertEquals(List.of(), textColumnsContaining(name));
        // Kept, anonymised: the group still reads Ana's question and reply, by "Former member".
        as(s.bo().token()).get("/api/v1/entries/{id}", s.anasEntry()).then().statusCode(200)
                .body("author.displayName", equalTo("Former member"))
                .body("tried", equalTo("Switched to a new packaging supplier to meet the standards"));
        as(s.bo().token()).get("/api/v1/entries/{id}/replies", s.bosEntry()).then().statusCode(200)
                .body("items.find { it.id == '" + s.anasReply() + "' }.author.displayName", equalTo("Former member"));
        // Her tokens are gone, and nothing of her can be changed or brought back.
        as(s.ana().token()).get("/api/v1/me").then().statusCode(401);
        as(admin.token()).body(Map.of("active", true)).patch("/api/v1/members/{id}", s.ana().id()).then()
                .statusCode(409);
        as(admin.token()).body(Map.of()).post("/api/v1/members/{id}/erasure", s.ana().id()).then().statusCode(409);
        assertEquals(1, count("SELECT count(*) FROM audit_record WHERE action = 'MEMBER_ERASED' AND subject_id = ?"
                + " AND actor_id = ?", s.ana().id(), admin.id()));
    }

    @Test
    void shouldDeleteTheMembersContentWhenAsked() throws SQLException {
        Scene s = scene();
        TestMember admin = data.admin();

        as(admin.token()).body(Map.of("content", "DELETE")).post("/api/v1/members/{id}/erasure", s.ana().id())
                .then().statusCode(200).body("content", equalTo("DELETE"));

        // Bo replied to Ana's entry: the thread stays for him, without Ana's words.
        as(s.bo().token()).get("/api/v1/entries/{id}", s.anasEntry()).then().statusCode(200)
                .body("tried", org.hamcrest.Matchers.nullValue());
        as(s.bo().token()).get("/api/v1/entries/{id}", s.bosEntry()).then().statusCode(200).body("replyCount",
                equalTo(0));
        assertEquals(0, count("SELECT count(*) FROM reply WHERE member_id = ?", s.ana().id()));
        assertEquals(List.of(), textColumnsContaining("Costs came in 20% over budget " + s.ana().id()));
        assertEquals(0, count("SELECT count(*) FROM search_document WHERE author_id = ?", s.ana().id()));
    }

    @Test
    void shouldNeverEmailAnErasedMemberAgain() throws SQLException {
        Scene s = scene();
        TestMember admin = data.admin();
        // Bo's reply to Ana's question is waiting in its coalescing window when she is erased.
        as(admin.token()).body(Map.of()).post("/api/v1/members/{id}/erasure", s.ana().id()).then().statusCode(200);

        clock.advance(Duration.ofMinutes(1));
        as(s.cy().token()).body(Map.of("body", "Try a shared warehouse")).post("/api/v1/entries/{id}/replies",
                s.anasEntry()).then().statusCode(201);
        for (int minutes = 5; minutes <= 60; minutes += 5) {
            clock.set(Instant.parse("2026-11-24T10:00:00Z").plus(Duration.ofMinutes(minutes)));
            threadMail.enqueueDue();
            for (int round = 0; round < 100 && dispatcher.dispatchDue() > 0; round++) {
                // keep delivering
            }
        }

        assertEquals(0, TestMailServer.messagesTo(s.ana().email()).size());
        assertEquals(0, count("SELECT count(*) FROM outbound_email WHERE recipient_member_id = ?", s.ana().id()));
        as(admin.token()).post("/api/v1/members/{id}/invitation", s.ana().id()).then().statusCode(409);
    }

    @Test
    void shouldLetOnlyAdministratorsErase() {
        TestMember bo = data.member("Bo");
        TestMember cy = data.member("Cy");
        as(bo.token()).body(Map.of()).post("/api/v1/members/{id}/erasure", cy.id()).then().statusCode(403)
                .contentType("application/problem+json");
        anonymous().body(Map.of()).post("/api/v1/members/{id}/erasure", cy.id()).then().statusCode(401);
        as(data.admin().token()).body(Map.of()).post("/api/v1/members/{id}/erasure", UUID.randomUUID()).then()
                .statusCode(404).contentType("application/problem+json");
        org.learninglog.Api.badRequestAs(data.admin().token()).body(Map.of("content", "SHRED"))
                .post("/api/v1/members/{id}/erasure", cy.id()).then().statusCode(400);
    }

    @Test
    void shouldRefuseToEraseOneselfOrTheLastAdministrator() {
        TestMember ada = data.admin();
        as(ada.token()).body(Map.of()).post("/api/v1/members/{id}/erasure", ada.id()).then().statusCode(422);
    }

    @Test
    void shouldKeepAnAdministratorWhenTheLastTwoEraseEachOtherAtOnce() throws Exception {
        try (Race race = new Race(2)) {
            for (int round = 0; round < 6; round++) {
                TestMember ada = data.admin();
                TestMember bea = data.admin();
                demoted.addAll(administrators.keepOnly(ada.id(), bea.id()));
                List<Callable<Integer>> contenders = List.of(
                        () -> as(ada.token()).body(Map.of()).post("/api/v1/members/{id}/erasure", bea.id())
                                .statusCode(),
                        () -> as(bea.token()).body(Map.of()).post("/api/v1/members/{id}/erasure", ada.id())
                                .statusCode());
                List<Integer> statuses = race.run(contenders);
                assertEquals(1, statuses.stream().filter(st -> st == 200).count(), "round " + round + statuses);
                assertTrue(statuses.stream().allMatch(st -> st == 200 || st == 401 || st == 403 || st == 422),
                        "round " + round + statuses);
            }
        }
    }

    @Test
    void shouldExportTheGroupsLogForItsFacilitators() {
        Scene s = scene();
        TestMember admin = data.admin();

        JsonPath log = as(s.bo().token()).get("/api/v1/groups/{id}/export", s.groupId()).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(2, log.getList("entries").size());
        assertThat(log.getList("entries.author"), hasItem(s.ana().name()));

        String csv = as(s.bo().token()).accept("text/csv").get("/api/v1/groups/{id}/export", s.groupId()).then()
                .statusCode(200).contentType(containsString("text/csv")).extract().asString();
        assertThat(csv, containsString("kind,id,entryId,week,author"));
        assertThat(csv, containsString("Pool the orders"));
        String markdown = as(s.bo().token()).accept("text/markdown").get("/api/v1/groups/{id}/export", s.groupId())
                .then().statusCode(200).contentType(containsString("text/markdown")).extract().asString();
        assertThat(markdown, containsString("Invite them in person"));

        as(s.ana().token()).get("/api/v1/groups/{id}/export", s.groupId()).then().statusCode(403);
        as(admin.token()).get("/api/v1/groups/{id}/export", s.groupId()).then().statusCode(404);
        as(s.ana().token()).get("/api/v1/groups/{id}/export", UUID.randomUUID()).then().statusCode(404);
        anonymous().get("/api/v1/groups/{id}/export", s.groupId()).then().statusCode(401);
    }

    private static String put(TestMember author, UUID groupId, Map<String, Object> entry) {
        return as(author.token()).body(entry).put("/api/v1/groups/{g}/weeks/current/entries/me", groupId).then()
                .statusCode(201).extract().path("id");
    }

    /** `table.column` of every text, character and JSON column of every table of the schema holding the text. */
    private List<String> textColumnsContaining(String text) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            List<String[]> columns = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT c.table_name, c.column_name"
                    + " FROM information_schema.columns c JOIN information_schema.tables t"
                    + " ON t.table_schema = c.table_schema AND t.table_name = c.table_name"
                    + " WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'"
                    + " AND (c.data_type IN ('text', 'character varying', 'character', 'jsonb', 'json', 'bytea')"
                    + " OR c.data_type = 'ARRAY')");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    columns.add(new String[] { rows.getString(1), rows.getString(2) });
                }
            }
            for (String[] column : columns) {
                String value = "CAST(\"" + column[1] + "\" AS text)";
                if ("raw".equals(column[1])) {
                    value = "convert_from(\"raw\", 'UTF8')";
                }
                try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM \"" + column[0]
                        + "\" WHERE strpos(lower(" + value + "), lower(?)) > 0")) {
                    query.setString(1, text);
                    try (ResultSet row = query.executeQuery()) {
                        row.next();
                        if (row.getLong(1) > 0) {
                            found.add(column[0] + "." + column[1]);
                        }
                    }
                }
            }
        }
        return found;
    }

    private long count(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
