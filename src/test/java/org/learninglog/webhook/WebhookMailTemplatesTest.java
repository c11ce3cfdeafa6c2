package org.learninglog.webhook;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.learninglog.mail.TemplateFiles;

/** The email telling facilitators that a webhook was disabled, in each language, escaped in HTML. */
class WebhookMailTemplatesTest {

    private static final UUID GROUP = UUID.fromString("3c9d2f1e-4b5a-4e6f-8a7b-9c0d1e2f3a4b");
    private static final UUID WEBHOOK = UUID.fromString("7f1c2a4e-8a43-4c6e-9d3a-2b1f0e5d6c7a");
    private static final WebhookDisabled MAIL = new WebhookDisabled("Fay <F>", GROUP, "Ops & <b>Co</b>", WEBHOOK,
            "https://hooks.slack.com/…", 10, "HTTP 404");

    private static WebhookMails.DisabledView view(String language) {
        return new WebhookMails.DisabledView(MAIL, "PATCH https://ll.example/api/v1/groups/" + GROUP + "/webhooks/"
                + WEBHOOK, language);
    }

    @Test
    void shouldRenderTheDisabledEmailEscapedInHtmlAndAsWrittenInText() {
        String html = TemplateFiles.render("WebhookMails/disabled.html", Map.of("view", view("en")), Locale.ENGLISH);
        assertThat(html, containsString("Hello Fay &lt;F&gt;,"));
        assertThat(html, containsString("the news of Ops &amp; &lt;b&gt;Co&lt;/b&gt; to the webhook"
                + " https://hooks.slack.com/… 10 times in a row"));
        assertThat(html, containsString("The last attempt failed with: HTTP 404"));
        assertThat(html, not(containsString("<b>Co</b>")));
        String text = TemplateFiles.render("WebhookMails/disabled.txt", Map.of("view", view("en")), Locale.ENGLISH);
        assertThat(text, containsString("Hello Fay <F>,"));
        assertThat(text, containsString("the news of Ops & <b>Co</b> to the webhook"));
        assertThat(text, containsString("PATCH https://ll.example/api/v1/groups/" + GROUP + "/webhooks/" + WEBHOOK));
    }

    @Test
    void shouldRenderTheDisabledEmailInEveryLanguage() {
        Map<String, String> intros = Map.of("de", "10-mal hintereinander", "es", "10 veces seguidas", "pl",
                "10 razy z rzędu", "en", "10 times in a row");
        intros.forEach((language, words) -> {
            String text = TemplateFiles.render("WebhookMails/disabled.txt", Map.of("view", view(language)),
                    Locale.forLanguageTag(language));
            assertThat(language, text, containsString(words));
            assertThat(language, text, containsString("HTTP 404"));
        });
    }
}
