package org.learninglog.search;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.learninglog.Api.as;
import static org.learninglog.Api.badRequestAs;
import static org.learninglog.search.Memory.accept;
import static org.learninglog.search.Memory.entry;
import static org.learninglog.search.Memory.language;
import static org.learninglog.search.Memory.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;
import org.learninglog.entry.Entries;
import org.learninglog.time.MutableClock;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class SearchTest {

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    TestMember ana;
    TestMember ben;
    TestMember cleo;
    TestMember outsider;
    UUID managers;
    UUID elsewhere;

    @BeforeEach
    void setUp() {
        clock.set(Entries.TUESDAY_W48);
        Memory.Groups groups = Memory.Groups.of(data);
        ana = groups.ana();
        ben = groups.ben();
        cleo = groups.cleo();
        outsider = groups.outsider();
        managers = groups.managers();
        elsewhere = groups.elsewhere();
    }

    /** Each hit's own id: the reply's, or the entry's. */
    private static final String HIT_IDS = "items.collect { it.replyId ?: it.entryId }";

    private ValidatableResponse search(TestMember who, String q, Object... more) {
        var request = as(who.token()).queryParam("q", q);
        for (int i = 0; i < more.length; i += 2) {
            request.queryParam((String) more[i], more[i + 1]);
        }
        return request.get("/api/v1/search").then().statusCode(200);
    }

    @Test
    void shouldNeverFindWhatAnotherGroupWrote() {
        String mine = entry(ana, managers, "Asked our supplier for returnable crates", "The crates came back broken",
                "Which supplier takes crates back?", List.of("packaging"));
        String theirs = entry(outsider, elsewhere, "Our supplier of crates is secret", "Nothing",
                "Supplier crates?", List.of("packaging"));
        search(ana, "supplier").body("items.entryId", equalTo(List.of(mine)));
        search(ana, "secret").body("items", empty());
        search(ana, "supplier", "tag", "packaging").body("items.entryId", equalTo(List.of(mine)));
        search(ana, "supplier", "author", outsider.id().toString()).body("items", empty());
        search(ana, "suplier").body("items.entryId", not(hasItem(theirs)));
        search(outsider, "supplier").body("items.entryId", equalTo(List.of(theirs)));
        badRequestAs(ana.token()).queryParam("q", "supplier").queryParam("groupId", elsewhere.toString())
                .get("/api/v1/search").then().statusCode(404);
        // An administrator outside both groups finds nothing of them.
        TestMember admin = data.admin();
        search(admin, "supplier").body("items", empty());
    }

    @Test
    void shouldStemGermanAndIgnoreAccents() {
        language(ana, managers, "de");
        String entry = entry(ana, managers, "Mit dem Lieferant über Mehrwegkisten gesprochen",
                "Die Kisten kamen zu spät", "Wer kennt einen Lieferanten für Kühlware?", List.of());
        search(ben, "Lieferanten").body("items.entryId", hasItem(entry))
                .body("items[0].excerpt", containsString("<mark>Lieferant</mark>"));
        search(ben, "spat").body("items.entryId", hasItem(entry));
        search(ben, "kuhlware").body("items.entryId", hasItem(entry));
    }

    @Test
    void shouldStemSpanishAndIgnoreAccents() {
        language(ana, managers, "es");
        String entry = entry(ana, managers, "Hablé con el proveedor de envases", "La reunión no sirvió",
                "¿Quién conoce proveedores de cartón reciclado?", List.of());
        search(ben, "proveedores").body("items.entryId", hasItem(entry));
        search(ben, "reunion").body("items.entryId", hasItem(entry));
        search(ben, "carton").body("items.entryId", hasItem(entry));
    }

    @Test
    void shouldChangeTheStemmingWithTheGroupsLanguage() {
        String entry = entry(ana, managers, "Mit dem Lieferant gesprochen", "Nichts", null, List.of());
        // In English the word is not a form of "Lieferant": found only by its spelling, without highlighting.
        search(ben, "Lieferanten").body("items.entryId", equalTo(List.of(entry)))
                .body("items[0].excerpt", not(containsString("<mark>")));
        language(ana, managers, "de");
        search(ben, "Lieferanten").body("items.entryId", equalTo(List.of(entry)))
                .body("items[0].excerpt", containsString("<mark>Lieferant</mark>"));
    }

    @Test
    void shouldUnderstandPhrasesOrAndExclusions() {
        String labels = entry(ana, managers, "Printed recycling labels on the boxes", "Too small", null, List.of());
        String other = entry(ben, managers, "Labels for recycling bins in the store", "Nobody reads them", null,
                List.of());
        String cardboard = entry(cleo, managers, "Recycling cardboard with the mall", "Pickup is late", null,
                List.of());
        search(ana, "\"recycling labels\"").body("items.entryId", equalTo(List.of(labels)));
        search(ana, "recycling -labels").body("items.entryId", equalTo(List.of(cardboard)));
        search(ana, "bins or mall").body("items.entryId", everyItem(org.hamcrest.Matchers.oneOf(other, cardboard)))
                .body("items.size()", equalTo(2));
    }

    @Test
    void shouldRefuseMalformedQueriesNaming() {
        for (String q : new String[] { "", "\"\" - ( )", "-", "x".repeat(201) }) {
            badRequestAs(ana.token()).queryParam("q", q).get("/api/v1/search").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("q"));
        }
        badRequestAs(ana.token()).get("/api/v1/search").then().statusCode(400).body("errors.field", hasItem("q"));
        badRequestAs(ana.token()).queryParam("q", "x").queryParam("from", "2026-48").get("/api/v1/search").then()
                .statusCode(400).body("errors.field", hasItem("from"));
        badRequestAs(ana.token()).queryParam("q", "x").queryParam("to", "2026-W54").get("/api/v1/search").then()
                .statusCode(400).body("errors.field", hasItem("to"));
        // Upper case as every enum of the API (the lower case of before is refused), and NONE filters no search.
        badRequestAs(ana.token()).queryParam("q", "x").queryParam("status", "open").get("/api/v1/search").then()
                .statusCode(400).body("errors.field", hasItem("status"));
        badRequestAs(ana.token()).queryParam("q", "x").queryParam("status", "NONE").get("/api/v1/search").then()
                .statusCode(400).body("errors.field", hasItem("status"));
        badRequestAs(ana.token()).queryParam("q", "x").queryParam("cursor", "forged").get("/api/v1/search").then()
                .statusCode(400).body("errors.field", hasItem("cursor"));
        // Odd but readable syntax is no error: unbalanced quotes, operators only next to words.
        search(ana, "\"supplier").body("items", empty());
        search(ana, "supplier or or -").body("items", empty());
    }

    @Test
    void shouldRankAnAcceptedAnswerAboveAnUnansweredMention() {
        String open = entry(ben, managers, "Looked at pallet wrap", "Too thin", "Who sells compostable pallet wrap?",
                List.of());
        String asked = entry(ana, managers, "Tried paper tape", "It tore", "What holds boxes together?", List.of());
        String answer = reply(cleo, asked, "Compostable pallet wrap from the co-op holds well");
        accept(ana, asked, answer);
        search(ana, "compostable pallet wrap").body("items[0].replyId", equalTo(answer))
                .body("items[0].accepted", equalTo(true)).body("items[0].kind", equalTo("REPLY"))
                .body("items.entryId", hasItem(open));
    }

    @Test
    void shouldEscapeMarkupBeforeHighlighting() {
        entry(ana, managers, "Our supplier sent <script>alert('supplier')</script> & <b>bold</b> notes",
                "\"quoted\" failure", null, List.of());
        String excerpt = search(ben, "supplier").extract().path("items[0].excerpt");
        assertEquals(false, excerpt.contains("<script>"), excerpt);
        assertEquals(false, excerpt.contains("<b>"), excerpt);
        assertEquals(true, excerpt.contains("&lt;script&gt;"), excerpt);
        assertEquals(true, excerpt.contains("&amp;"), excerpt);
        assertEquals(true, excerpt.contains("<mark>supplier</mark>"), excerpt);
        assertEquals(excerpt.replaceAll("</?mark>", "").indexOf('<'), -1, excerpt);
    }

    @Test
    void shouldFindMisspelledWordsBySpelling() {
        String entry = entry(ana, managers, "Asked the supplier about refrigeration", "Nothing", null, List.of());
        search(ben, "refrigeraton").body("items.entryId", equalTo(List.of(entry)))
                .body("items[0].excerpt", not(containsString("<mark>")));
        search(ben, "suppliers refrigeration").body("items.entryId", equalTo(List.of(entry)));
    }

    @Test
    void shouldFindTheRightWordForAMisspelledOneAmongTheGroupsWordsOnly() {
        String crates = entry(ana, managers, "Asked our supplier for returnable crates", "Nothing", null, List.of());
        String lunch = entry(ben, managers, "Lunch with the delivery drivers", "Nothing", null, List.of());
        String theirs = entry(outsider, elsewhere, "Our supplier and the wholesaler", "Nothing", null, List.of());
        // The word as the group writes it, searched by full text (so its forms too), never another group's hit.
        search(ana, "suplier").body("items.entryId", equalTo(List.of(crates)))
                .body("items[0].excerpt", not(containsString("<mark>")));
        search(ana, "suplier crate").body("items.entryId", equalTo(List.of(crates)));
        search(ana, "deliverry drivers").body("items.entryId", equalTo(List.of(lunch)));
        // A word only another group uses is not suggested: nothing of this group is like it.
        search(ana, "wholesaller").body("items", empty());
        search(outsider, "wholesaller").body("items.entryId", equalTo(List.of(theirs)));
        search(outsider, "suplier").body("items.entryId", equalTo(List.of(theirs)));

        language(ana, managers, "de");
        String german = entry(cleo, managers, "Mit dem Lieferanten gesprochen", "Die Kisten kamen zu spät", null,
                List.of());
        search(ben, "Lieferantn").body("items.entryId", equalTo(List.of(german)));
        search(ben, "Kistn spaet").body("items.entryId", equalTo(List.of(german)));
    }

    @Test
    void shouldFilterByStatusTagAuthorAndWeeks() {
        String early = entry(ana, managers, "Supplier meeting", "None", "Supplier contract length?",
                List.of("contracts"));
        clock.advance(java.time.Duration.ofDays(7));
        String later = entry(ana, managers, "Supplier audit", "None", "Supplier audit checklist?", List.of("audits"));
        String answer = reply(ben, later, "Use the supplier checklist from the association");
        accept(ana, later, answer);
        search(cleo, "supplier", "status", "OPEN").body("items.entryId", equalTo(List.of(early)));
        search(cleo, "supplier", "status", "ANSWERED").body("items.kind", hasItem("REPLY"))
                .body("items.entryId", everyItem(equalTo(later)));
        search(cleo, "supplier", "tag", "contracts").body("items.entryId", equalTo(List.of(early)));
        search(cleo, "supplier", "author", ben.id().toString()).body("items.replyId", equalTo(List.of(answer)));
        search(cleo, "supplier", "from", "2026-W49").body("items.entryId", everyItem(equalTo(later)));
        search(cleo, "supplier", "to", "2026-W48").body("items.entryId", equalTo(List.of(early)));
        search(cleo, "supplier", "groupId", managers.toString()).body("items.size()", equalTo(3));
    }

    @Test
    void shouldFilterByStatusAsTheContractSaysOpenOrAnsweredQuestionsAndTheirThreads() {
        String open = entry(ana, managers, "Supplier visit", "None", "Which supplier delivers on Sundays?",
                List.of());
        String openReply = reply(ben, open, "Our supplier does, ask for the weekend rate");
        String notAQuestion = entry(ben, managers, "Supplier lunch", "Nothing came of it", null, List.of());
        String answered = entry(cleo, managers, "Supplier audit", "None", "Supplier audit checklist?", List.of());
        String accepted = reply(ana, answered, "The supplier checklist of the association");
        String otherReply = reply(ben, answered, "We wrote our own supplier list");
        accept(cleo, answered, accepted);

        // open: questions without an accepted answer and the replies in their threads; never an entry without one.
        search(cleo, "supplier", "status", "OPEN").body(HIT_IDS,
                org.hamcrest.Matchers.containsInAnyOrder(open, openReply));
        // answered: questions with an accepted answer, and every reply in their threads.
        search(cleo, "supplier", "status", "ANSWERED").body(HIT_IDS,
                org.hamcrest.Matchers.containsInAnyOrder(answered, accepted, otherReply));
        search(cleo, "supplier").body(HIT_IDS, hasItem(notAQuestion)).body("items.size()", equalTo(6));
    }

    @Test
    void shouldSeparateTheFieldsOfAnExcerpt() {
        entry(ana, managers, "Asked for crates", "They broke", "Who has crates?", List.of());
        String excerpt = search(ben, "crates").extract().path("items[0].excerpt");
        // Highlighted fragments begin at a match (ts_headline); within one, the fields are apart.
        assertEquals("<mark>crates</mark>? · Asked for <mark>crates</mark> · They broke", excerpt);
        String bySpelling = search(ben, "cratess").extract().path("items[0].excerpt");
        assertEquals("Who has crates? · Asked for crates · They broke", bySpelling);
    }

    @Test
    void shouldPageThroughHitsWithACursor() {
        List<String> posted = new ArrayList<>();
        for (TestMember member : List.of(ana, ben, cleo)) {
            posted.add(entry(member, managers, "Supplier visit " + member.name(), "Late", null, List.of()));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = as(ana.token()).queryParam("q", "supplier").queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/search").then().statusCode(200).extract();
            seen.addAll(page.path("items.entryId"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertEquals(3, seen.size());
        assertEquals(new java.util.HashSet<>(posted), new java.util.HashSet<>(seen));
    }

    @Test
    void shouldAskForAToken() {
        io.restassured.RestAssured.given().queryParam("q", "x").get("/api/v1/search").then().statusCode(401);
    }
}
