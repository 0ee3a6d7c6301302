package dev.newsflow.enrich.classify;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The shipped model file: two {@link LinearModel}s, one for short items (fewer than {@link #shortTextTokens()}
 * tokens, AG-style wire snippets) trained on every article, and one for full articles trained on the long ones
 * only, plus the review threshold recommended by cross-validation.
 *
 * <p>Why two: in cross-validation a single model trained on both styles lost about two points of accuracy on
 * BBC-style articles against a model trained on articles alone (0.955 against 0.973), while short items gained from
 * the articles (see docs/classifier.md). Routing by length keeps the best of each.
 *
 * <p>Optionally a third, the <b>World refiner</b>: for a short item the short model calls politics (the topic AG's
 * catch-all {@code World} was learned as), it tells which topic of the bucket "everything else" the item is:
 * politics, conflict, crime, disaster, health, ... ({@link ModelTrainer#trainWorldRefiner}).
 *
 * <p>File format (gzip without a timestamp, so the same model always gives the same bytes): magic {@code NFCM},
 * format version, word-table fingerprint, short-text token limit, review threshold, the short model, the long model,
 * whether a refiner follows, the refiner. The model version is
 * {@value #VERSION_PREFIX} plus the file's CRC-32 in hex: an identifier of the file, not a security check (the
 * class path is trusted), and it costs 0.3 ms where a SHA-256 took about 90 ms of a fresh JVM's start. A damaged
 * file is caught by gzip's own CRC of the content, which is checked because the loader reads to the end.
 */
public final class CategoryModel {

    public static final String VERSION_PREFIX = "newsflow-linear-2026.11-";
    /** Texts with fewer tokens are short items: AG items have at most about 180, BBC articles at least about 120. */
    public static final int DEFAULT_SHORT_TEXT_TOKENS = 100;
    private static final int MAGIC = 0x4E46434D; // "NFCM"
    /**
     * Bumped whenever the features change (now: words, 5-character stems, and for short items word bigrams, GloVe
     * word clusters and the mean word vector as dense features, {@link WordEmbeddings}, and the surface features of
     * {@link Tokenizer#surfaceFeatures}; for articles the mean word vector of the lead), so an old file is refused.
     * Format 7 also stores only the used buckets; 8 is 7 with the articles' lead vector; 9 adds the fingerprint of
     * the word tables the model was trained with ({@link WordEmbeddings#fingerprint()}); 10 adds the World refiner.
     */
    private static final int FORMAT = 10;

    private final LinearModel shortModel;
    private final LinearModel longModel;
    private final LinearModel worldRefiner;
    private final int shortTextTokens;
    private final double reviewThreshold;
    private volatile String version;

    public CategoryModel(LinearModel shortModel, LinearModel longModel, int shortTextTokens, double reviewThreshold) {
        this(shortModel, longModel, null, shortTextTokens, reviewThreshold);
    }

    /** @param worldRefiner null for none; it reads the short model's counts folded to its own (fewer) hash bits */
    public CategoryModel(LinearModel shortModel, LinearModel longModel, LinearModel worldRefiner, int shortTextTokens,
                         double reviewThreshold) {
        if (shortModel.vectorizer().hashBits() != longModel.vectorizer().hashBits()) {
            throw new IllegalArgumentException("short and long model must use the same hash bits");
        }
        if (worldRefiner != null && worldRefiner.vectorizer().hashBits() > shortModel.vectorizer().hashBits()) {
            throw new IllegalArgumentException("the World refiner reads the short model's counts folded to fewer hash "
                    + "bits: it cannot use " + worldRefiner.vectorizer().hashBits() + " > "
                    + shortModel.vectorizer().hashBits());
        }
        if (worldRefiner != null && !worldRefiner.topics().stream().allMatch(LabelMapping::isWorldTopic)) {
            throw new IllegalArgumentException("the World refiner may only choose topics of the bucket 'everything "
                    + "else', so that it never moves an item to sport, business or science-technology: "
                    + worldRefiner.topics());
        }
        if (shortTextTokens != DEFAULT_SHORT_TEXT_TOKENS) {
            // the short-item features (bigrams, clusters, surface features) are computed below this very limit
            // (Tokenizer.features); a model routing at another length would meet features it was not trained with
            throw new IllegalArgumentException("short items are texts below " + DEFAULT_SHORT_TEXT_TOKENS
                    + " tokens; a model routing at " + shortTextTokens + " is not supported");
        }
        this.shortModel = shortModel;
        this.longModel = longModel;
        this.worldRefiner = worldRefiner;
        this.shortTextTokens = shortTextTokens;
        this.reviewThreshold = reviewThreshold;
    }

    public LinearModel shortModel() {
        return shortModel;
    }

    public LinearModel longModel() {
        return longModel;
    }

    /** The World refiner, or null if the model has none. */
    public LinearModel worldRefiner() {
        return worldRefiner;
    }

    /**
     * The World refiner's topic probabilities (in its {@link LinearModel#topics()} order) for a short item's counts,
     * or null if the model has no refiner.
     */
    public double[] worldTopicProbabilities(TermCounts counts) {
        return worldRefiner == null ? null
                : worldRefiner.probabilities(vectorizer().fold(counts, worldRefiner.vectorizer()));
    }

    /** The same model with the sub-models' calibrated temperatures. */
    public CategoryModel withTemperatures(double shortTemperature, double longTemperature, double refinerTemperature) {
        return new CategoryModel(shortModel.withTemperature(shortTemperature), longModel.withTemperature(longTemperature),
                worldRefiner == null ? null : worldRefiner.withTemperature(refinerTemperature), shortTextTokens,
                reviewThreshold);
    }

    public int shortTextTokens() {
        return shortTextTokens;
    }

    /** The review threshold recommended by training (from cross-validation); configuration may override it. */
    public double reviewThreshold() {
        return reviewThreshold;
    }

    /** The model for a text of this many tokens. */
    public LinearModel modelFor(int tokenCount) {
        return tokenCount < shortTextTokens ? shortModel : longModel;
    }

    public Vectorizer vectorizer() {
        return shortModel.vectorizer();
    }

    /** {@value #VERSION_PREFIX} and the CRC-32 of {@link #toBytes()} in hex. */
    public String version() {
        String v = version;
        if (v == null) {
            v = VERSION_PREFIX + fileId(toBytes());
            version = v;
        }
        return v;
    }

    /**
     * The same model with the version {@value #VERSION_PREFIX} + {@code label} instead of one hashed from its bytes:
     * for models that never become a file (cross-validation folds), where serialising them for a hash costs about
     * 0.4 s each and says nothing.
     */
    CategoryModel withUnhashedVersion(String label) {
        CategoryModel copy = new CategoryModel(shortModel, longModel, worldRefiner, shortTextTokens, reviewThreshold);
        copy.version = VERSION_PREFIX + label;
        return copy;
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 22);
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes, 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(WordEmbeddings.bundled().fingerprint());
            out.writeInt(shortTextTokens);
            out.writeDouble(reviewThreshold);
            shortModel.write(out);
            longModel.write(out);
            out.writeBoolean(worldRefiner != null);
            if (worldRefiner != null) {
                worldRefiner.write(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise model", e);
        }
        return bytes.toByteArray();
    }

    public static CategoryModel fromBytes(byte[] file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                new GZIPInputStream(new ByteArrayInputStream(file), 1 << 16), 1 << 16))) {
            if (in.readInt() != MAGIC) {
                throw new IOException("not a newsflow category model (bad magic)");
            }
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IOException("unsupported model format " + format + ", expected " + FORMAT
                        + " (a model written by another version of newsflow; retrain it with newsflow train)");
            }
            // the features come from the bundled word tables: a model trained with other tables would load fine and
            // quietly lose accuracy
            String trainedWith = in.readUTF();
            int shortTextTokens = in.readInt();
            double threshold = in.readDouble();
            LinearModel shortModel = LinearModel.read(in);
            LinearModel longModel = LinearModel.read(in);
            LinearModel worldRefiner = in.readBoolean() ? LinearModel.read(in) : null;
            // reading to the end makes gzip check its CRC of the whole content, and catches bytes nothing wrote
            if (in.read() != -1) {
                throw new IOException("corrupt model: data after the last sub-model");
            }
            // checked after parsing, not before: the bundled tables load on another thread at start, and asking for
            // them first would make this thread wait for them instead of parsing beside them
            String bundled = WordEmbeddings.bundled().fingerprint();
            if (!trainedWith.equals(bundled)) {
                throw new IOException("the model was trained with word tables " + trainedWith + " but the bundled ones are "
                        + bundled + " (" + WordEmbeddings.CLUSTERS_RESOURCE + ", " + WordEmbeddings.VECTORS_RESOURCE
                        + "); retrain it with newsflow train");
            }
            CategoryModel model = new CategoryModel(shortModel, longModel, worldRefiner, shortTextTokens, threshold);
            model.version = VERSION_PREFIX + fileId(file);
            return model;
        }
    }

    private static String fileId(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return String.format(Locale.ROOT, "%08x", crc.getValue());
    }
}
