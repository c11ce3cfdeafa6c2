package org.learninglog.search;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.learninglog.Api.as;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.learninglog.TestData;
import org.learninglog.TestData.TestMember;
import org.learninglog.entry.Entries;
import org.learninglog.time.MutableClock;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Does meaning find more earlier questions than words? On a labelled set (`search/similar-questions.tsv`: questions
 * asked before, the same questions asked again in other words, and unrelated distractors, in English, German and
 * Spanish), recall@3 of the ranking by words (full text) against the ranking by meaning (all-MiniLM-L6-v2, quantized,
 * run in process) and the hybrid that fuses both by reciprocal rank, as `GET /questions/similar` uses them. The numbers go
 * into decision 81; the test fails only if the set or the model breaks, not on the numbers.
 */
@QuarkusTest
class SimilarQuestionsEvaluationTest {

    private record Pair(String earlier, String again) {
    }

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    @Inject
    GroupMemory memory;

    /** Questions about nothing in the set. */
    private static final List<String> UNRELATED = List.of("Who won the football match on Sunday?",
            "What is the capital of Australia?", "How do I bake sourdough at home?", "Which film should I watch?");

    @Test
    void shouldReportRecallAtThreeOfFullTextAndOfTheHybridPerLanguage() throws IOException {
        clock.set(Entries.TUESDAY_W48);
        Map<String, List<Pair>> set = read();
        StringBuilder report = new StringBuilder("recall@3 of similar questions (language, pairs, full text, "
                + "embedding alone, hybrid; unrelated questions that found something by meaning):\n");
        for (var language : set.entrySet()) {
            TestMember facilitator = data.member("Facilitator");
            UUID group = data.group("Evaluation " + language.getKey() + " " + TestData.suffix(), facilitator);
            Memory.language(facilitator, group, language.getKey());
            Map<String, String> questionOfEntry = new LinkedHashMap<>();
            for (Pair pair : language.getValue()) {
                TestMember author = data.member("Author");
                data.join(group, author, org.learninglog.group.Membership.Role.MEMBER);
                String entry = Memory.entry(author, group, "Tried something", "It failed", pair.earlier(), List.of());
                questionOfEntry.put(entry, pair.earlier());
            }
            int asked = 0;
            int byWords = 0;
            int byMeaning = 0;
            int byBoth = 0;
            int distractorsFound = 0;
            for (var stored : questionOfEntry.entrySet()) {
                Pair pair = language.getValue().stream().filter(p -> p.earlier().equals(stored.getValue()))
                        .findFirst().orElseThrow();
                if (pair.again().isEmpty()) {
                    continue;
                }
                asked++;
                UUID target = UUID.fromString(stored.getKey());
                // The service's own rankings (GroupMemory), as GET /questions/similar uses them.
                List<UUID> words = QuarkusTransaction.requiringNew().call(() -> memory.byWords(group, pair.again()));
                List<UUID> meaning = QuarkusTransaction.requiringNew()
                        .call(() -> memory.byMeaning(group, pair.again()));
                List<UUID> hybrid = GroupMemory.fuse(words, meaning, 3);
                byWords += top3(words).contains(target) ? 1 : 0;
                byMeaning += top3(meaning).contains(target) ? 1 : 0;
                byBoth += hybrid.contains(target) ? 1 : 0;
            }
            // How the bar of closeness trades recall by meaning against unrelated questions finding something.
            for (double bar : new double[] { 0.0, 0.3, 0.35, 0.4, 0.45, 0.5 }) {
                int found = 0;
                int noise = 0;
                for (Pair pair : language.getValue()) {
                    if (pair.again().isEmpty()) {
                        continue;
                    }
                    UUID target = UUID.fromString(questionOfEntry.entrySet().stream()
                            .filter(e -> e.getValue().equals(pair.earlier())).findFirst().orElseThrow().getKey());
                    found += top3(QuarkusTransaction.requiringNew()
                            .call(() -> memory.byMeaning(group, pair.again(), bar))).contains(target) ? 1 : 0;
                }
                for (String unrelated : UNRELATED) {
                    noise += QuarkusTransaction.requiringNew().call(() -> memory.byMeaning(group, unrelated, bar))
                            .isEmpty() ? 0 : 1;
                }
                report.append("  %s bar %.2f: by meaning %.2f, unrelated finding something %d/%d%n"
                        .formatted(language.getKey(), bar, (double) found / asked, noise, UNRELATED.size()));
            }
            // A question of nothing the group asked before should find nothing by meaning.
            for (String unrelated : UNRELATED) {
                distractorsFound += QuarkusTransaction.requiringNew().call(() -> memory.byMeaning(group, unrelated))
                        .isEmpty() ? 0 : 1;
            }
            report.append("%s\t%d\t%.2f\t%.2f\t%.2f\t%d/%d%n".formatted(language.getKey(), asked,
                    (double) byWords / asked, (double) byMeaning / asked, (double) byBoth / asked, distractorsFound,
                    UNRELATED.size()));
            assertTrue(asked >= 20, "at least 20 pairs per language");
        }
        System.out.println(report);
    }

    private static List<UUID> top3(List<UUID> ranking) {
        return ranking.subList(0, Math.min(3, ranking.size()));
    }

    private static Map<String, List<Pair>> read() throws IOException {
        Map<String, List<Pair>> set = new LinkedHashMap<>();
        try (var in = new BufferedReader(new InputStreamReader(
                SimilarQuestionsEvaluationTest.class.getResourceAsStream("/search/similar-questions.tsv"),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", -1);
                set.computeIfAbsent(columns[0], l -> new ArrayList<>()).add(new Pair(columns[1], columns[2]));
            }
        }
        return set;
    }
}
