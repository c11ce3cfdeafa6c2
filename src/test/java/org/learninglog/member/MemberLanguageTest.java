package org.learninglog.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.learninglog.api.ProblemException;

/** Which language a new member gets from the request's `Accept-Language`, and which languages are accepted. */
class MemberLanguageTest {

    @Test
    void shouldTakeTheSupportedLanguageTheRequestWeighsHighest() {
        assertEquals("pl", MemberRules.languageFrom("en;q=0.5, pl;q=0.8"));
        assertEquals("de", MemberRules.languageFrom("de-AT"));
        assertEquals("es", MemberRules.languageFrom("fr-FR, es-MX;q=0.7, en;q=0.6"));
        assertEquals("es", MemberRules.languageFrom("pl;q=0, es"));
    }

    @Test
    void shouldFallBackToEnglishWithoutASupportedOrReadableLanguage() {
        assertEquals("en", MemberRules.languageFrom(null));
        assertEquals("en", MemberRules.languageFrom(""));
        assertEquals("en", MemberRules.languageFrom("*"));
        assertEquals("en", MemberRules.languageFrom("fr, ja;q=0.5"));
        assertEquals("en", MemberRules.languageFrom("de;q=x"));
    }

    @Test
    void shouldAcceptExactlyTheTagsOfTheMessageFiles() {
        for (String language : new String[] { "en", "de", "es", "pl" }) {
            assertEquals(language, MemberRules.language(language));
        }
        for (String language : new String[] { "fr", "DE", "de-DE", "e", "../en", "" }) {
            assertThrows(ProblemException.class, () -> MemberRules.language(language), language);
        }
    }
}
