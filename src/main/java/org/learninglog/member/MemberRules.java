package org.learninglog.member;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.learninglog.api.Problems;

/** What makes a name, an email, a time zone or a language acceptable. */
public final class MemberRules {

    /** The language of members who name none and whose request named none the service has. */
    public static final String DEFAULT_LANGUAGE = "en";

    private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2,3}$");

    private static final Pattern EMAIL = Pattern
            .compile("^[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+$");
    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

    private MemberRules() {
    }

    public static String displayName(String value) {
        String name = value.strip();
        if (name.isEmpty()) {
            throw Problems.invalid("displayName", "must not be blank");
        }
        // Names end up in list cursors (U+001F separates their keys) and, later, in mail headers.
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw Problems.invalid("displayName", "must not contain control characters such as line breaks");
        }
        return name;
    }

    public static String email(String value) {
        String email = value.strip();
        if (!EMAIL.matcher(email).matches()) {
            throw Problems.invalid("email", "must be an email address like name@example.org");
        }
        return email;
    }

    /**
     * A language is supported when its messages are there (`messages/msg_{tag}.properties`, see
     * `mail.Messages`): adding a language is adding that file.
     */
    public static String language(String value) {
        if (!supported(value)) {
            throw Problems.invalid("language", "must be a language the service writes emails in: en, de, es or pl");
        }
        return value;
    }

    /**
     * The best supported match of an `Accept-Language` header (RFC 9110: by weight, then order; `de-AT` matches
     * `de`), or the default language when it names none or cannot be read.
     */
    public static String languageFrom(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return DEFAULT_LANGUAGE;
        }
        try {
            return Locale.LanguageRange.parse(acceptLanguage).stream()
                    .filter(range -> range.getWeight() > 0)
                    .map(range -> range.getRange().split("-", 2)[0].toLowerCase(Locale.ROOT))
                    .filter(MemberRules::supported)
                    .findFirst().orElse(DEFAULT_LANGUAGE);
        } catch (IllegalArgumentException unreadable) {
            return DEFAULT_LANGUAGE;
        }
    }

    private static boolean supported(String language) {
        return language != null && LANGUAGE.matcher(language).matches() && Optional
                .ofNullable(MemberRules.class.getClassLoader().getResource("messages/msg_" + language + ".properties"))
                .isPresent();
    }

    public static String timeZone(String value) {
        if (!ZONES.contains(value)) {
            throw Problems.invalid("timeZone", "must be an IANA time zone such as Europe/Berlin");
        }
        return value;
    }
}
