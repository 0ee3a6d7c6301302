package dev.newsflow.enrich.classify;

import dev.newsflow.schemas.MediaTopic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Stratified k-fold cross-validation per data set, as the shipped model is used: for each data set and fold, a
 * model is trained on the other folds of that data set plus every other data set, and the held-out fold is
 * classified by the whole categoriser (model and lexicon). The out-of-fold predictions then calibrate the softmax
 * temperature and give the recommended review threshold.
 */
public final class CrossValidation {

    /** Grid of review thresholds that are reported; the recommendation is taken from it. */
    static final double[] THRESHOLDS = {0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95};
    /** The review threshold recommended is the lowest at which the articles not flagged are this accurate. */
    static final double TARGET_UNFLAGGED_ACCURACY = 0.95;

    /**
     * @param categoriser   per data set, scored on the primary category of the full categoriser
     * @param modelOnly     per data set, scored on the model's most probable topic alone
     * @param shortTemperature fitted softmax temperature of the short-item model
     * @param longTemperature  fitted softmax temperature of the article model
     * @param threshold     recommended review threshold
     * @param thresholdTable the coverage and accuracy behind it, as text
     * @param worldTopics   the AG World items with our labels ({@link TrainingExample#worldTopic}), scored on the
     *                      exact Media Topic of the categoriser's primary; null when no item has such a label
     * @param worldTopicsWithoutRefiner the same without the World refiner (the lexicon rule alone); null likewise
     * @param refinerTemperature fitted softmax temperature of the World refiner (1 without one)
     */
    public record Result(Map<String, EvaluationReport> categoriser, Map<String, EvaluationReport> modelOnly,
                         double shortTemperature, double longTemperature, double threshold, String thresholdTable,
                         String takeoverTable, EvaluationReport worldTopics, EvaluationReport worldTopicsWithoutRefiner,
                         double refinerTemperature) {
    }

    /**
     * One held-out prediction. {@code categoriserPrimary} is the categoriser's primary without the lexicon
     * takeover (T1/T2), which is applied afterwards with calibrated probabilities; {@code lexicon} is the strongest
     * lexicon topic, or null if there is none or (for an article) its lead does not announce it.
     */
    private record OutOfFold(String dataset, LabelMapping.Scheme scheme, String gold, boolean shortText, double[] logits,
                             int goldIndex, boolean correct, MediaTopic categoriserPrimary, boolean modelDecided,
                             TopicLexicon.Score lexicon, MediaTopic worldGold, MediaTopic primaryWithoutRefiner,
                             MediaTopic modelTop) {
    }

    /** A held-out World refiner prediction, for its temperature: logits and the index of our label among its topics. */
    private record RefinerOutOfFold(double[] logits, int goldIndex) {
    }

    /** Grid of (T1, T2) reported for the lexicon takeover of the primary. */
    static final double[] TAKEOVER_MODEL_BELOW = {0.6, 0.8, 0.9, 0.95, 0.99, 1.01};
    static final double[] TAKEOVER_LEXICON_MIN = {0.95, 0.99, 0.995, 0.999, 0.9999};

    private final TrainingParameters parameters;
    private final int folds;
    private final TopicLexicon lexicon;
    private final int shortTextTokens;

    public CrossValidation(TrainingParameters parameters, int folds, TopicLexicon lexicon, int shortTextTokens) {
        if (folds < 2) {
            throw new IllegalArgumentException("folds must be >= 2: " + folds);
        }
        this.parameters = parameters;
        this.folds = folds;
        this.lexicon = lexicon;
        this.shortTextTokens = shortTextTokens;
    }

    public Result run(List<TrainingExample> examples) {
        Set<String> datasets = new LinkedHashSet<>();
        examples.forEach(e -> datasets.add(e.dataset()));
        ModelTrainer trainer = new ModelTrainer(parameters);
        Map<String, EvaluationReport> full = new LinkedHashMap<>();
        Map<String, EvaluationReport> modelOnly = new LinkedHashMap<>();
        List<OutOfFold> outOfFold = new ArrayList<>();
        List<RefinerOutOfFold> refinerOutOfFold = new ArrayList<>();
        for (String dataset : datasets) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                if (examples.get(i).dataset().equals(dataset)) {
                    members.add(i);
                }
            }
            LabelMapping.Scheme scheme = LabelMapping.schemeFor(members.stream().map(i -> examples.get(i).label()).toList());
            int[] fold = stratifiedFolds(examples, members, dataset);
            EvaluationReport modelReport = new EvaluationReport();
            for (int k = 0; k < folds; k++) {
                List<TrainingExample> training = new ArrayList<>();
                List<TrainingExample> heldOut = new ArrayList<>();
                for (int i = 0; i < examples.size(); i++) {
                    (fold[i] == k ? heldOut : training).add(examples.get(i));
                }
                CategoryModel model = trainer.trainCategoryModel(training, shortTextTokens, 0.5).withUnhashedVersion("cv");
                TrainedCategorizer categorizer = new TrainedCategorizer(model, lexicon, ClassifierConfig.defaults(),
                        TrainedCategorizer.LexiconTakeover.OFF);
                TrainedCategorizer withoutRefiner = model.worldRefiner() == null ? categorizer : new TrainedCategorizer(
                        new CategoryModel(model.shortModel(), model.longModel(), shortTextTokens, 0.5)
                                .withUnhashedVersion("cv-without-refiner"), lexicon,
                        ClassifierConfig.defaults(), TrainedCategorizer.LexiconTakeover.OFF);
                for (TrainingExample example : heldOut) {
                    String gold = LabelMapping.goldClass(example.label(), scheme).orElseThrow();
                    Classification c = categorizer.categorize(example.tokens(), example.counts(), null, null);
                    MediaTopic primary = c.categories().get(0).topic();
                    int tokens = example.counts().tokenCount();
                    LinearModel linear = model.modelFor(tokens);
                    double[] logits = linear.logits(linear.vectorize(example.counts()));
                    MediaTopic modelTop = linear.topics().get(LinearModel.argmax(logits));
                    String predicted = LabelMapping.predictedClass(modelTop, scheme);
                    modelReport.add(gold, predicted);
                    List<TopicLexicon.Score> lexical = lexicon.score(example.tokens());
                    boolean shortText = linear == model.shortModel();
                    // the takeover's lead condition (articles only) decided here, once, for the grid below
                    TopicLexicon.Score strongest = lexical.isEmpty() || !(shortText || TrainedCategorizer.leadAnnounces(
                            lexicon, example.tokens(), example.counts().leadTokenCount(), lexical.get(0).topic()))
                            ? null : lexical.get(0);
                    MediaTopic worldGold = example.worldTopic();
                    MediaTopic primaryWithoutRefiner = primary;
                    if (worldGold != null && withoutRefiner != categorizer) {
                        primaryWithoutRefiner = withoutRefiner.categorize(example.tokens(), example.counts(), null, null)
                                .categories().get(0).topic();
                        int goldIndex = model.worldRefiner().topics().indexOf(worldGold);
                        // calibrated on the items it is applied to: short ones the main model calls politics
                        if (shortText && goldIndex >= 0 && modelTop == MediaTopic.POLITICS) {
                            LinearModel refiner = model.worldRefiner();
                            refinerOutOfFold.add(new RefinerOutOfFold(refiner.logits(refiner.vectorize(
                                    model.vectorizer().fold(example.counts(), refiner.vectorizer()))), goldIndex));
                        }
                    }
                    // as in the categoriser: the takeover may replace the model's own primary, not a refined one
                    boolean refined = c.categories().get(0).decidedBy().endsWith(TrainedCategorizer.WORLD_REFINER_SUFFIX);
                    outOfFold.add(new OutOfFold(dataset, scheme, gold, shortText, logits,
                            linear.topics().indexOf(example.topic()), gold.equals(predicted), primary,
                            primary == modelTop && !refined, strongest, worldGold, primaryWithoutRefiner, modelTop));
                }
            }
            modelOnly.put(dataset, modelReport);
        }
        double shortTemperature = fitTemperature(outOfFold.stream().filter(OutOfFold::shortText).toList());
        double longTemperature = fitTemperature(outOfFold.stream().filter(o -> !o.shortText()).toList());
        for (String dataset : datasets) {
            full.put(dataset, categoriserReport(outOfFold, dataset, TrainedCategorizer.LexiconTakeover.DEFAULT,
                    shortTemperature, longTemperature));
        }
        StringBuilder takeover = new StringBuilder(String.format(Locale.ROOT, "  %-5s %-7s", "T1", "T2"));
        datasets.forEach(d -> takeover.append(String.format(Locale.ROOT, " %22s", d)));
        takeover.append(String.format(Locale.ROOT, "%n  %-13s", "off"));
        for (String dataset : datasets) {
            takeover.append(String.format(Locale.ROOT, " %22.4f", categoriserReport(outOfFold, dataset,
                    TrainedCategorizer.LexiconTakeover.OFF, shortTemperature, longTemperature).accuracy()));
        }
        takeover.append(String.format(Locale.ROOT, "%n"));
        for (double t1 : TAKEOVER_MODEL_BELOW) {
            for (double t2 : TAKEOVER_LEXICON_MIN) {
                takeover.append(String.format(Locale.ROOT, "  %-5.2f %-7.4f", t1, t2));
                TrainedCategorizer.LexiconTakeover rule = new TrainedCategorizer.LexiconTakeover(t1, t2);
                for (String dataset : datasets) {
                    takeover.append(String.format(Locale.ROOT, " %22.4f",
                            categoriserReport(outOfFold, dataset, rule, shortTemperature, longTemperature).accuracy()));
                }
                takeover.append(String.format(Locale.ROOT, "%n"));
            }
        }
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "  %-9s %9s %12s%n", "threshold", "flagged", "acc(kept)"));
        double recommended = THRESHOLDS[THRESHOLDS.length - 1];
        boolean found = false;
        for (double t : THRESHOLDS) {
            int kept = 0;
            int keptCorrect = 0;
            for (OutOfFold o : outOfFold) {
                double[] p = LinearModel.softmax(o.logits(), o.shortText() ? shortTemperature : longTemperature);
                if (p[LinearModel.argmax(p)] >= t) {
                    kept++;
                    keptCorrect += o.correct() ? 1 : 0;
                }
            }
            double accuracy = kept == 0 ? 1 : (double) keptCorrect / kept;
            table.append(String.format(Locale.ROOT, "  %-9.2f %8.1f%% %12.4f%n", t, 100.0 * (outOfFold.size() - kept) / outOfFold.size(), accuracy));
            if (!found && accuracy >= TARGET_UNFLAGGED_ACCURACY) {
                recommended = t;
                found = true;
            }
        }
        boolean anyWorldLabel = outOfFold.stream().anyMatch(o -> o.worldGold() != null);
        return new Result(full, modelOnly, shortTemperature, longTemperature, recommended, table.toString(),
                takeover.toString(),
                anyWorldLabel ? worldTopicReport(outOfFold, OutOfFold::categoriserPrimary, shortTemperature, longTemperature) : null,
                anyWorldLabel ? worldTopicReport(outOfFold, OutOfFold::primaryWithoutRefiner, shortTemperature, longTemperature) : null,
                refinerOutOfFold.isEmpty() ? 1.0 : fitTemperature(refinerOutOfFold.stream().map(RefinerOutOfFold::logits).toList(),
                        refinerOutOfFold.stream().mapToInt(RefinerOutOfFold::goldIndex).toArray()));
    }

    /**
     * The held-out AG World items that carry our label, scored on the exact topic of the categoriser's primary
     * ({@code primary}: with or without the refiner), after the lexicon takeover as shipped.
     */
    private static EvaluationReport worldTopicReport(List<OutOfFold> outOfFold,
                                                     Function<OutOfFold, MediaTopic> primary,
                                                     double shortTemperature, double longTemperature) {
        EvaluationReport report = new EvaluationReport();
        for (OutOfFold o : outOfFold) {
            if (o.worldGold() == null) {
                continue;
            }
            MediaTopic predicted = primary.apply(o);
            boolean takeoverMayFire = predicted == o.categoriserPrimary() ? o.modelDecided() : predicted == o.modelTop();
            if (takeoverMayFire && o.lexicon() != null) {
                double[] p = LinearModel.softmax(o.logits(), o.shortText() ? shortTemperature : longTemperature);
                if (TrainedCategorizer.LexiconTakeover.DEFAULT.fires(p[LinearModel.argmax(p)], o.lexicon().confidence())) {
                    predicted = o.lexicon().topic();
                }
            }
            report.add(o.worldGold().slug(), predicted == null ? "none" : predicted.slug());
        }
        return report;
    }

    /** The categoriser's primary on one data set's held-out items, with the lexicon takeover {@code rule}. */
    private static EvaluationReport categoriserReport(List<OutOfFold> outOfFold, String dataset,
                                                      TrainedCategorizer.LexiconTakeover rule,
                                                      double shortTemperature, double longTemperature) {
        EvaluationReport report = new EvaluationReport();
        for (OutOfFold o : outOfFold) {
            if (!o.dataset().equals(dataset)) {
                continue;
            }
            MediaTopic primary = o.categoriserPrimary();
            if (o.modelDecided() && o.lexicon() != null) {
                double[] p = LinearModel.softmax(o.logits(), o.shortText() ? shortTemperature : longTemperature);
                if (rule.fires(p[LinearModel.argmax(p)], o.lexicon().confidence())) {
                    primary = o.lexicon().topic();
                }
            }
            report.add(o.gold(), LabelMapping.predictedClass(primary, o.scheme()));
        }
        return report;
    }

    /** Per label, members in file order shuffled by a seeded generator, then dealt round-robin into folds. */
    private int[] stratifiedFolds(List<TrainingExample> examples, List<Integer> members, String dataset) {
        int[] fold = new int[examples.size()];
        Arrays.fill(fold, -1);
        Map<String, List<Integer>> byLabel = new TreeMap<>();
        for (int i : members) {
            byLabel.computeIfAbsent(examples.get(i).label(), l -> new ArrayList<>()).add(i);
        }
        Random random = new Random(parameters.seed() * 31 + dataset.hashCode());
        for (List<Integer> group : byLabel.values()) {
            Collections.shuffle(group, random);
            for (int r = 0; r < group.size(); r++) {
                fold[group.get(r)] = r % folds;
            }
        }
        return fold;
    }

    /** Temperature in [0.2, 5] minimising the log loss of the out-of-fold predictions (grid search, deterministic). */
    static double fitTemperature(List<OutOfFold> outOfFold) {
        // a topic the model was not trained on says nothing about its temperature
        List<OutOfFold> known = outOfFold.stream().filter(o -> o.goldIndex() >= 0).toList();
        return fitTemperature(known.stream().map(OutOfFold::logits).toList(),
                known.stream().mapToInt(OutOfFold::goldIndex).toArray());
    }

    /** The same for held-out logits and the index of each one's gold topic. */
    static double fitTemperature(List<double[]> logits, int[] goldIndex) {
        double best = 1.0;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (int step = 0; step <= 240; step++) {
            double t = 0.2 + step * 0.02;
            double loss = 0;
            for (int i = 0; i < goldIndex.length; i++) {
                double[] p = LinearModel.softmax(logits.get(i), t);
                loss -= StrictMath.log(Math.max(1e-12, p[goldIndex[i]]));
            }
            if (loss < bestLoss) {
                bestLoss = loss;
                best = t;
            }
        }
        return Math.round(best * 100) / 100.0;
    }
}
