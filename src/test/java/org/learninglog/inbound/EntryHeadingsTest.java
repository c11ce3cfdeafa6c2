package org.learninglog.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A reply to the reminder is the week's entry when it follows the reminder's headings, in any of its languages
 * (read from the application's message bundles, hence a Quarkus test).
 */
@QuarkusTest
class EntryHeadingsTest {

    @Test
    void shouldReadTheHeadingsOfEachLanguageTheReminderIsWrittenIn() {
        assertEquals(written("Pooled orders", "The discount", "Who else?"),
                EntryHeadings.read("Tried:\nPooled orders\n\nFailed:\nThe discount\n\nQuestion:\nWho else?"));
        assertEquals(written("Mehrweg-Kisten", "Die Rücknahme", "Wer kennt einen Lieferanten?"),
                EntryHeadings.read("Ausprobiert: Mehrweg-Kisten\nNicht geklappt: Die Rücknahme\n"
                        + "Frage: Wer kennt einen Lieferanten?"));
        assertEquals(written("Cajas reutilizables", "La devolución", "¿Quién conoce un proveedor?"),
                EntryHeadings.read("Probado:\nCajas reutilizables\nNo funcionó:\nLa devolución\n"
                        + "Pregunta:\n¿Quién conoce un proveedor?"));
        assertEquals(written("Skrzynki wielokrotnego użytku", "Zwroty", null),
                EntryHeadings.read("Wypróbowane: Skrzynki wielokrotnego użytku\nNie wyszło: Zwroty\n"));
    }

    @Test
    void shouldReadHeadingsWithMarkupOrWithoutColonsAndKeepSeveralLinesUnderEach() {
        assertEquals(written("LED lights\nin the back office", "Motion sensors", null),
                EntryHeadings.read("## Tried\nLED lights\nin the back office\n\n**Failed:** Motion sensors\n"));
    }

    @Test
    void shouldReadAccentedHeadingsThatAClientSentDecomposed() {
        String decomposed = Normalizer.normalize("Probado: Cajas\nNo funcionó: La devolución", Normalizer.Form.NFD);
        assertEquals(written("Cajas", "La devolución", null), EntryHeadings.read(decomposed));
    }

    @Test
    void shouldFindNoEntryWithoutBothTriedAndFailed() {
        assertTrue(EntryHeadings.read("Diese Woche war ruhig, nichts Neues.").isEmpty());
        assertTrue(EntryHeadings.read("Tried: Pooled orders\nQuestion: Who else?").isEmpty());
        assertTrue(EntryHeadings.read("Tried:\n\nFailed: nothing under Tried").isEmpty(), "a heading left empty");
    }

    private static Optional<EntryHeadings.Written> written(String tried, String failed, String question) {
        return Optional.of(new EntryHeadings.Written(tried, failed, question));
    }
}
