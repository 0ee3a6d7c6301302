package dev.newsflow.enrich.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.schemas.MediaTopic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Experiment harness for the article ("long") model, not a test: loads one labelled file of articles (e.g. one half
 * of {@code bbc-train.jsonl}, written to /tmp by {@code awk 'NR%2==1'}) once and prints the 5-fold CV accuracy of
 * the article model for several feature and learner variants, optionally with the misclassified items and where the
 * lexicon takeover rules fire. Used for round 3 in docs/classifier.md. Run after {@code mvn -DskipTests package}:
 * <pre>
 * CP="enrich/target/classes:enrich/target/test-classes:schemas/target/classes:app/target/lib/*"
 * java -cp "$CP" dev.newsflow.enrich.classify.ArticleModelExperiments /tmp/bbc-A.jsonl [variant ...] [--errors] [--takeover]
 *     [--folds=K] [--seed=N]
 * </pre>
 * Variants: {@code sgd} (the shipped learner), {@code svm-C} (one-vs-rest squared-hinge SVM by dual coordinate
 * descent), {@code cnb} (complement naive Bayes), {@code dense} (LR on the dense features alone), {@code ens-W} /
 * {@code lens-W} ({@code sgd} on the hashed part with {@code dense}, probabilities averaged with weight W / logits
 * added with weight W), each optionally with {@code +title}, {@code +bigrams}, {@code +chars} (character 3-5-grams
 * of words), {@code +case} (capitalised words inside a sentence, and currency/percent signs), {@code +clusters}
 * (GloVe cluster ids), {@code +meanS} / {@code +leadS} (SIF mean vector of the article / of its headline and first
 * paragraph, length S; {@code sgd} takes one such 100-d block, {@code svm} two), {@code +plead} (the article's dense
 * features as shipped since round 4: {@link Vectorizer#count(String, long[], long[])}). Without {@code +plead},
 * {@code +meanS} or {@code +leadS} an article has no dense features (the model before round 4). {@code --folds} and
 * {@code --seed} set the number of folds (5) and the seed of their assignment. Round 3a and 4 in docs/classifier.md.
 */
public final class ArticleModelExperiments {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BITS = TrainingParameters.DEFAULTS.hashBits();
    private static final Vectorizer VECTORIZER = new Vectorizer(BITS);
    private static final long TITLE_SALT = 0x7F4A7C159E3779B9L;
    private static final long BIGRAM_SALT = 0x3C6EF372FE94F82BL;
    private static final long CASE_SALT = 0x1234567890ABCDEFL;

    record Doc(String id, String label, MediaTopic topic, String title, String text, long[] tokens) {
    }

    /** Fits on training vectors and returns one score per class for each test vector. */
    interface Learner {
        double[][] fitPredict(List<TermCounts> train, int[] ys, int classes, List<TermCounts> test);
    }

    /**
     * {@code --crops}: every training article also gives two shorter examples of its topic, the headline with the
     * first and with the second half of its paragraphs (cropping augmentation); test articles stay whole.
     */
    private static boolean crops;
    /** Folds of the cross-validation ({@code --folds=10}; 5 by default). */
    private static int folds = 5;
    /** Seed of the fold assignment ({@code --seed=N}; the training seed by default). */
    private static long foldSeed;

    private ArticleModelExperiments() {
    }

    public static void main(String[] args) throws Exception {
        List<Doc> docs = load(Path.of(args[0]));
        List<String> options = List.of(args).subList(1, args.length);
        boolean errors = options.contains("--errors");
        boolean takeover = options.contains("--takeover");
        crops = options.contains("--crops");
        folds = options.stream().filter(o -> o.startsWith("--folds=")).map(o -> Integer.parseInt(o.substring(8)))
                .findFirst().orElse(5);
        foldSeed = options.stream().filter(o -> o.startsWith("--seed=")).map(o -> Long.parseLong(o.substring(7)))
                .findFirst().orElse(TrainingParameters.DEFAULTS.seed());
        List<String> variants = options.stream().filter(o -> !o.startsWith("--")).toList();
        for (String variant : variants.isEmpty() ? List.of("sgd", "svm-1", "svm-1+chars") : variants) {
            String[] parts = variant.split("\\+");
            Learner learner = learner(parts[0]);
            Function<Doc, TermCounts> features = d -> features(d, List.of(parts).subList(1, parts.length));
            crossValidate(docs, features, learner, variant, errors, takeover);
        }
    }

    static List<Doc> load(Path file) throws Exception {
        List<Doc> docs = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = JSON.readTree(line);
            String label = n.path("label").asText();
            String title = n.path("title").asText("");
            String text = ArticleText.plain(title, n.path("body").asText(""));
            docs.add(new Doc(n.path("id").asText(), label, LabelMapping.trainingTopic(label).orElseThrow(), title, text,
                    Tokenizer.tokenize(text)));
        }
        return docs;
    }

    static Learner learner(String name) {
        if (name.equals("sgd")) {
            return ArticleModelExperiments::sgd;
        }
        if (name.startsWith("svm-")) {
            double c = Double.parseDouble(name.substring(4));
            return (train, ys, classes, test) -> svm(train, ys, classes, test, c);
        }
        if (name.startsWith("ens-")) { // probabilities of LR on the sparse part and LR on the dense part averaged
            double w = Double.parseDouble(name.substring(4));
            return (train, ys, classes, test) -> ensemble(train, ys, classes, test, w, false);
        }
        if (name.startsWith("lens-")) { // logits added: LR sparse + w * LR dense
            double w = Double.parseDouble(name.substring(5));
            return (train, ys, classes, test) -> ensemble(train, ys, classes, test, w, true);
        }
        if (name.equals("dense")) {
            return (train, ys, classes, test) -> denseLogistic(train, ys, classes, test, DENSE_LAMBDA);
        }
        if (name.equals("cnb")) {
            return ArticleModelExperiments::complementNaiveBayes;
        }
        throw new IllegalArgumentException("unknown learner " + name);
    }

    /** Words and 5-character stems as shipped, plus the named extras, each in its own salted hash space. */
    static TermCounts features(Doc d, List<String> extras) {
        List<Long> extra = new ArrayList<>();
        for (long stem : Tokenizer.stems(d.text())) {
            extra.add(stem);
        }
        long[] t = d.tokens();
        float[] dense = null;
        for (String name : extras) {
            if (name.startsWith("mean") || name.startsWith("lead")) { // SIF mean vector of the article / headline + lead
                float length = Float.parseFloat(name.substring(4));
                long[] source = name.startsWith("mean") ? t : Tokenizer.tokenize(lead(d));
                float[] v = WordEmbeddings.bundled().meanVector(source);
                if (v == null) {
                    v = new float[WordEmbeddings.DIMENSIONS];
                }
                for (int k = 0; k < v.length; k++) {
                    v[k] *= length / WordEmbeddings.DENSE_SCALE;
                }
                dense = dense == null ? v : concat(dense, v);
                continue;
            }
            switch (name) {
                case "plead" -> {
                }
                case "twicelead" -> { // the headline and first paragraph's words counted twice (position weighting)
                    for (long token : Tokenizer.tokenize(lead(d))) {
                        extra.add(token);
                    }
                }
                case "clusters" -> {
                    for (long c : WordEmbeddings.bundled().withClusterFeatures(t, new long[0])) {
                        extra.add(c);
                    }
                }
                case "title" -> {
                    for (long token : Tokenizer.tokenize(d.title())) {
                        extra.add(Tokenizer.mix(token ^ TITLE_SALT));
                    }
                }
                case "bigrams" -> {
                    for (int i = 0; i + 1 < t.length; i++) {
                        extra.add(Tokenizer.combine(t[i], t[i + 1]) ^ BIGRAM_SALT);
                    }
                }
                case "chars" -> {
                    for (String word : d.text().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                        if (word.isEmpty()) {
                            continue;
                        }
                        String w = "<" + word + ">";
                        for (int len = 3; len <= 5; len++) {
                            for (int i = 0; i + len <= w.length(); i++) {
                                extra.add(Tokenizer.mix(w.substring(i, i + len).hashCode() * 0x9E3779B97F4A7C15L + len));
                            }
                        }
                    }
                }
                case "case" -> {
                    String text = d.text();
                    for (int i = 0; i < text.length(); i++) {
                        char c = text.charAt(i);
                        if (c == '$' || c == '\u00a3' || c == '%' || c == '\u20ac') {
                            extra.add(Tokenizer.mix(c * 0x9E3779B97F4A7C15L + 17));
                        }
                    }
                    boolean sentenceStart = true;
                    for (String w : text.split("\\s+")) {
                        String core = w.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
                        if (!core.isEmpty() && Character.isUpperCase(core.charAt(0)) && !sentenceStart) {
                            for (long k : Tokenizer.tokenize(core)) {
                                extra.add(Tokenizer.mix(k ^ CASE_SALT));
                            }
                        }
                        sentenceStart = w.endsWith(".") || w.endsWith("?") || w.endsWith("!") || w.endsWith("\"");
                    }
                }
                default -> throw new IllegalArgumentException("unknown features " + name);
            }
        }
        long[] extraKeys = extra.stream().mapToLong(Long::longValue).toArray();
        if (extras.contains("plead")) { // as shipped since round 4: the lead's mean vector by Vectorizer
            return VECTORIZER.count(d.text(), t, extraKeys);
        }
        TermCounts counts = VECTORIZER.count(t, extraKeys);
        return new TermCounts(counts.indices(), counts.counts(), counts.tokenCount(), dense);
    }

    /** The headline with the first half of the paragraphs, and with the second half (articles of two or more). */
    static List<Doc> crops(Doc d) {
        String[] paragraphs = d.text().substring(Math.min(d.text().length(), d.title().length())).strip().split("\n\n");
        if (paragraphs.length < 2) {
            return List.of();
        }
        int half = paragraphs.length / 2;
        List<Doc> out = new ArrayList<>();
        for (String[] part : List.of(Arrays.copyOfRange(paragraphs, 0, half), Arrays.copyOfRange(paragraphs, half, paragraphs.length))) {
            String text = ArticleText.plain(d.title(), String.join("\n\n", part));
            out.add(new Doc(d.id(), d.label(), d.topic(), d.title(), text, Tokenizer.tokenize(text)));
        }
        return out;
    }

    /** Headline and first paragraph. */
    static String lead(Doc d) {
        String text = d.text();
        int first = text.indexOf("\n\n", d.title().length() + 1);
        return first < 0 ? text : text.substring(0, first);
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static final double DENSE_LAMBDA = 1e-3;

    /**
     * Multinomial logistic regression on the dense features alone (standardised), L2 {@code lambda}, full-batch
     * gradient descent (deterministic).
     */
    static double[][] denseLogistic(List<TermCounts> train, int[] ys, int classes, List<TermCounts> test, double lambda) {
        int n = train.size();
        int m = train.get(0).dense().length;
        double[] mu = new double[m];
        double[] sd = new double[m];
        for (TermCounts c : train) {
            for (int k = 0; k < m; k++) {
                mu[k] += c.dense()[k] / n;
            }
        }
        for (TermCounts c : train) {
            for (int k = 0; k < m; k++) {
                double d = c.dense()[k] - mu[k];
                sd[k] += d * d / n;
            }
        }
        for (int k = 0; k < m; k++) {
            sd[k] = Math.sqrt(sd[k]) + 1e-9;
        }
        double[][] x = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < m; k++) {
                x[i][k] = (train.get(i).dense()[k] - mu[k]) / sd[k];
            }
        }
        double[][] w = new double[classes][m + 1];
        double[][] v = new double[classes][m + 1];
        double step = 0.5;
        for (int it = 0; it < 500; it++) {
            double[][] g = new double[classes][m + 1];
            for (int i = 0; i < n; i++) {
                double[] z = new double[classes];
                for (int c = 0; c < classes; c++) {
                    z[c] = w[c][m];
                    for (int k = 0; k < m; k++) {
                        z[c] += w[c][k] * x[i][k];
                    }
                }
                double[] p = LinearModel.softmax(z, 1);
                for (int c = 0; c < classes; c++) {
                    double e = (p[c] - (ys[i] == c ? 1 : 0)) / n;
                    for (int k = 0; k < m; k++) {
                        g[c][k] += e * x[i][k];
                    }
                    g[c][m] += e;
                }
            }
            for (int c = 0; c < classes; c++) {
                for (int k = 0; k <= m; k++) {
                    double grad = g[c][k] + (k < m ? lambda * w[c][k] : 0);
                    v[c][k] = 0.9 * v[c][k] - step * grad;
                    w[c][k] += v[c][k];
                }
            }
        }
        double[][] out = new double[test.size()][classes];
        for (int i = 0; i < test.size(); i++) {
            for (int c = 0; c < classes; c++) {
                double z = w[c][m];
                for (int k = 0; k < m; k++) {
                    z += w[c][k] * (test.get(i).dense()[k] - mu[k]) / sd[k];
                }
                out[i][c] = z;
            }
        }
        return out;
    }

    /** The shipped LR on the hashed part and {@link #denseLogistic} on the dense part, combined. */
    static double[][] ensemble(List<TermCounts> train, int[] ys, int classes, List<TermCounts> test, double weight,
                               boolean logits) {
        java.util.function.UnaryOperator<TermCounts> sparse = c -> new TermCounts(c.indices(), c.counts(), c.tokenCount(), null);
        double[][] a = sgd(train.stream().map(sparse).toList(), ys, classes, test.stream().map(sparse).toList());
        double[][] b = denseLogistic(train, ys, classes, test, DENSE_LAMBDA);
        double[][] out = new double[test.size()][classes];
        for (int i = 0; i < test.size(); i++) {
            double[] pa = LinearModel.softmax(a[i], 1);
            double[] pb = LinearModel.softmax(b[i], 1);
            for (int c = 0; c < classes; c++) {
                out[i][c] = logits ? a[i][c] + weight * b[i][c] : Math.log((1 - weight) * pa[c] + weight * pb[c] + 1e-300);
            }
        }
        return out;
    }

    /** The shipped learner: {@link ModelTrainer} with the default parameters, no NB scaling. */
    static double[][] sgd(List<TermCounts> train, int[] ys, int classes, List<TermCounts> test) {
        List<TrainingExample> examples = new ArrayList<>();
        MediaTopic[] topics = MediaTopic.values(); // any distinct topics in index order keep the class order
        for (int i = 0; i < train.size(); i++) {
            examples.add(new TrainingExample(null, train.get(i), topics[ys[i]], "x", "x"));
        }
        LinearModel model = new ModelTrainer(TrainingParameters.DEFAULTS).train(examples, 0.0);
        double[][] out = new double[test.size()][];
        for (int i = 0; i < test.size(); i++) {
            out[i] = model.logits(model.vectorize(test.get(i)));
        }
        return out;
    }

    /**
     * One-vs-rest L2-regularised squared-hinge linear SVM, solved by dual coordinate descent (Hsieh et al. 2008,
     * liblinear's default), the bias as a constant feature 1, on the same TF-IDF vectors as the shipped model.
     */
    static double[][] svm(List<TermCounts> train, int[] ys, int classes, List<TermCounts> test, double c) {
        float[] idf = ModelTrainer.inverseDocumentFrequencies(
                train.stream().map(t -> new TrainingExample(null, t, null, null, null)).toList(), 1 << BITS);
        int n = train.size();
        SparseVector[] xs = train.stream().map(t -> VECTORIZER.weigh(t, idf)).toArray(SparseVector[]::new);
        double diagonal = 1.0 / (2 * c);
        double[] qii = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 1.0 + diagonal;
            for (float v : xs[i].values()) {
                s += v * v;
            }
            qii[i] = s;
        }
        double[][] w = new double[classes][(1 << BITS) + 2 * WordEmbeddings.DIMENSIONS];
        double[] b = new double[classes];
        for (int k = 0; k < classes; k++) {
            double[] alpha = new double[n];
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Random random = new Random(TrainingParameters.DEFAULTS.seed() + k);
            for (int iteration = 0; iteration < 1000; iteration++) {
                for (int i = n - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    int tmp = order[i];
                    order[i] = order[j];
                    order[j] = tmp;
                }
                double maxPg = Double.NEGATIVE_INFINITY;
                double minPg = Double.POSITIVE_INFINITY;
                for (int i : order) {
                    double y = ys[i] == k ? 1 : -1;
                    int[] idx = xs[i].indices();
                    float[] val = xs[i].values();
                    double wx = b[k];
                    for (int q = 0; q < idx.length; q++) {
                        wx += w[k][idx[q]] * val[q];
                    }
                    double g = y * wx - 1 + diagonal * alpha[i];
                    double pg = alpha[i] == 0 ? Math.min(g, 0) : g;
                    maxPg = Math.max(maxPg, pg);
                    minPg = Math.min(minPg, pg);
                    if (Math.abs(pg) > 1e-12) {
                        double old = alpha[i];
                        alpha[i] = Math.max(old - g / qii[i], 0);
                        double d = (alpha[i] - old) * y;
                        for (int q = 0; q < idx.length; q++) {
                            w[k][idx[q]] += d * val[q];
                        }
                        b[k] += d;
                    }
                }
                if (maxPg - minPg < 1e-3) {
                    break;
                }
            }
        }
        double[][] out = new double[test.size()][classes];
        for (int i = 0; i < test.size(); i++) {
            SparseVector x = VECTORIZER.weigh(test.get(i), idf);
            for (int k = 0; k < classes; k++) {
                double z = b[k];
                for (int q = 0; q < x.indices().length; q++) {
                    z += w[k][x.indices()[q]] * x.values()[q];
                }
                out[i][k] = z;
            }
        }
        return out;
    }

    /** Complement naive Bayes (Rennie et al. 2003) on the TF-IDF vectors, smoothing 0.1. */
    static double[][] complementNaiveBayes(List<TermCounts> train, int[] ys, int classes, List<TermCounts> test) {
        int dims = 1 << BITS;
        float[] idf = ModelTrainer.inverseDocumentFrequencies(
                train.stream().map(t -> new TrainingExample(null, t, null, null, null)).toList(), dims);
        double[][] mass = new double[classes][dims];
        double[] total = new double[classes];
        for (int i = 0; i < train.size(); i++) {
            SparseVector x = VECTORIZER.weigh(train.get(i), idf);
            for (int q = 0; q < x.indices().length; q++) {
                mass[ys[i]][x.indices()[q]] += x.values()[q];
                total[ys[i]] += x.values()[q];
            }
        }
        int seen = 0;
        for (float v : idf) {
            seen += v > 0 ? 1 : 0;
        }
        double all = Arrays.stream(total).sum();
        double alpha = 0.1;
        double[][] out = new double[test.size()][classes];
        for (int i = 0; i < test.size(); i++) {
            SparseVector x = VECTORIZER.weigh(test.get(i), idf);
            for (int k = 0; k < classes; k++) {
                double z = 0;
                for (int q = 0; q < x.indices().length; q++) {
                    int j = x.indices()[q];
                    double other = 0;
                    for (int o = 0; o < classes; o++) {
                        other += o == k ? 0 : mass[o][j];
                    }
                    z -= Math.log((other + alpha) / (all - total[k] + alpha * seen)) * x.values()[q];
                }
                out[i][k] = z; // the complement class fits worst
            }
        }
        return out;
    }

    /** Stratified 5-fold CV (seeded); prints accuracy and macro-F1, optionally errors and lexicon takeovers. */
    static void crossValidate(List<Doc> docs, Function<Doc, TermCounts> features, Learner learner, String name,
                              boolean errors, boolean takeover) {
        List<MediaTopic> topics = List.copyOf(new TreeSet<>(docs.stream().map(Doc::topic).toList()));
        int classes = topics.size();
        int n = docs.size();
        List<TermCounts> counts = docs.stream().map(features).toList();
        List<List<TermCounts>> cropCounts = crops ? docs.stream().map(d -> crops(d).stream().map(features).toList()).toList() : null;
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = topics.indexOf(docs.get(i).topic());
        }
        int[] fold = new int[n];
        Map<Integer, List<Integer>> byClass = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            byClass.computeIfAbsent(y[i], k -> new ArrayList<>()).add(i);
        }
        Random random = new Random(foldSeed);
        for (List<Integer> group : byClass.values()) {
            Collections.shuffle(group, random);
            for (int r = 0; r < group.size(); r++) {
                fold[group.get(r)] = r % folds;
            }
        }
        double[][] scores = new double[n][];
        long start = System.nanoTime();
        for (int k = 0; k < folds; k++) {
            List<TermCounts> train = new ArrayList<>();
            List<TermCounts> test = new ArrayList<>();
            List<Integer> testIndex = new ArrayList<>();
            List<Integer> trainY = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (fold[i] == k) {
                    test.add(counts.get(i));
                    testIndex.add(i);
                } else {
                    train.add(counts.get(i));
                    trainY.add(y[i]);
                    if (cropCounts != null) {
                        for (TermCounts c : cropCounts.get(i)) {
                            train.add(c);
                            trainY.add(y[i]);
                        }
                    }
                }
            }
            double[][] z = learner.fitPredict(train, trainY.stream().mapToInt(Integer::intValue).toArray(), classes, test);
            for (int j = 0; j < test.size(); j++) {
                scores[testIndex.get(j)] = z[j];
            }
        }
        int[] predicted = new int[n];
        int[][] confusion = new int[classes][classes];
        int correct = 0;
        for (int i = 0; i < n; i++) {
            predicted[i] = argmax(scores[i]);
            confusion[y[i]][predicted[i]]++;
            correct += predicted[i] == y[i] ? 1 : 0;
        }
        double f1 = 0;
        for (int c = 0; c < classes; c++) {
            int fp = 0;
            int fn = 0;
            for (int o = 0; o < classes; o++) {
                if (o != c) {
                    fp += confusion[o][c];
                    fn += confusion[c][o];
                }
            }
            f1 += confusion[c][c] == 0 ? 0 : 2.0 * confusion[c][c] / (2.0 * confusion[c][c] + fp + fn);
        }
        System.out.printf(Locale.ROOT, "%-24s accuracy %.4f  macro-F1 %.4f  errors %3d  (%.1f s)%n", name,
                (double) correct / n, f1 / classes, n - correct, (System.nanoTime() - start) / 1e9);
        if (errors) {
            for (int i = 0; i < n; i++) {
                if (predicted[i] != y[i]) {
                    System.out.printf(Locale.ROOT, "  %-22s %-14s -> %s%n", docs.get(i).id(), docs.get(i).label(), topics.get(predicted[i]));
                }
            }
        }
        if (takeover) {
            printTakeovers(docs, topics, y, scores);
        }
    }

    /** Where the shipped takeover rules fire on the out-of-fold scores, with a temperature fitted on them. */
    private static void printTakeovers(List<Doc> docs, List<MediaTopic> topics, int[] y, double[][] scores) {
        double temperature = 1;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (int step = 0; step <= 240; step++) {
            double t = 0.2 + step * 0.02;
            double loss = 0;
            for (int i = 0; i < y.length; i++) {
                loss -= Math.log(Math.max(1e-12, LinearModel.softmax(scores[i], t)[y[i]]));
            }
            if (loss < bestLoss) {
                bestLoss = loss;
                temperature = t;
            }
        }
        TopicLexicon lexicon = TopicLexicon.loadDefault();
        int cost = 0;
        for (int i = 0; i < y.length; i++) {
            double[] p = LinearModel.softmax(scores[i], temperature);
            int best = argmax(p);
            List<TopicLexicon.Score> lexical = lexicon.score(docs.get(i).tokens());
            if (!lexical.isEmpty() && TrainedCategorizer.LexiconTakeover.DEFAULT.fires(p[best], lexical.get(0).confidence())) {
                cost += best == y[i] ? 1 : 0;
                System.out.printf(Locale.ROOT, "  takeover %-22s %-14s model %s %.3f -> lexicon %s %.4f (%d terms)%n",
                        docs.get(i).id(), docs.get(i).label(), topics.get(best), p[best], lexical.get(0).topic(),
                        lexical.get(0).confidence(), lexical.get(0).distinctTerms());
            }
        }
        System.out.printf(Locale.ROOT, "  temperature %.2f; the takeover turned %d correct predictions wrong%n", temperature, cost);
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int c = 1; c < values.length; c++) {
            if (values[c] > values[best]) {
                best = c;
            }
        }
        return best;
    }
}
