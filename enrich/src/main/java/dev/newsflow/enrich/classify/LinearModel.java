package dev.newsflow.enrich.classify;

import dev.newsflow.schemas.MediaTopic;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/**
 * A trained multinomial logistic regression over hashed TF-IDF features: the IDF table, one weight per bucket and
 * topic, one bias per topic, and a softmax temperature fitted on cross-validated predictions so that the
 * probabilities are calibrated. Immutable and thread-safe. Stored inside a {@link CategoryModel} file.
 */
public final class LinearModel {

    private final Vectorizer vectorizer;
    private final List<MediaTopic> topics;
    /** Per bucket: its IDF, then one weight per topic, so that one cache line serves a feature at prediction. */
    private final float[] table;
    private final int stride;
    /** Hashed buckets; rows beyond them are dense features ({@link WordEmbeddings#DIMENSIONS} or none). */
    private final int dims;
    private final int denseDims;
    private final float[] bias;
    private final double temperature;

    /**
     * @param weights bucket-major, one per topic: first the {@code 2^hashBits} hashed buckets, then optionally
     *                {@link WordEmbeddings#DIMENSIONS} rows for the dense features of short items
     */
    public LinearModel(int hashBits, List<MediaTopic> topics, float[] idf, float[] weights, float[] bias, double temperature) {
        this.vectorizer = new Vectorizer(hashBits);
        this.topics = List.copyOf(topics);
        this.dims = vectorizer.dimensions();
        int rows = topics.isEmpty() ? 0 : weights.length / topics.size();
        this.denseDims = rows - dims;
        if (idf.length != dims || rows * topics.size() != weights.length
                || (denseDims != 0 && denseDims != WordEmbeddings.DIMENSIONS) || bias.length != topics.size()) {
            throw new IllegalArgumentException("model arrays do not match " + hashBits + " hash bits and "
                    + topics.size() + " topics");
        }
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be positive: " + temperature);
        }
        int classes = topics.size();
        this.stride = classes + 1;
        this.table = new float[rows * stride];
        for (int j = 0; j < rows; j++) {
            table[j * stride] = j < dims ? idf[j] : 0f;
            System.arraycopy(weights, j * classes, table, j * stride + 1, classes);
        }
        this.bias = bias;
        this.temperature = temperature;
    }

    /** From a table already laid out as {@link #table} (the file reader). */
    private LinearModel(int hashBits, List<MediaTopic> topics, float[] table, int denseDims, float[] bias, double temperature) {
        this.vectorizer = new Vectorizer(hashBits);
        this.topics = List.copyOf(topics);
        this.dims = vectorizer.dimensions();
        this.denseDims = denseDims;
        this.stride = topics.size() + 1;
        this.table = table;
        this.bias = bias;
        this.temperature = temperature;
    }

    public List<MediaTopic> topics() {
        return topics;
    }

    public Vectorizer vectorizer() {
        return vectorizer;
    }

    public double temperature() {
        return temperature;
    }

    public LinearModel withTemperature(double newTemperature) {
        return new LinearModel(vectorizer.hashBits(), topics, idf(), weights(), bias, newTemperature);
    }

    public SparseVector vectorize(TermCounts counts) {
        return vectorizer.weigh(counts, idf());
    }

    private float[] idf() {
        float[] idf = new float[dims];
        for (int j = 0; j < idf.length; j++) {
            idf[j] = table[j * stride];
        }
        return idf;
    }

    private float[] weights() {
        int classes = stride - 1;
        float[] weights = new float[table.length / stride * classes];
        for (int j = 0; j < table.length / stride; j++) {
            System.arraycopy(table, j * stride + 1, weights, j * classes, classes);
        }
        return weights;
    }

    /** Raw scores per topic, in {@link #topics()} order, before temperature and softmax. */
    public double[] logits(SparseVector x) {
        int classes = topics.size();
        double[] z = new double[classes];
        for (int c = 0; c < classes; c++) {
            z[c] = bias[c];
        }
        int[] indices = x.indices();
        float[] values = x.values();
        int rows = dims + denseDims;
        for (int k = 0; k < indices.length; k++) {
            if (indices[k] >= rows) {
                continue; // dense features for a model trained without them
            }
            int base = indices[k] * stride + 1;
            float v = values[k];
            for (int c = 0; c < classes; c++) {
                z[c] += table[base + c] * v;
            }
        }
        return z;
    }

    /**
     * Calibrated probabilities per topic, in {@link #topics()} order; they sum to 1. The same arithmetic as
     * {@code logits(vectorize(counts))}, fused so that each feature's IDF and weights are read from one place.
     */
    public double[] probabilities(TermCounts counts) {
        int[] indices = counts.indices();
        int[] tf = counts.counts();
        int n = indices.length;
        float[] values = new float[n];
        double norm = 0;
        for (int k = 0; k < n; k++) {
            float value = (float) (Vectorizer.sublinear(tf[k]) * table[indices[k] * stride]);
            values[k] = value;
            norm += (double) value * value;
        }
        float scale = norm > 0 ? (float) (1.0 / Math.sqrt(norm)) : 0f;
        int classes = stride - 1;
        double[] z = new double[classes];
        for (int c = 0; c < classes; c++) {
            z[c] = bias[c];
        }
        for (int k = 0; k < n; k++) {
            int base = indices[k] * stride + 1;
            float v = values[k] * scale;
            for (int c = 0; c < classes; c++) {
                z[c] += table[base + c] * v;
            }
        }
        float[] dense = counts.dense();
        if (dense != null && denseDims > 0) {
            for (int k = 0; k < dense.length; k++) {
                int base = (dims + k) * stride + 1;
                float v = dense[k];
                for (int c = 0; c < classes; c++) {
                    z[c] += table[base + c] * v;
                }
            }
        }
        return softmax(z, temperature);
    }

    /** Index of the largest value, the first of equal ones. */
    static int argmax(double[] values) {
        int best = 0;
        for (int c = 1; c < values.length; c++) {
            if (values[c] > values[best]) {
                best = c;
            }
        }
        return best;
    }

    public static double[] softmax(double[] logits, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double z : logits) {
            max = Math.max(max, z);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int c = 0; c < logits.length; c++) {
            p[c] = StrictMath.exp((logits[c] - max) / temperature);
            sum += p[c];
        }
        for (int c = 0; c < p.length; c++) {
            p[c] = Math.min(1.0, p[c] / sum);
        }
        return p;
    }

    /**
     * Hash bits, topic codes, temperature, dense feature count, then the hashed buckets sparsely: a bitmap of the
     * buckets that have an IDF or a weight (most of the {@code 2^hashBits} have neither), and for each of them its
     * IDF and one weight per topic; then the dense rows' weights and the biases. Floats are little-endian. Storing
     * only the used buckets keeps the file and, above all, the bytes to inflate at start small (format 7).
     */
    void write(DataOutputStream out) throws IOException {
        out.writeInt(vectorizer.hashBits());
        out.writeInt(topics.size());
        for (MediaTopic topic : topics) {
            out.writeUTF(topic.code());
        }
        out.writeDouble(temperature);
        out.writeInt(denseDims);
        byte[] used = new byte[dims / 8];
        int count = 0;
        for (int j = 0; j < dims; j++) {
            for (int k = 0; k < stride; k++) {
                if (table[j * stride + k] != 0f) {
                    used[j >> 3] |= (byte) (1 << (j & 7));
                    count++;
                    break;
                }
            }
        }
        out.write(used);
        float[] rows = new float[count * stride];
        int r = 0;
        for (int j = 0; j < dims; j++) {
            if ((used[j >> 3] & (1 << (j & 7))) != 0) {
                System.arraycopy(table, j * stride, rows, r, stride);
                r += stride;
            }
        }
        writeFloats(out, rows);
        writeFloats(out, Arrays.copyOfRange(table, dims * stride, (dims + denseDims) * stride));
        writeFloats(out, bias);
    }

    static LinearModel read(DataInputStream in) throws IOException {
        int hashBits = in.readInt();
        if (hashBits < 8 || hashBits > 24) {
            throw new IOException("corrupt model: hash bits " + hashBits);
        }
        int classes = in.readInt();
        MediaTopic[] topics = new MediaTopic[classes];
        for (int c = 0; c < classes; c++) {
            String code = in.readUTF();
            topics[c] = MediaTopic.fromCode(code).orElseThrow(() -> new IOException("unknown topic code " + code));
        }
        double temperature = in.readDouble();
        int denseDims = in.readInt();
        if (denseDims != 0 && denseDims != WordEmbeddings.DIMENSIONS) {
            throw new IOException("corrupt model: dense features " + denseDims);
        }
        int dims = 1 << hashBits;
        int stride = classes + 1;
        byte[] used = new byte[dims / 8];
        in.readFully(used);
        int count = 0;
        for (byte b : used) {
            count += Integer.bitCount(b & 0xFF);
        }
        float[] rows = readFloats(in, count * stride);
        float[] table = new float[(dims + denseDims) * stride];
        int r = 0;
        for (int j = 0; j < dims; j++) {
            if ((used[j >> 3] & (1 << (j & 7))) != 0) {
                System.arraycopy(rows, r, table, j * stride, stride);
                r += stride;
            }
        }
        float[] dense = readFloats(in, denseDims * stride);
        System.arraycopy(dense, 0, table, dims * stride, dense.length);
        return new LinearModel(hashBits, List.of(topics), table, denseDims, readFloats(in, classes), temperature);
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        out.write(buffer.array());
    }

    private static float[] readFloats(DataInputStream in, int count) throws IOException {
        byte[] bytes = new byte[count * Float.BYTES];
        in.readFully(bytes);
        float[] values = new float[count];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }
}
