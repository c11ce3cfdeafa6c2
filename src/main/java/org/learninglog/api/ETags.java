package org.learninglog.api;

import java.util.List;
import java.util.stream.Stream;

/** Entity tags for versioned resources: the version in quotes, compared strongly. */
public final class ETags {

    private static final String MISSING = "This change needs an If-Match header with the resource's ETag";

    private ETags() {
    }

    public static String of(int version) {
        return "\"" + version + "\"";
    }

    /** Refuses a change made against another version than the current one. */
    public static void requireMatch(String ifMatch, int currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw Problems.preconditionRequired(MISSING);
        }
        String current = of(currentVersion);
        if (listed(ifMatch).stream().anyMatch(tag -> tag.equals("*") || tag.equals(current))) {
            return;
        }
        throw Problems.preconditionFailed("The resource has changed since you read it (its ETag is now " + current
                + "); reload it and apply your change again");
    }

    /** The entity tags of an `If-Match` or `If-None-Match` header, in order (`*` as it is). */
    public static List<String> listed(String header) {
        return Stream.of(header.split(",")).map(String::strip).toList();
    }
}
