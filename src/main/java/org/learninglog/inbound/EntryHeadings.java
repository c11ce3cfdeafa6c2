package org.learninglog.inbound;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.learninglog.mail.MailTexts;
import org.learninglog.mail.Messages;

/**
 * A reply to a reminder written under the entry's three headings, as the reminder shows them in each language
 * ("Tried:", "Failed:", "Question:"; "Ausprobiert:", …): a heading alone on its line, or followed by its text.
 * Headings of any supported language are recognised, whatever the member's language.
 */
final class EntryHeadings {

    private EntryHeadings() {
    }

    /** What the member wrote under each heading; the question may be absent. */
    record Written(String tried, String failed, String question) {
    }

    private enum Heading {
        TRIED, FAILED, QUESTION
    }

    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.GERMAN, Locale.forLanguageTag("es"),
            Locale.forLanguageTag("pl"));

    private static final Map<String, Heading> HEADINGS = new HashMap<>();
    static {
        for (Locale language : LANGUAGES) {
            Messages msg = MailTexts.of(language).msg();
            HEADINGS.put(normal(msg.reply_headingTried()), Heading.TRIED);
            HEADINGS.put(normal(msg.reply_headingFailed()), Heading.FAILED);
            HEADINGS.put(normal(msg.reply_headingQuestion()), Heading.QUESTION);
        }
    }

    /** `## Tried:` or `*Tried*: text`: markup around it allowed, the colon optional when alone on its line. */
    private static final Pattern LINE = Pattern.compile("^[#*_\\s]*([\\p{L} ']{2,40}?)[*_\\s]*:?[*_\\s]*$");
    private static final Pattern WITH_TEXT = Pattern.compile("^[#*_\\s]*([\\p{L} ']{2,40}?)[*_\\s]*:[*_\\s]*(.+)$");

    static Optional<Written> read(String text) {
        Map<Heading, StringBuilder> parts = new HashMap<>();
        Heading current = null;
        // Composed, as the headings are: some clients send "ó" as "o" and a combining accent.
        for (String line : Normalizer.normalize(text, Normalizer.Form.NFC).split("\n", -1)) {
            Heading heading = null;
            String rest = "";
            Matcher withText = WITH_TEXT.matcher(line.strip());
            Matcher alone = LINE.matcher(line.strip());
            if (withText.matches() && HEADINGS.containsKey(normal(withText.group(1)))) {
                heading = HEADINGS.get(normal(withText.group(1)));
                rest = withText.group(2);
            } else if (alone.matches() && HEADINGS.containsKey(normal(alone.group(1)))) {
                heading = HEADINGS.get(normal(alone.group(1)));
            }
            if (heading != null && !parts.containsKey(heading)) {
                current = heading;
                parts.put(current, new StringBuilder(rest.strip()));
            } else if (current != null) {
                parts.get(current).append('\n').append(line);
            }
        }
        String tried = text(parts.get(Heading.TRIED));
        String failed = text(parts.get(Heading.FAILED));
        if (tried == null || failed == null) {
            return Optional.empty();
        }
        return Optional.of(new Written(tried, failed, text(parts.get(Heading.QUESTION))));
    }

    private static String text(StringBuilder part) {
        if (part == null) {
            return null;
        }
        String text = part.toString().strip();
        return text.isEmpty() ? null : text;
    }

    private static String normal(String heading) {
        return heading.replace(":", "").strip().toLowerCase(Locale.ROOT);
    }
}
