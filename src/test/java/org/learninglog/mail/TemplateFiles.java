package org.learninglog.mail;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.quarkus.qute.Engine;
import io.quarkus.qute.EvalContext;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.TemplateLocator.TemplateLocation;
import io.quarkus.qute.ValueResolver;
import io.quarkus.qute.Variant;

/**
 * The email templates (`src/main/resources/templates`) rendered by Qute's standalone engine, without starting
 * Quarkus, set up as the Quarkus extension renders them: `.html` templates HTML-escaped, `.txt` ones not,
 * standalone lines removed, strict rendering (an unknown property fails), includes resolved by path, and
 * records' components readable by name.
 */
public final class TemplateFiles {

    private static final Engine ENGINE = Engine.builder()
            .addDefaults()
            .addValueResolver(records())
            .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML)))
            .removeStandaloneLines(true)
            .strictRendering(true)
            .addLocator(TemplateFiles::locate)
            .build();

    private TemplateFiles() {
    }

    /**
     * Renders one template file with its data.
     *
     * @param id   the path under `templates/`, e.g. `ReminderMails/reminder.html`
     * @param data the template's parameters by name, as its {@code @CheckedTemplate} method declares them
     */
    public static String render(String id, Map<String, Object> data) {
        TemplateInstance instance = ENGINE.getTemplate(id).instance();
        data.forEach(instance::data);
        return instance.render();
    }

    private static Optional<TemplateLocation> locate(String id) {
        if (TemplateFiles.class.getClassLoader().getResource("templates/" + id) == null) {
            return Optional.empty();
        }
        Variant variant = new Variant(Locale.ENGLISH, StandardCharsets.UTF_8,
                id.endsWith(".html") ? Variant.TEXT_HTML : Variant.TEXT_PLAIN);
        return Optional.of(new TemplateLocation() {
            @Override
            public Reader read() {
                InputStream in = TemplateFiles.class.getClassLoader().getResourceAsStream("templates/" + id);
                return new InputStreamReader(in, StandardCharsets.UTF_8);
            }

            @Override
            public Optional<Variant> getVariant() {
                return Optional.of(variant);
            }
        });
    }

    /** Reads a record's component by name, as the generated value resolvers of Quarkus do. */
    private static ValueResolver records() {
        return ValueResolver.builder()
                .appliesTo(context -> component(context) != null)
                .resolveSync(context -> {
                    try {
                        var accessor = component(context).getAccessor();
                        accessor.setAccessible(true);
                        return accessor.invoke(context.getBase());
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .build();
    }

    private static RecordComponent component(EvalContext context) {
        Object base = context.getBase();
        if (base == null || !base.getClass().isRecord() || !context.getParams().isEmpty()) {
            return null;
        }
        return Arrays.stream(base.getClass().getRecordComponents())
                .filter(c -> c.getName().equals(context.getName())).findFirst().orElse(null);
    }
}
