package dev.funnel.backend.knowledge;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.StringJoiner;

/** Embedding vectors as stored: unit length, float32 little-endian bytes (or pgvector's text form). */
final class Vectors {

    private Vectors() {
    }

    static float[] normalised(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += (double) v * v;
        }
        float norm = (float) Math.sqrt(sum);
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = norm == 0 ? 0 : vector[i] / norm;
        }
        return unit;
    }

    static byte[] bytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    /** Reads {@code bytes} into {@code target} from {@code offset}. */
    static void read(byte[] bytes, float[] target, int offset) {
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(target, offset,
                bytes.length / Float.BYTES);
    }

    /** pgvector's text form, {@code [0.1,0.2,...]}. */
    static String pgvector(float[] vector) {
        StringJoiner text = new StringJoiner(",", "[", "]");
        for (float v : vector) {
            text.add(Float.toString(v));
        }
        return text.toString();
    }
}
