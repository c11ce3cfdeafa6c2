package org.learninglog.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

class QuestionEmbeddingsTest {

    @Test
    void shouldReadBackExactlyTheVectorItStores() {
        float[] vector = { 0.1f, -0.0f, Float.MIN_VALUE, -3.4028235e38f, 0.33333334f, 1e-8f };
        assertArrayEquals(vector, QuestionEmbeddings.vector(QuestionEmbeddings.stored(vector)));
    }

    @Test
    void shouldStoreEachFloatAsPostgreSqlSendsItInNetworkByteOrder() {
        // float4send(1.5) = \x3fc00000: what V39 converted the real[] values to.
        byte[] stored = QuestionEmbeddings.stored(new float[] { 1.5f, -2f });
        assertArrayEquals(new byte[] { 0x3f, (byte) 0xc0, 0, 0, (byte) 0xc0, 0, 0, 0 }, stored);
        assertEquals(1.5f, ByteBuffer.wrap(stored).getFloat());
    }
}
