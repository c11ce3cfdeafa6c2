package org.learninglog.search;

import java.util.Optional;

import org.learninglog.api.Problems;
import org.learninglog.time.Week;

/** What makes a search's words and weeks acceptable. */
public final class SearchQuery {

    private SearchQuery() {
    }

    /**
     * The words as asked for, when they hold something to search for: a letter or a digit. Web search syntax never
     * fails in PostgreSQL (`(((` is an empty query), so a query of nothing but quotes, dashes and brackets is refused
     * here, naming the parameter.
     */
    public static String words(String parameter, String text) {
        if (text == null || text.codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw Problems.invalid(parameter, "must contain a word to search for (a letter or a digit)");
        }
        return text.strip();
    }

    /** The words of a query without its syntax (quotes, exclusions, `or`), for comparing spellings. */
    static String plain(String words) {
        StringBuilder plain = new StringBuilder();
        for (String word : words.split("\\s+")) {
            if (word.startsWith("-") || word.equalsIgnoreCase("or")) {
                continue;
            }
            String bare = word.replaceAll("[\"()]", "");
            if (!bare.isEmpty()) {
                plain.append(plain.isEmpty() ? "" : " ").append(bare);
            }
        }
        return plain.isEmpty() ? words : plain.toString();
    }

    static Optional<String> week(String parameter, String text) {
        if (text == null) {
            return Optional.empty();
        }
        return Optional.of(Week.parse(text).orElseThrow(() -> Problems.invalid(parameter,
                "must be an ISO week such as 2026-W47")).toString());
    }
}
