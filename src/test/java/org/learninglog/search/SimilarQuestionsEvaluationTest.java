package org.learninglog.search;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.learninglog.Api.as;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Does meaning find more earlier questions than words? On a labelled set (`search/similar-questions.tsv`: questions
 * asked before, the same questions asked again in other words, and unrelated distractors, in English, German and
 * Spanish), recall@3 of `GET /questions/similar` (full text) against a hybrid that fuses its ranking with the cosine
 * ranking of a sentence embedding (all-MiniLM-L6-v2, quantized, run in process), by reciprocal rank. The numbers go
 * into decision 84; the test fails only if the set or the model breaks, not on the numbers.
 */
@QuarkusTest
class SimilarQuestionsEvaluationTest {

    private record Pair(String earlier, String again) {
    }

    /** Reciprocal rank fusion's constant: rank 1 is worth 1/61, rank 10 1/70. */
    private static final int K = 60;

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    @Test
    void shouldReportRecallAtThreeOfFullTextAndOfTheHybridPerLanguage() throws IOException {
        clock.set(Entries.TUESDAY_W48);
        Map<String, List<Pair>> set = read();
        EmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
        StringBuilder report = new StringBuilder("recall@3 of similar questions (language, pairs, full text, "
                + "embedding alone, hybrid):\n");
        for (var language : set.entrySet()) {
            TestMember facilitator = data.member("Facilitator");
            UUID group = data.group("Evaluation " + language.getKey() + " " + TestData.suffix(), facilitator);
            Memory.language(facilitator, group, language.getKey());
            Map<String, String> questionOfEntry = new LinkedHashMap<>();
            Map<String, float[]> vectors = new HashMap<>();
            for (Pair pair : language.getValue()) {
                TestMember author = data.member("Author");
                data.join(group, author, org.learninglog.group.Membership.Role.MEMBER);
                String entry = Memory.entry(author, group, "Tried something", "It failed", pair.earlier(), List.of());
                questionOfEntry.put(entry, pair.earlier());
                vectors.put(entry, model.embed(pair.earlier()).content().vector());
            }
            int asked = 0;
            int byWords = 0;
            int byMeaning = 0;
            int byBoth = 0;
            for (var stored : questionOfEntry.entrySet()) {
                Pair pair = language.getValue().stream().filter(p -> p.earlier().equals(stored.getValue()))
                        .findFirst().orElseThrow();
                if (pair.again().isEmpty()) {
                    continue;
                }
                asked++;
                List<String> words = as(facilitator.token()).queryParam("groupId", group.toString())
                        .queryParam("text", pair.again()).queryParam("limit", 10).get("/api/v1/questions/similar")
                        .then().statusCode(200).extract().path("items.entryId");
                float[] query = model.embed(pair.again()).content().vector();
                List<String> meaning = vectors.keySet().stream()
                        .sorted(Comparator.comparingDouble((String e) -> -cosine(query, vectors.get(e)))).toList();
                Map<String, Double> fused = new HashMap<>();
                for (int i = 0; i < words.size(); i++) {
                    fused.merge(words.get(i), 1.0 / (K + i + 1), Double::sum);
                }
                for (int i = 0; i < Math.min(10, meaning.size()); i++) {
                    fused.merge(meaning.get(i), 1.0 / (K + i + 1), Double::sum);
                }
                List<String> hybrid = fused.entrySet().stream()
                        .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).map(Map.Entry::getKey)
                        .toList();
                byWords += top3(words).contains(stored.getKey()) ? 1 : 0;
                byMeaning += top3(meaning).contains(stored.getKey()) ? 1 : 0;
                byBoth += top3(hybrid).contains(stored.getKey()) ? 1 : 0;
            }
            report.append("%s\t%d\t%.2f\t%.2f\t%.2f%n".formatted(language.getKey(), asked, (double) byWords / asked,
                    (double) byMeaning / asked, (double) byBoth / asked));
            assertTrue(asked >= 20, "at least 20 pairs per language");
        }
        System.out.println(report);
    }

    private static List<String> top3(List<String> ranking) {
        return ranking.subList(0, Math.min(3, ranking.size()));
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
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
