package org.learninglog.search;

import java.nio.ByteBuffer;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * Questions' sentence embeddings: all-MiniLM-L6-v2 (quantized), which ships inside its jar and runs in process, so
 * nothing is downloaded at run time. Stored in `search_document.embedding` (`bytea`, decision 137) by a job, and
 * compared in Java over one group's questions (decision 81). Loaded at first use (about a second).
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
                em.createNativeQuery("UPDATE search_document SET embedding = :vector WHERE id = :id")
                        .setParameter("vector", stored(embed((String) row[1]))).setParameter("id", row[0])
                        .executeUpdate();
            }
            return rows.size();
        });
    }

    /**
     * A stored embedding as the vector it holds: 384 IEEE 754 floats in network byte order, as `float4send` writes
     * them (V39, decision 137), so reading one is a copy, not a parse.
     */
    static float[] vector(byte[] stored) {
        float[] vector = new float[stored.length / Float.BYTES];
        ByteBuffer.wrap(stored).asFloatBuffer().get(vector);
        return vector;
    }

    /** A vector as it is stored. */
    static byte[] stored(float[] vector) {
        ByteBuffer stored = ByteBuffer.allocate(vector.length * Float.BYTES);
        stored.asFloatBuffer().put(vector);
        return stored.array();
    }
}
