package org.learninglog.mail;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;

/** A rendered email: subject, HTML and plain-text parts, and extra headers such as `List-Unsubscribe`. */
public record ComposedMail(String subject, String html, String text, Map<String, String> headers) {

    public ComposedMail {
        // A subject is a header: user content in it (a group's name) must not break the header block.
        subject = subject.replaceAll("[\\r\\n\\t]+", " ").strip();
        headers = Map.copyOf(headers);
    }

    /**
     * Renders a type-checked template that comes as `name.html` (escaped) and `name.txt` (plain text).
     *
     * @param template makes a fresh instance of the template with its data, e.g. `() -> Templates.reminder(data)`
     */
    public static ComposedMail of(String subject, Supplier<TemplateInstance> template, Map<String, String> headers) {
        return new ComposedMail(subject, variant(template.get(), Variant.TEXT_HTML),
                variant(template.get(), Variant.TEXT_PLAIN), headers);
    }

    /** Renders the template as {@link #of(String, Supplier, Map)} does, its `msg:` texts in the email's language. */
    public static ComposedMail of(String subject, Supplier<TemplateInstance> template, Map<String, String> headers,
            MailTexts texts) {
        return of(subject, () -> template.get().setLocale(texts.locale()), headers);
    }

    private static String variant(TemplateInstance instance, String contentType) {
        @SuppressWarnings("unchecked")
        List<Variant> variants = (List<Variant>) instance.getAttribute(TemplateInstance.VARIANTS);
        Variant variant = variants == null ? null : variants.stream()
                .filter(v -> contentType.equals(v.getContentType()))
                .findFirst().orElse(null);
        if (variant == null) {
            throw new IllegalStateException("The mail template has no " + contentType + " variant");
        }
        return instance.setAttribute(TemplateInstance.SELECTED_VARIANT, variant).render();
    }
}
