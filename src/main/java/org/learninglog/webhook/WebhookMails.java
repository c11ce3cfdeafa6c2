package org.learninglog.webhook;

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

/** Renders the email telling facilitators that a webhook endpoint of their group was disabled. */
@ApplicationScoped
class WebhookMails implements MailComposer {

    /** What the email shows; `apiPath` is the request that enables the endpoint again. */
    record DisabledView(WebhookDisabled mail, String apiPath, String language) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance disabled(DisabledView view);
    }

    private final PublicLinks links;

    WebhookMails(PublicLinks links) {
        this.links = links;
    }

    @Override
    public Set<MailKind<?>> kinds() {
        return Set.of(WebhookDisabled.KIND);
    }

    @Override
    public ComposedMail compose(OutboundEmail email) {
        MailTexts texts = MailTexts.of(email.locale());
        WebhookDisabled mail = email.data(WebhookDisabled.KIND);
        DisabledView view = new DisabledView(mail, "PATCH " + links.to("/api/v1/groups/" + mail.groupId()
                + "/webhooks/" + mail.webhookId()), texts.locale().toLanguageTag());
        return ComposedMail.of(texts.msg().webhookDisabled_subject(mail.groupName()), () -> Templates.disabled(view),
                Map.of(), texts);
    }
}
