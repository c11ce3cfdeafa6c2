package org.learninglog.api;

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
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(current)) {
                return;
            }
        }
        throw Problems.preconditionFailed("The resource has changed since you read it (its ETag is now " + current
                + "); reload it and apply your change again");
    }
}
