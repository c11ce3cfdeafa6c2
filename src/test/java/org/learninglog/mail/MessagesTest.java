package org.learninglog.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.learninglog.member.MemberRules;

/** Every language has every message, and no more; no Quarkus. */
class MessagesTest {

    private static final Pattern FILE = Pattern.compile("msg_([a-z]{2,3})\\.properties");
    private static final Pattern PARAMETER = Pattern.compile("\\{(\\w+)\\}");

    @Test
    void shouldHaveTheFilesOfTheSupportedLanguages() throws Exception {
        assertEquals(List.of("de", "en", "es", "pl"), languages());
        for (String language : languages()) {
            assertEquals(language, MemberRules.language(language));
        }
    }

    @Test
    void shouldDefineInTheDefaultLanguageExactlyTheMessagesOfTheBundle() {
        Set<String> methods = Arrays.stream(Messages.class.getMethods()).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));

        assertEquals(methods, keys(TemplateFiles.messageFile("en")));
    }

    @Test
    void shouldHaveEveryKeyOfTheDefaultLanguageInEveryLanguageAndNoOther() throws Exception {
        Set<String> defaults = keys(TemplateFiles.messageFile("en"));
        for (String language : languages()) {
            Set<String> keys = keys(TemplateFiles.messageFile(language));
            Set<String> missing = new TreeSet<>(defaults);
            missing.removeAll(keys);
            Set<String> extra = new TreeSet<>(keys);
            extra.removeAll(defaults);
            assertEquals(Set.of(), missing, "msg_" + language + ".properties lacks these keys");
            assertEquals(Set.of(), extra, "msg_" + language + ".properties has keys the default lacks");
        }
    }

    @Test
    void shouldUseOnlyTheParametersOfEachMessageAndLeaveNoTextBlank() throws Exception {
        for (String language : languages()) {
            Properties file = TemplateFiles.messageFile(language);
            for (Method method : Messages.class.getMethods()) {
                String text = file.getProperty(method.getName());
                assertFalse(text.isBlank(), language + ": " + method.getName() + " is blank");
                Set<String> parameters = Arrays.stream(method.getParameters()).map(Parameter::getName)
                        .collect(Collectors.toSet());
                Matcher used = PARAMETER.matcher(text);
                while (used.find()) {
                    assertTrue(parameters.contains(used.group(1)),
                            language + ": " + method.getName() + " uses {" + used.group(1) + "}, not a parameter");
                }
            }
        }
    }

    private static List<String> languages() throws IOException, URISyntaxException {
        Path folder = Path.of(MessagesTest.class.getClassLoader().getResource("messages").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> FILE.matcher(f.getFileName().toString())).filter(Matcher::matches)
                    .map(m -> m.group(1)).sorted().toList();
        }
    }

    private static Set<String> keys(Properties file) {
        return file.stringPropertyNames().stream().collect(Collectors.toCollection(TreeSet::new));
    }
}
