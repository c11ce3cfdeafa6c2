package org.learninglog.session;

import java.util.UUID;

import org.learninglog.mail.MailKind;

/**
 * The sign-in email: whom it greets, which link (by id; the secret is derived when the email is written), where it
 * leads after signing in, and how long it is valid.
 */
record SignInMail(String displayName, UUID linkId, String next, int validForMinutes) {

    static final MailKind<SignInMail> SIGN_IN_LINK = MailKind.of("SIGN_IN_LINK", SignInMail.class);
}
