package org.learninglog.invitation;

import java.time.LocalDate;

import org.learninglog.mail.MailKind;

/**
 * The data of an invitation to Learning Log: the only definition of what the email shows. It links to the sign-in
 * page, where the person asks for a one-time link, never to a credential (see the decisions).
 *
 * @param invitedOn the day the invitation was sent, in the member's time zone
 */
public record Invitation(String displayName, LocalDate invitedOn) {

    /** When an administrator adds a member, and again when one asks for it. */
    public static final MailKind<Invitation> INVITATION = MailKind.of("INVITATION", Invitation.class);
}
