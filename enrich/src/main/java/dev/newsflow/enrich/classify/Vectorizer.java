package dev.newsflow.enrich.classify;

import java.util.Arrays;

/**
 * Feature hashing of words and the extra features of {@link Tokenizer#features} (5-character stems; word bigrams for
 * short items only) into {@code 2^hashBits} buckets, then TF-IDF with sublinear term frequency ({@code 1 + ln tf})
 * and L2 normalisation. No bigrams for articles: measured worse in cross-validation (BBC accuracy 0.973 against
 * 0.977), and they cost twice the features.
 */
public final class Vectorizer {

    private final int hashBits;
    private final int mask;

    public Vectorizer(int hashBits) {
        if (hashBits < 8 || hashBits > 24) {
            throw new IllegalArgumentException("hashBits must be in [8, 24]: " + hashBits);
        }
        this.hashBits = hashBits;
        this.mask = (1 << hashBits) - 1;
    }

    public int hashBits() {
        return hashBits;
    }

    public int dimensions() {
        return 1 << hashBits;
    }

    /** The text an article is classified on: headline, then body. */
    public static String articleText(String title, String body) {
        if (title == null || title.isBlank()) {
            return body == null ? "" : body;
        }
        return title + "\n" + (body == null ? "" : body);
    }

    public TermCounts count(long[] tokens) {
        return count(tokens, new long[0]);
    }

    /**
     * Tokens of an article's lead that its mean word vector is taken over, at most: a text without paragraph breaks
     * (an HTML body reduced to text) otherwise makes its whole length the "lead". No BBC article's headline + first
     * paragraph is longer than this except for a few outliers (median 27 words, 99th percentile 48).
     */
    static final int LEAD_TOKENS = 100;

    /**
     * Counts of {@code text}: as {@link #count(long[], long[])}, and an article (at least
     * {@link CategoryModel#DEFAULT_SHORT_TEXT_TOKENS} tokens) also gets, as its dense features, the mean word vector
     * of its lead ({@link #leadEnd}: the headline and the first paragraph, at most {@link #LEAD_TOKENS} tokens)
     * instead of none. A short item's dense features are the mean vector of its whole text, its lead. Measured in
     * round 4 of docs/classifier.md: the lead's vector helped the article model, the whole article's did not.
     *
     * @param tokens {@code Tokenizer.tokenize(text)}
     * @param stems  {@code Tokenizer.features(text, tokens)}
     */
    public TermCounts count(String text, long[] tokens, long[] stems) {
        TermCounts counts = count(tokens, stems);
        if (tokens.length < CategoryModel.DEFAULT_SHORT_TEXT_TOKENS) {
            return counts;
        }
        // the lead's tokens are the first ones of the text's (a blank line separates tokens)
        int lead = Tokenizer.countTokens(text, leadEnd(text), LEAD_TOKENS);
        float[] dense = WordEmbeddings.bundled().meanVector(tokens, lead);
        return new TermCounts(counts.indices(), counts.counts(), counts.tokenCount(), dense, lead);
    }

    /**
     * End of the lead of an article's text ({@link #articleText}: headline, newline, body with paragraphs separated
     * by blank lines): the first blank line after some text, or the end of the text. A blank line may hold spaces,
     * tabs or a carriage return ({@code \r\n\r\n} from a CMS).
     */
    static int leadEnd(String text) {
        boolean seenText = false;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c != '\n') {
                seenText |= Character.isLetterOrDigit(c);
                continue;
            }
            int j = i + 1;
            while (j < n && (text.charAt(j) == ' ' || text.charAt(j) == '\t' || text.charAt(j) == '\r')) {
                j++;
            }
            if (seenText && j < n && text.charAt(j) == '\n') {
                return i;
            }
        }
        return text.length();
    }

    /**
     * Counts of word features and stem features ({@link Tokenizer#stems}); the token count is that of words. Only a
     * short item gets dense features here; {@link #count(String, long[], long[])} gives an article its lead's.
     */
    public TermCounts count(long[] tokens, long[] stems) {
        int features = tokens.length + stems.length;
        int capacity = Integer.highestOneBit(Math.max(16, features * 2 - 1)) << 1;
        int[] keys = new int[capacity];
        int[] values = new int[capacity];
        int[] order = new int[features];
        int distinct = 0;
        int slotMask = capacity - 1;
        for (long token : tokens) {
            distinct = add(keys, values, order, distinct, slotMask, bucket(token));
        }
        for (long stem : stems) {
            distinct = add(keys, values, order, distinct, slotMask, bucket(stem));
        }
        int[] indices = new int[distinct];
        int[] counts = new int[distinct];
        for (int k = 0; k < distinct; k++) {
            int slot = order[k];
            indices[k] = keys[slot] - 1;
            counts[k] = values[slot];
        }
        float[] dense = tokens.length > 0 && tokens.length < CategoryModel.DEFAULT_SHORT_TEXT_TOKENS
                ? WordEmbeddings.bundled().meanVector(tokens) : null;
        return new TermCounts(indices, counts, tokens.length, dense);
    }

    /**
     * {@code counts} of this vectorizer re-hashed into the fewer buckets of {@code smaller} (colliding buckets' counts
     * summed, dense features kept): the same buckets {@code smaller} would have counted, since a bucket is the top
     * bits of the feature's hash. Lets a small model (the World refiner) share one counting pass with the main ones.
     */
    public TermCounts fold(TermCounts counts, Vectorizer smaller) {
        int shift = hashBits - smaller.hashBits;
        if (shift < 0) {
            throw new IllegalArgumentException("cannot fold " + hashBits + " hash bits into " + smaller.hashBits);
        }
        if (shift == 0) {
            return counts;
        }
        int n = counts.indices().length;
        long[] packed = new long[n];
        for (int k = 0; k < n; k++) {
            packed[k] = (long) (counts.indices()[k] >>> shift) << 32 | counts.counts()[k];
        }
        Arrays.sort(packed);
        int[] indices = new int[n];
        int[] merged = new int[n];
        int distinct = 0;
        for (int k = 0; k < n; k++) {
            int index = (int) (packed[k] >>> 32);
            int count = (int) packed[k];
            if (distinct > 0 && indices[distinct - 1] == index) {
                merged[distinct - 1] += count;
            } else {
                indices[distinct] = index;
                merged[distinct++] = count;
            }
        }
        return new TermCounts(Arrays.copyOf(indices, distinct), Arrays.copyOf(merged, distinct),
                counts.tokenCount(), counts.dense(), counts.leadTokenCount());
    }

    /**
     * Weights counts with {@code idf} (one value per bucket) and normalises; the dense features follow
     * at indices {@code dimensions() .. dimensions() + WordEmbeddings.DIMENSIONS - 1}.
     */
    public SparseVector weigh(TermCounts counts, float[] idf) {
        int n = counts.indices().length;
        float[] dense = counts.dense();
        int total = dense == null ? n : n + dense.length;
        int[] indices = new int[total];
        float[] values = new float[total];
        double norm = 0;
        for (int k = 0; k < n; k++) {
            int index = counts.indices()[k];
            float value = (float) (sublinear(counts.counts()[k]) * idf[index]);
            indices[k] = index;
            values[k] = value;
            norm += (double) value * value;
        }
        if (norm > 0) {
            float scale = (float) (1.0 / Math.sqrt(norm));
            for (int k = 0; k < n; k++) {
                values[k] *= scale;
            }
        }
        if (dense != null) {
            for (int k = 0; k < dense.length; k++) {
                indices[n + k] = dimensions() + k;
                values[n + k] = dense[k];
            }
        }
        return new SparseVector(indices, values);
    }

    private static final double[] SUBLINEAR = new double[64];

    static {
        for (int tf = 1; tf < SUBLINEAR.length; tf++) {
            SUBLINEAR[tf] = 1.0 + StrictMath.log(tf);
        }
    }

    /** {@code 1 + ln tf}, from a table for the common small counts. */
    static double sublinear(int tf) {
        return tf < SUBLINEAR.length ? SUBLINEAR[tf] : 1.0 + StrictMath.log(tf);
    }

    public SparseVector vectorize(String text, float[] idf) {
        long[] tokens = Tokenizer.tokenize(text);
        return weigh(count(text, tokens, Tokenizer.features(text, tokens)), idf);
    }

    private int bucket(long key) {
        return (int) (key >>> (64 - hashBits)) & mask;
    }

    private static int add(int[] keys, int[] values, int[] order, int distinct, int slotMask, int index) {
        int key = index + 1;
        int slot = (key * 0x9E3779B9) >>> 1 & slotMask;
        while (true) {
            if (keys[slot] == 0) {
                keys[slot] = key;
                values[slot] = 1;
                order[distinct] = slot;
                return distinct + 1;
            }
            if (keys[slot] == key) {
                values[slot]++;
                return distinct;
            }
            slot = (slot + 1) & slotMask;
        }
    }
}
