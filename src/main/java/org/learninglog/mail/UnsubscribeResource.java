package org.learninglog.mail;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.learninglog.api.contract.UnsubscribeApi;
import org.learninglog.member.MemberService;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * One-click unsubscribe (RFC 8058), outside the API and without login: the signed token is the authority.
 * GET only shows a confirmation page, because link checkers and mail scanners fetch links; the POST, sent by
 * the page's button or by the mail client itself, switches reminders off at once.
 */
class UnsubscribeResource implements UnsubscribeApi {

    private static final Logger LOG = Logger.getLogger(UnsubscribeResource.class);
    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance confirm(String displayName, String emails, String token, String language);

        static native TemplateInstance done(String displayName, String emails, String language);

        static native TemplateInstance invalid();
    }

    /** The emails each kind of token switches off, as the pages name them in the member's language. */
    private static final Map<String, Function<Messages, String>> EMAILS = Map.of(
            UnsubscribeTokens.REMINDERS, Messages::unsubscribe_emails_reminders,
            UnsubscribeTokens.REPLIES, Messages::unsubscribe_emails_replies,
            UnsubscribeTokens.QUESTIONS, Messages::unsubscribe_emails_questions);

    /** What each kind of token switches off (the settings page switches it on again). */
    private static final Map<String, MemberService.Emails> SWITCHES = Map.of(
            UnsubscribeTokens.REMINDERS, MemberService.Emails.REMINDERS,
            UnsubscribeTokens.REPLIES, MemberService.Emails.REPLY_NOTIFICATIONS,
            UnsubscribeTokens.QUESTIONS, MemberService.Emails.QUESTION_NOTIFICATIONS);

    private final UnsubscribeTokens tokens;
    private final MemberService members;

    UnsubscribeResource(UnsubscribeTokens tokens, MemberService members) {
        this.tokens = tokens;
        this.members = members;
    }

    @Override
    public Response showUnsubscribe(String token) {
        return tokens.verify(token)
                .filter(u -> EMAILS.containsKey(u.purpose()))
                .map(u -> {
                    MailTexts texts = MailTexts.of(Locale.forLanguageTag(members.language(u.memberId())));
                    return page(200, Templates.confirm(members.displayName(u.memberId()),
                            EMAILS.get(u.purpose()).apply(texts.msg()), token, texts.locale().toLanguageTag()),
                            texts);
                })
                .orElseGet(UnsubscribeResource::invalid);
    }

    @Override
    public Response unsubscribe(String token, String listUnsubscribe) {
        return tokens.verify(token)
                .filter(u -> EMAILS.containsKey(u.purpose()))
                .map(u -> {
                    // The signed token is the authority, not a caller: the operation that takes no actor.
                    String displayName = members.switchOff(u.memberId(), SWITCHES.get(u.purpose()));
                    LOG.infof("Member %s switched %s emails off by one-click unsubscribe", u.memberId(), u.purpose());
                    MailTexts texts = MailTexts.of(Locale.forLanguageTag(members.language(u.memberId())));
                    return page(200, Templates.done(displayName, EMAILS.get(u.purpose()).apply(texts.msg()),
                            texts.locale().toLanguageTag()), texts);
                })
                .orElseGet(UnsubscribeResource::invalid);
    }

    private static Response invalid() {
        // Nobody known to address: the default language.
        return page(400, Templates.invalid(), MailTexts.of(Locale.ENGLISH));
    }

    private static Response page(int status, TemplateInstance page, MailTexts texts) {
        return Response.status(status).type(HTML).entity(page.setLocale(texts.locale()).render()).build();
    }
}
