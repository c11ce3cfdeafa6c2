package org.learninglog.insights;

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

/** Renders a facilitator's nudge. */
@ApplicationScoped
class InsightMails implements MailComposer {

    /** What the nudge shows. */
    record NudgeView(MemberNudge nudge, String weekDates, String postUrl, String language) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance nudge(NudgeView view);
    }

    private final PublicLinks links;

    InsightMails(PublicLinks links) {
        this.links = links;
    }

    @Override
    public Set<MailKind<?>> kinds() {
        return Set.of(MemberNudge.NUDGE);
    }

    @Override
    public ComposedMail compose(OutboundEmail email) {
        MailTexts texts = MailTexts.of(email.locale());
        MemberNudge nudge = email.data(MemberNudge.NUDGE);
        NudgeView view = new NudgeView(nudge, texts.weekDates(nudge.week()),
                links.to("/groups/" + nudge.groupId() + "/weeks/" + nudge.week()), texts.locale().toLanguageTag());
        return ComposedMail.of(texts.msg().nudge_subject(nudge.facilitatorName(), nudge.groupName()),
                () -> Templates.nudge(view), Map.of(), texts);
    }
}
