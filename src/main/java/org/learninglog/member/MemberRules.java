package org.learninglog.member;

import java.time.ZoneId;
import java.util.Set;
import java.util.regex.Pattern;

import org.learninglog.api.Problems;

/** What makes a name, an email or a time zone acceptable. */
public final class MemberRules {

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

    public static String timeZone(String value) {
        if (!ZONES.contains(value)) {
            throw Problems.invalid("timeZone", "must be an IANA time zone such as Europe/Berlin");
        }
        return value;
    }
}
