package org.learninglog.invitation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.learninglog.mail.ComposedMail;
import org.learninglog.mail.MailComposer;
import org.learninglog.mail.MailKind;
import org.learninglog.mail.MailTexts;
import org.learninglog.mail.OutboundEmail;
import org.learninglog.mail.PublicLinks;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Renders invitations and the emails that tell members they were added to a group. */
@ApplicationScoped
class InvitationMails implements MailComposer {

    /** What the invitation shows. */
    record InvitationView(Invitation invitation, String email, String invitedOn, String signInUrl, String language) {
    }

    /** What the email about a new group shows. */
    record WelcomeView(GroupWelcome welcome, String email, String logDay, String reminderTime, String nextLogDay,
            String groupUrl, String signInUrl, String language) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance invitation(InvitationView view);

        static native TemplateInstance addedToGroup(WelcomeView view);
    }

    private final PublicLinks links;

    InvitationMails(PublicLinks links) {
        this.links = links;
    }

    @Override
    public Set<MailKind<?>> kinds() {
        return Set.of(Invitation.INVITATION, GroupWelcome.ADDED_TO_GROUP);
    }

    @Override
    public ComposedMail compose(OutboundEmail email) {
        MailTexts texts = MailTexts.of(email.locale());
        // The address the email goes to is the one to sign in with.
        String signInUrl = links.to(signInPath(email.recipientAddress()));
        if (GroupWelcome.ADDED_TO_GROUP.name().equals(email.kind())) {
            GroupWelcome welcome = email.data(GroupWelcome.ADDED_TO_GROUP);
            WelcomeView view = view(texts, welcome, email.recipientAddress(),
                    links.to("/groups/" + welcome.groupId()), signInUrl);
            return ComposedMail.of(texts.msg().addedToGroup_subject(welcome.groupName()),
                    () -> Templates.addedToGroup(view), Map.of(), texts);
        }
        InvitationView view = view(texts, email.data(Invitation.INVITATION), email.recipientAddress(), signInUrl);
        return ComposedMail.of(texts.msg().invitation_subject(), () -> Templates.invitation(view), Map.of(), texts);
    }

    /**
     * The sign-in page, where the person asks for a one-time link: an invitation may be read days later, so it
     * carries no credential itself.
     */
    static String signInPath(String email) {
        return "/sign-in?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8);
    }

    static InvitationView view(MailTexts texts, Invitation invitation, String email, String signInUrl) {
        return new InvitationView(invitation, email, texts.date(invitation.invitedOn()), signInUrl,
                texts.locale().toLanguageTag());
    }

    static WelcomeView view(MailTexts texts, GroupWelcome welcome, String email, String groupUrl, String signInUrl) {
        return new WelcomeView(welcome, email, texts.day(welcome.logDay()),
                DateTimeFormatter.ofPattern("HH:mm").format(welcome.reminderTime()),
                texts.weekdayDate(welcome.nextLogDay()), groupUrl, signInUrl, texts.locale().toLanguageTag());
    }
}
