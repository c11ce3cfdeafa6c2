package org.learninglog.entry;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.learninglog.api.CodePointLengths;
import org.learninglog.api.Problems;

/** What a well-formed entry is: three short texts and a few tags. */
final class EntryRules {

    static final int MAX_TEXT = 4000;
    static final int MAX_TAGS = 5;
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

    private EntryRules() {
    }

    /** Trimmed text of 1 to 4000 characters, counted as the contract does: in Unicode code points. */
    static String text(String field, String value) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            throw Problems.invalid(field, "must not be blank");
        }
        int length = CodePointLengths.length(text);
        if (length > MAX_TEXT) {
            throw Problems.invalid(field, "must be at most " + MAX_TEXT + " characters (it has " + length + ")");
        }
        return text;
    }

    /** Lowercase slugs, without repeats, at most five. */
    static String[] tags(List<String> values) {
        if (values == null) {
            return new String[0];
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String value : values) {
            String tag = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
            if (!SLUG.matcher(tag).matches() || tag.length() > 40) {
                throw Problems.invalid("tags", "'" + value + "' is not a tag: use lowercase letters, digits and"
                        + " single hyphens, at most 40 characters, e.g. supplier-costs");
            }
            tags.add(tag);
        }
        if (tags.size() > MAX_TAGS) {
            throw Problems.invalid("tags", "at most " + MAX_TAGS + " tags, not " + tags.size());
        }
        return tags.toArray(String[]::new);
    }
}
