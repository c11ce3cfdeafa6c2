package org.learninglog.search;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * Questions' sentence embeddings: all-MiniLM-L6-v2 (quantized), which ships inside its jar and runs in process, so
 * nothing is downloaded at run time. Stored in `search_document.embedding` (`real[]`) by a job, and compared in Java
 * over one group's questions (decision 81). Loaded at first use (about a second).
 */
@ApplicationScoped
public class QuestionEmbeddings {

    private static final int BATCH = 200;

    private final EntityManager em;
    private volatile EmbeddingModel model;

    QuestionEmbeddings(EntityManager em) {
        this.em = em;
    }

    float[] embed(String text) {
        EmbeddingModel loaded = model;
        if (loaded == null) {
            synchronized (this) {
                if (model == null) {
                    model = new AllMiniLmL6V2QuantizedEmbeddingModel();
                }
                loaded = model;
            }
        }
        return loaded.embed(text).content().vector();
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    @Scheduled(identity = "question-embeddings", every = "${learninglog.similar.embed-every:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        while (embedMissing() == BATCH) {
            // more to do
        }
    }

    /** Embeds up to a batch of questions that have no embedding yet; returns how many. */
    public int embedMissing() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT d.id, d.question FROM search_document d"
                    + " WHERE d.kind = 'ENTRY' AND d.has_question AND d.embedding IS NULL"
                    + " ORDER BY d.created_at LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED").getResultList();
            for (Object[] row : rows) {
                em.createNativeQuery("UPDATE search_document SET embedding = CAST(:vector AS real[]) WHERE id = :id")
                        .setParameter("vector", literal(embed((String) row[1]))).setParameter("id", row[0])
                        .executeUpdate();
            }
            return rows.size();
        });
    }

    /** The questions of a group by entry, each with its embedding (computed now where the job has not yet). */
    Map<UUID, float[]> ofGroup(UUID groupId) {
        Map<UUID, float[]> vectors = new HashMap<>();
        List<UUID> missing = new ArrayList<>();
        Map<UUID, String> questions = new HashMap<>();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT d.entry_id, d.embedding, d.question"
                    + " FROM search_document d WHERE d.group_id = ? AND d.kind = 'ENTRY' AND d.has_question")) {
                select.setObject(1, groupId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        UUID entry = rows.getObject(1, UUID.class);
                        Array array = rows.getArray(2);
                        if (array == null) {
                            missing.add(entry);
                            questions.put(entry, rows.getString(3));
                        } else {
                            Float[] values = (Float[]) array.getArray();
                            float[] vector = new float[values.length];
                            for (int i = 0; i < values.length; i++) {
                                vector[i] = values[i];
                            }
                            vectors.put(entry, vector);
                        }
                    }
                }
            }
        });
        for (UUID entry : missing) {
            vectors.put(entry, embed(questions.get(entry)));
        }
        return vectors;
    }

    private static String literal(float[] vector) {
        StringJoiner joined = new StringJoiner(",", "{", "}");
        for (float value : vector) {
            joined.add(Float.toString(value));
        }
        return joined.toString();
    }
}
