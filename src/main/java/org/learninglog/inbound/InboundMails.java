package org.learninglog.inbound;

import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.learninglog.mail.ComposedMail;
import org.learninglog.mail.MailComposer;
import org.learninglog.mail.MailKind;
import org.learninglog.mail.MailTexts;
import org.learninglog.mail.OutboundEmail;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Renders the email that tells a member why their reply by email was not posted, and what to do instead. */
@ApplicationScoped
class InboundMails implements MailComposer {

    /** What the template shows; the headings in the member's language for the format explanation. */
    record View(ReplyRefused refused, String explanation, String tried, String failed, String question,
            String language) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance refused(View view);
    }

    @Override
    public Set<MailKind<?>> kinds() {
        return Set.of(ReplyRefused.REPLY_REFUSED);
    }

    @Override
    public ComposedMail compose(OutboundEmail email) {
        ReplyRefused refused = email.data(ReplyRefused.REPLY_REFUSED);
        MailTexts texts = MailTexts.of(email.locale());
        var msg = texts.msg();
        String explanation = switch (refused.reason()) {
            case NOT_IN_GROUP -> msg.refused_notInGroup(refused.groupName());
            case FORMAT -> msg.refused_format(refused.groupName(), refused.week());
            case SEVERAL -> msg.refused_several();
        };
        View view = new View(refused, explanation, msg.reply_headingTried(), msg.reply_headingFailed(),
                msg.reply_headingQuestion(), texts.locale().toLanguageTag());
        // An answer to a person's email: no unsubscribe, and marked so that auto-responders leave it alone.
        return ComposedMail.of(msg.refused_subject(), () -> Templates.refused(view),
                Map.of("Auto-Submitted", "auto-replied"), texts);
    }
}
