package dev.newsflow.enrich.classify;

import dev.newsflow.schemas.MediaTopic;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Trains a {@link LinearModel}: smoothed IDF from the training examples, then multinomial logistic regression by
 * stochastic gradient descent with L2 regularisation (Bottou's scaled-weights trick keeps updates sparse). The
 * short-item model scales each weight by the naive Bayes log-count ratio of its feature ({@link #logCountRatios}).
 *
 * <p>Why hand-written: the model is about 60 lines of arithmetic, and a library (Smile, Tribuo, liblinear) would
 * add megabytes of dependencies and its own file format for no gain in accuracy on data this size. Training is
 * single-threaded, iterates in a fixed order and shuffles with a seeded {@link Random}, so the same data and
 * parameters always give the same bytes.
  *
 * <p>Exponentials and logarithms here and in the vectorizer, the linear model and cross-validation are
 * {@code StrictMath}'s: the same bits on every CPU and JVM, so the same data gives the same model file on any machine.
 * {@code Math.exp} and {@code Math.log} may differ by an ulp between HotSpot's x86 intrinsics and other platforms.
 */
public final class ModelTrainer {

    private final TrainingParameters parameters;

    public ModelTrainer(TrainingParameters parameters) {
        this.parameters = parameters;
    }

    /**
     * The short-item model on every example, the article model on those with at least {@code shortTextTokens}
     * tokens (or the short-item model again when there are none). Temperatures are 1: calibration is the job of
     * {@link CrossValidation}.
     */
    public CategoryModel trainCategoryModel(List<TrainingExample> examples, int shortTextTokens, double reviewThreshold) {
        // the short-item model learns its dense weights from short items: an article's dense features (its lead's
        // mean vector, for the article model) are left out of its training
        List<TrainingExample> forShortModel = examples.stream().map(e -> e.counts().tokenCount() < shortTextTokens
                || e.counts().dense() == null ? e : e.withCounts(new TermCounts(e.counts().indices(),
                e.counts().counts(), e.counts().tokenCount()))).toList();
        LinearModel shortModel = train(forShortModel, SHORT_NB_MIX, SHORT_CNB_WEIGHT);
        List<TrainingExample> articles = examples.stream().filter(e -> e.counts().tokenCount() >= shortTextTokens).toList();
        boolean enoughArticles = articles.stream().map(TrainingExample::topic).distinct().count() >= 2;
        LinearModel longModel = enoughArticles ? train(articles, LONG_NB_MIX, LONG_CNB_WEIGHT) : shortModel;
        return new CategoryModel(shortModel, longModel, trainWorldRefiner(examples, shortTextTokens), shortTextTokens,
                reviewThreshold);
    }

    /** Hash bits of the World refiner: 2^17 buckets for about 1,900 items keep its table at 6 MB of heap. */
    static final int WORLD_REFINER_HASH_BITS = 17;
    /** A topic the World refiner learns needs this many labelled items; rarer ones are left out of its training. */
    static final int WORLD_REFINER_MIN_EXAMPLES = 10;

    /**
     * The World refiner: a short-item model over the topics of the AG bucket "everything else"
     * ({@link LabelMapping#isWorldTopic}), trained on the short examples that carry our World label
     * ({@link TrainingExample#worldTopic}); null when fewer than two topics have {@value #WORLD_REFINER_MIN_EXAMPLES}
     * such items. NB-weighted like the short model but without complement NB, which cost 3 points of accuracy on these
     * unbalanced classes (round 7 of docs/classifier.md).
     */
    LinearModel trainWorldRefiner(List<TrainingExample> examples, int shortTextTokens) {
        List<TrainingExample> labelled = examples.stream().filter(e -> e.worldTopic() != null
                && LabelMapping.isWorldTopic(e.worldTopic()) && e.counts().tokenCount() < shortTextTokens).toList();
        Map<MediaTopic, Long> perTopic = new TreeMap<>();
        labelled.forEach(e -> perTopic.merge(e.worldTopic(), 1L, Long::sum));
        Vectorizer full = new Vectorizer(parameters.hashBits());
        Vectorizer small = new Vectorizer(Math.min(WORLD_REFINER_HASH_BITS, parameters.hashBits()));
        List<TrainingExample> training = labelled.stream()
                .filter(e -> perTopic.get(e.worldTopic()) >= WORLD_REFINER_MIN_EXAMPLES)
                .map(e -> new TrainingExample(e.tokens(), full.fold(e.counts(), small), e.worldTopic(), e.label(),
                        e.dataset(), e.worldTopic()))
                .toList();
        if (training.stream().map(TrainingExample::topic).distinct().count() < 2) {
            return null;
        }
        return train(training, SHORT_NB_MIX, 0.0, small);
    }

    /** One multinomial logistic regression over all the examples, temperature 1. */
    public LinearModel train(List<TrainingExample> examples) {
        return train(examples, SHORT_NB_MIX, SHORT_CNB_WEIGHT);
    }

    /** As {@link #train(List)}, with {@code nbMix} of the naive Bayes weighting and no complement NB. */
    LinearModel train(List<TrainingExample> examples, double nbMix) {
        return train(examples, nbMix, 0.0);
    }

    /**
     * As {@link #train(List)}, with {@code nbMix} of the naive Bayes weighting ({@link #logCountRatios}) and
     * {@code cnbWeight} times the complement naive Bayes model added to the weights ({@link #complementNaiveBayes}).
     */
    LinearModel train(List<TrainingExample> examples, double nbMix, double cnbWeight) {
        return train(examples, nbMix, cnbWeight, new Vectorizer(parameters.hashBits()));
    }

    /** As {@link #train(List, double, double)}, on counts of {@code vectorizer}'s buckets. */
    private LinearModel train(List<TrainingExample> examples, double nbMix, double cnbWeight, Vectorizer vectorizer) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no training examples");
        }
        int dims = vectorizer.dimensions();
        List<MediaTopic> topics = List.copyOf(new TreeSet<>(examples.stream().map(TrainingExample::topic).toList()));
        int classes = topics.size();

        float[] idf = inverseDocumentFrequencies(examples, dims);
        int n = examples.size();
        SparseVector[] xs = new SparseVector[n];
        int[] ys = new int[n];
        for (int i = 0; i < n; i++) {
            xs[i] = vectorizer.weigh(examples.get(i).counts(), idf);
            ys[i] = topics.indexOf(examples.get(i).topic());
        }

        int rows = dims + WordEmbeddings.DIMENSIONS; // hashed buckets, then the dense features of short items
        double[] r = Arrays.copyOf(logCountRatios(xs, ys, dims, classes, nbMix), rows * classes);
        Arrays.fill(r, dims * classes, r.length, 1.0); // dense features are not NB-scaled
        double[] w = new double[rows * classes];
        double[] b = new double[classes];
        double scale = 1.0;
        double lambda = parameters.lambda();
        double eta0 = parameters.eta0();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(parameters.seed());
        double[] z = new double[classes];
        long t = 0;
        for (int epoch = 0; epoch < parameters.epochs(); epoch++) {
            shuffle(order, random);
            for (int i : order) {
                double eta = eta0 / (1.0 + eta0 * lambda * t++);
                SparseVector x = xs[i];
                int[] idx = x.indices();
                float[] val = x.values();
                for (int c = 0; c < classes; c++) {
                    z[c] = 0;
                }
                for (int k = 0; k < idx.length; k++) {
                    int base = idx[k] * classes;
                    for (int c = 0; c < classes; c++) {
                        z[c] += w[base + c] * r[base + c] * val[k];
                    }
                }
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < classes; c++) {
                    z[c] = z[c] * scale + b[c];
                    max = Math.max(max, z[c]);
                }
                double sum = 0;
                for (int c = 0; c < classes; c++) {
                    z[c] = StrictMath.exp(z[c] - max);
                    sum += z[c];
                }
                for (int c = 0; c < classes; c++) {
                    z[c] = z[c] / sum - (c == ys[i] ? 1.0 : 0.0); // gradient of the log loss wrt the logit
                }
                scale *= 1.0 - eta * lambda;
                double step = eta / scale;
                for (int k = 0; k < idx.length; k++) {
                    int base = idx[k] * classes;
                    double v = val[k] * step;
                    for (int c = 0; c < classes; c++) {
                        w[base + c] -= z[c] * v * r[base + c];
                    }
                }
                for (int c = 0; c < classes; c++) {
                    b[c] -= eta * z[c];
                }
                if (scale < 1e-6) {
                    for (int j = 0; j < w.length; j++) {
                        w[j] *= scale;
                    }
                    scale = 1.0;
                }
            }
        }
        double[] cnb = cnbWeight > 0 ? complementNaiveBayes(xs, ys, dims, classes) : null;
        float[] weights = new float[w.length];
        for (int j = 0; j < w.length; j++) {
            weights[j] = (float) (w[j] * scale * r[j] + (cnb != null && j < cnb.length ? cnbWeight * cnb[j] : 0.0));
        }
        float[] bias = new float[classes];
        for (int c = 0; c < classes; c++) {
            bias[c] = (float) b[c];
        }
        return new LinearModel(vectorizer.hashBits(), topics, idf, weights, bias, 1.0);
    }

    /**
     * How much of the complement naive Bayes model is added to the short-item model's weights: chosen on half A of
     * the data (0.5 / 1 / 1.5 / 2 / 3: AG 0.889 / 0.890 / 0.889 / 0.888 / 0.887, against 0.887 without), confirmed
     * on half B (0.884 to 0.886).
     */
    static final double SHORT_CNB_WEIGHT = 1.0;
    /** Not measured on articles. */
    static final double LONG_CNB_WEIGHT = 0.0;
    /** Additive smoothing of the TF-IDF mass behind the complement naive Bayes weights. */
    static final double CNB_ALPHA = 0.1;

    /**
     * Complement naive Bayes (Rennie et al. 2003) on the TF-IDF vectors, as linear weights: per bucket and topic
     * {@code -ln θ'}, where {@code θ'} is the smoothed share of the bucket in the TF-IDF mass of the documents of
     * every <em>other</em> topic, centred over the topics (a per-bucket constant does not change the softmax). Its
     * score is linear in the features, so adding {@code cnbWeight} times it to the logistic regression's weights
     * is the ensemble of the two at no cost at prediction. Buckets unseen in training get 0.
     */
    static double[] complementNaiveBayes(SparseVector[] xs, int[] ys, int dims, int classes) {
        double[] mass = new double[dims * classes];
        double[] total = new double[classes];
        boolean[] seen = new boolean[dims];
        for (int i = 0; i < xs.length; i++) {
            int[] idx = xs[i].indices();
            float[] val = xs[i].values();
            for (int k = 0; k < idx.length && idx[k] < dims; k++) {
                seen[idx[k]] = true;
                for (int c = 0; c < classes; c++) {
                    if (c != ys[i]) {
                        mass[idx[k] * classes + c] += val[k];
                        total[c] += val[k];
                    }
                }
            }
        }
        double[] weights = new double[dims * classes];
        double[] l = new double[classes];
        for (int j = 0; j < dims; j++) {
            if (!seen[j]) {
                continue;
            }
            double mean = 0;
            for (int c = 0; c < classes; c++) {
                l[c] = -StrictMath.log((CNB_ALPHA + mass[j * classes + c]) / (CNB_ALPHA * dims + total[c]));
                mean += l[c];
            }
            mean /= classes;
            for (int c = 0; c < classes; c++) {
                weights[j * classes + c] = l[c] - mean;
            }
        }
        return weights;
    }

    /** Additive smoothing of the document counts behind the log-count ratios. */
    static final double NB_ALPHA = 1.0;
    /**
     * How much of the naive Bayes scaling the short-item model uses: scale {@code (1 - m) + m * |r|}. Chosen on one
     * half of the data (every other line) and confirmed on the other half: AG accuracy 0.862 to 0.874 there.
     */
    static final double SHORT_NB_MIX = 0.5;
    /** The article model does without: on BBC articles the scaling did not help (0.971 with and without). */
    static final double LONG_NB_MIX = 0.0;

    /**
     * Per bucket and topic, the scale of its weight, {@code (1 - nbMix) + nbMix * |r|}, where {@code r} is the
     * one-vs-rest log-count ratio of naive Bayes (NBSVM, Wang and Manning 2012) from how many documents of the topic
     * and of the others contain the bucket. The model learns {@code v} with logit {@code sum v * scale * x}; since
     * the L2 penalty is on {@code v}, this is a per-feature prior that lets discriminative words move freely and
     * holds back the rest. The stored weight is {@code v * scale}, so prediction and the file format are unchanged.
     */
    static double[] logCountRatios(SparseVector[] xs, int[] ys, int dims, int classes, double nbMix) {
        double[] r = new double[dims * classes];
        if (nbMix <= 0) {
            Arrays.fill(r, 1.0);
            return r;
        }
        double[] df = new double[dims * classes];
        double[] total = new double[classes];
        boolean[] seen = new boolean[dims];
        for (int i = 0; i < xs.length; i++) {
            for (int index : xs[i].indices()) {
                if (index >= dims) {
                    break; // dense features come last
                }
                df[index * classes + ys[i]]++;
                total[ys[i]]++;
                seen[index] = true;
            }
        }
        int seenCount = 0;
        double[] dfAll = new double[dims];
        double totalAll = 0;
        for (int j = 0; j < dims; j++) {
            if (seen[j]) {
                seenCount++;
            }
            for (int c = 0; c < classes; c++) {
                dfAll[j] += df[j * classes + c];
            }
        }
        for (double t : total) {
            totalAll += t;
        }
        double a = NB_ALPHA;
        for (int j = 0; j < dims; j++) {
            if (!seen[j]) {
                continue;
            }
            for (int c = 0; c < classes; c++) {
                double p = (a + df[j * classes + c]) / (a * seenCount + total[c]);
                double q = (a + dfAll[j] - df[j * classes + c]) / (a * seenCount + totalAll - total[c]);
                double ratio = Math.abs(StrictMath.log(p / q));
                r[j * classes + c] = (1 - nbMix) + nbMix * ratio;
            }
        }
        return r;
    }

    /** {@code ln((1 + n) / (1 + df)) + 1} for buckets seen in training, 0 for unseen ones (they carry no weight). */
    static float[] inverseDocumentFrequencies(List<TrainingExample> examples, int dims) {
        int[] df = new int[dims];
        for (TrainingExample example : examples) {
            for (int index : example.counts().indices()) {
                if (index >= dims) {
                    throw new IllegalArgumentException("term counts were hashed with more bits than the model has");
                }
                df[index]++;
            }
        }
        float[] idf = new float[dims];
        double n = examples.size();
        for (int j = 0; j < dims; j++) {
            if (df[j] > 0) {
                idf[j] = (float) (StrictMath.log((1.0 + n) / (1.0 + df[j])) + 1.0);
            }
        }
        return idf;
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
    }
}
