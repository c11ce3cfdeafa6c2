package org.learninglog.session;

/** Where a sign-in may lead: a path of this site only, never another site (no open redirect). */
final class SignInRules {

    private SignInRules() {
    }

    /** The path itself when it is one of this site's (`/…`, not `//…` or `/\…`, no control characters), else null. */
    static String next(String next) {
        if (next == null || next.isEmpty() || next.length() > 512 || !next.startsWith("/")) {
            return null;
        }
        if (next.length() > 1 && (next.charAt(1) == '/' || next.charAt(1) == '\\')) {
            return null;
        }
        for (int i = 0; i < next.length(); i++) {
            if (Character.isISOControl(next.charAt(i))) {
                return null;
            }
        }
        return next;
    }
}
