package org.learninglog.session;

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

/** Renders the sign-in email; its link is derived from the link's id only now, so the outbox never holds it. */
@ApplicationScoped
class SignInMails implements MailComposer {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance link(SignInMail mail, String url, String language);
    }

    private final SignInSecrets secrets;
    private final PublicLinks links;

    SignInMails(SignInSecrets secrets, PublicLinks links) {
        this.secrets = secrets;
        this.links = links;
    }

    @Override
    public Set<MailKind<?>> kinds() {
        return Set.of(SignInMail.SIGN_IN_LINK);
    }

    @Override
    public ComposedMail compose(OutboundEmail email) {
        SignInMail mail = email.data(SignInMail.SIGN_IN_LINK);
        String url = links.to("/sign-in/" + secrets.linkSecret(mail.linkId()));
        MailTexts texts = MailTexts.of(email.locale());
        return ComposedMail.of(texts.msg().signIn_subject(),
                () -> Templates.link(mail, url, texts.locale().toLanguageTag()), Map.of(), texts);
    }
}
