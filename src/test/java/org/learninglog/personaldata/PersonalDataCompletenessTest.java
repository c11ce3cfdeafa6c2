package org.learninglog.personaldata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.learninglog.Api.as;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Every table of the schema that holds something about a member — a foreign key to `member`, or a column naming a
 * member or an address — is either in the export (the section it lands in) or excluded here with the reason. A
 * table added later fails this test until it is one or the other.
 */
@QuarkusTest
class PersonalDataCompletenessTest {

    /**
     * Table → the export's section holding its rows. (`entry_revision` names no member itself: it is reached
     * through its entry, and exported as each entry's `history`.)
     */
    static final Map<String, String> EXPORTED = Map.ofEntries(
            Map.entry("member", "profile"),
            Map.entry("membership", "memberships"),
            Map.entry("entry", "entries"),
            Map.entry("reply", "replies"),
            Map.entry("follow", "follows"),
            Map.entry("notification", "notifications"),
            Map.entry("access_token", "accessTokens"),
            Map.entry("member_session", "sessions"),
            Map.entry("sign_in_link", "signInLinks"),
            Map.entry("outbound_email", "emails"),
            Map.entry("inbound_message", "inboundEmails"),
            Map.entry("idempotency_key", "idempotencyKeys"),
            Map.entry("member_nudge", "nudges"));

    /** Table → why its rows are not in a member's export. */
    static final Map<String, String> EXCLUDED = Map.of(
            "search_document", "a copy of entries and replies (exported as such) kept for search, derived by triggers",
            "audit_record", "administrators' acts by id only; the legal record of erasures, about the service's"
                    + " administration rather than the member (Art. 17(3)(b))",
            "flyway_schema_history", "the schema's migrations; installed_by is the database role, not a member",
            "webhook_endpoint", "the group's chat channels; created_by is the facilitator who registered one, by id"
                    + " only, the group's configuration rather than the member's data (kept, like the member row,"
                    + " when they are erased)");

    /** Columns that name a member or hold an address, besides foreign keys to `member`. */
    private static final Set<String> PERSONAL_COLUMNS = Set.of("member_id", "author_id", "actor_id", "subject_id",
            "nudged_by", "recipient_member_id", "email", "recipient_address", "from_address", "installed_by");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TestData data;

    @Test
    void shouldCoverEveryTableThatHoldsMemberData() throws SQLException {
        Set<String> personal = personalTables();
        Set<String> covered = new TreeSet<>(EXPORTED.keySet());
        covered.addAll(EXCLUDED.keySet());

        Set<String> uncovered = new TreeSet<>(personal);
        uncovered.removeAll(covered);
        assertEquals(Set.of(), uncovered, "tables holding member data that the export neither covers nor excludes"
                + " (add them to the export, or to EXCLUDED with the reason)");
        Set<String> stale = new TreeSet<>(covered);
        stale.removeAll(personal);
        assertEquals(Set.of(), stale, "tables listed here that hold no member data (any more)");
    }

    @Test
    void shouldHaveEverySectionTheListNames() {
        TestMember ana = data.member("Ana");
        JsonPath export = as(ana.token()).get("/api/v1/me/export").then().statusCode(200).extract().jsonPath();
        Map<String, Object> document = export.getMap("");
        for (String section : new TreeSet<>(EXPORTED.values())) {
            assertTrue(document.containsKey(section), "the export has no section " + section);
        }
    }

    private Set<String> personalTables() throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                        SELECT c.table_name FROM information_schema.columns c
                        JOIN information_schema.tables t
                          ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                        WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
                          AND c.column_name = ANY (?)
                        UNION
                        SELECT cl.relname FROM pg_constraint k
                        JOIN pg_class cl ON cl.oid = k.conrelid
                        JOIN pg_class ref ON ref.oid = k.confrelid
                        JOIN pg_namespace n ON n.oid = cl.relnamespace
                        WHERE k.contype = 'f' AND ref.relname = 'member' AND n.nspname = current_schema()
                        """)) {
            query.setArray(1, connection.createArrayOf("text", PERSONAL_COLUMNS.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
        }
        // The member table itself holds the profile.
        tables.add("member");
        return tables;
    }
}
