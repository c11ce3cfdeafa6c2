package org.learninglog.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

import io.quarkus.qute.Engine;
import io.quarkus.qute.EvalContext;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.NamespaceResolver;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.TemplateLocator.TemplateLocation;
import io.quarkus.qute.ValueResolver;
import io.quarkus.qute.Variant;

/**
 * The email templates (`src/main/resources/templates`) rendered by Qute's standalone engine, without starting
 * Quarkus, set up as the Quarkus extension renders them: `.html` templates HTML-escaped, `.txt` ones not,
 * standalone lines removed, strict rendering (an unknown property fails), includes resolved by path, and
 * records' components readable by name, and `msg:` message bundle texts read from
 * `messages/msg_{language}.properties` in the template instance's locale.
 */
public final class TemplateFiles {

    private static final Engine ENGINE = Engine.builder()
            .addDefaults()
            .addValueResolver(records())
            .addNamespaceResolver(messages())
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
        return render(id, data, Locale.ENGLISH);
    }

    /** Renders one template file with its data, its `msg:` texts in the language of the locale. */
    public static String render(String id, Map<String, Object> data, Locale locale) {
        TemplateInstance instance = ENGINE.getTemplate(id).instance().setLocale(locale);
        data.forEach(instance::data);
        return instance.render();
    }

    /** The texts of an email in a language, read from the message files as Quarkus reads them. */
    public static MailTexts texts(Locale locale) {
        Messages messages = (Messages) Proxy.newProxyInstance(TemplateFiles.class.getClassLoader(),
                new Class<?>[] { Messages.class }, (proxy, method, args) -> method.getDeclaringClass() == Object.class
                        ? method.getName().equals("toString") ? "Messages(" + locale + ")" : null
                        : message(locale, method.getName(), args == null ? List.of() : Arrays.asList(args)));
        return new MailTexts(messages, locale);
    }

    /** The keys and texts of one message file, e.g. `msg_de.properties`; empty when there is none. */
    public static Properties messageFile(String language) {
        Properties file = new Properties();
        InputStream in = TemplateFiles.class.getClassLoader()
                .getResourceAsStream("messages/msg_" + language + ".properties");
        if (in != null) {
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                file.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return file;
    }

    /**
     * A message rendered as Quarkus renders it: its text is a template of the method's parameters by name; a key
     * a language lacks falls back to the default language's (which {@code MessagesTest} forbids).
     */
    private static String message(Locale locale, String key, List<?> args) {
        String text = messageFile(locale.getLanguage()).getProperty(key, messageFile("en").getProperty(key));
        if (text == null) {
            throw new IllegalStateException("No message " + key);
        }
        Method method = Arrays.stream(Messages.class.getMethods()).filter(m -> m.getName().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Messages has no method " + key));
        TemplateInstance instance = ENGINE.parse(text).instance();
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            instance.data(parameters[i].getName(), args.get(i));
        }
        return instance.render();
    }

    /** `{msg:key(params)}` in templates, in the template instance's locale (English without one). */
    private static NamespaceResolver messages() {
        return NamespaceResolver.builder("msg").resolveAsync(context -> {
            Object attribute = context.getAttribute(TemplateInstance.LOCALE);
            Locale locale = attribute instanceof Locale l ? l
                    : attribute instanceof String tag ? Locale.forLanguageTag(tag) : Locale.ENGLISH;
            List<CompletableFuture<Object>> values = context.getParams().stream()
                    .map(param -> context.evaluate(param).toCompletableFuture()).toList();
            return CompletableFuture.allOf(values.toArray(CompletableFuture[]::new)).thenApply(
                    done -> message(locale, context.getName(), values.stream().map(CompletableFuture::join).toList()));
        }).build();
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
