package dev.newsflow.enrich.cli;

import dev.newsflow.enrich.classify.CrossValidation;
import dev.newsflow.enrich.classify.EvaluationReport;
import dev.newsflow.enrich.classify.LabelledArticles;
import dev.newsflow.enrich.classify.CategoryModel;
import dev.newsflow.enrich.classify.ModelTrainer;
import dev.newsflow.enrich.classify.TopicLexicon;
import dev.newsflow.enrich.classify.TrainedCategorizer;
import dev.newsflow.enrich.classify.TrainingExample;
import dev.newsflow.enrich.classify.TrainingParameters;
import dev.newsflow.enrich.classify.Vectorizer;
import dev.newsflow.enrich.classify.WorldTopicLabels;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code newsflow train}: reads every labelled {@code *.jsonl} file of a directory, reports cross-validated
 * accuracy and macro-F1 per file, and writes the model trained on all of them. Same data and options give a
 * byte-identical file.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the category model on labelled NDJSON files and print cross-validated scores.")
public final class TrainCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, description = "Directory of labelled *.jsonl files ({\"id\",\"label\",\"title\",\"body\"}).")
    Path data;

    @Option(names = "--out", required = true, description = "Model file to write, e.g. enrich/src/main/resources/dev/newsflow/enrich/classify/newsflow-categories.model")
    Path out;

    @Option(names = "--folds", defaultValue = "5", description = "Cross-validation folds (default ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--hash-bits", description = "Feature buckets are 2^bits (default " + TrainingParameters.DEFAULT_HASH_BITS + ").")
    Integer hashBits;

    @Option(names = "--epochs", description = "SGD epochs (default " + TrainingParameters.DEFAULT_EPOCHS + ").")
    Integer epochs;

    @Option(names = "--lambda", description = "L2 regularisation per example (default " + TrainingParameters.DEFAULT_LAMBDA + ").")
    Double lambda;

    @Option(names = "--eta0", description = "Initial SGD learning rate (default " + TrainingParameters.DEFAULT_ETA0 + ").")
    Double eta0;

    @Option(names = "--seed", description = "Shuffling seed (default " + TrainingParameters.DEFAULT_SEED + ").")
    Long seed;

    @Option(names = "--world-topics", paramLabel = "FILE", description = "Our Media Topic labels of AG World items "
            + "(id<TAB>topic<TAB>secondary topics<TAB>text digest), which train the World refiner (default: the bundled " + WorldTopicLabels.RESOURCE + ").")
    Path worldTopics;

    public TrainCommand() {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        TrainingParameters d = TrainingParameters.DEFAULTS;
        TrainingParameters parameters = new TrainingParameters(
                hashBits == null ? d.hashBits() : hashBits,
                epochs == null ? d.epochs() : epochs,
                lambda == null ? d.lambda() : lambda,
                eta0 == null ? d.eta0() : eta0,
                seed == null ? d.seed() : seed);
        Vectorizer vectorizer = new Vectorizer(parameters.hashBits());
        Map<String, WorldTopicLabels.Label> worldLabels = worldTopics == null ? WorldTopicLabels.loadDefault() : WorldTopicLabels.load(worldTopics);
        List<TrainingExample> examples = new ArrayList<>();
        for (Path file : LabelledArticles.dataFiles(data)) {
            List<TrainingExample> read = LabelledArticles.read(file, vectorizer, worldLabels);
            long labelled = read.stream().filter(e -> e.worldTopic() != null).count();
            console.printf(Locale.ROOT, "read %s: %d articles%s%n", file.getFileName(), read.size(),
                    labelled == 0 ? "" : String.format(Locale.ROOT, " (%d World items with our Media Topic label)", labelled));
            examples.addAll(read);
        }
        long attached = examples.stream().filter(e -> e.worldTopic() != null).count();
        if (attached > 0 && attached < worldLabels.size()) {
            console.printf(Locale.ROOT, "note: %d of %d World labels matched no World item of these files%n",
                    worldLabels.size() - attached, worldLabels.size());
        }
        console.printf(Locale.ROOT, "parameters: %s%n", parameters);
        console.flush();

        long start = System.nanoTime();
        CrossValidation.Result cv = new CrossValidation(parameters, folds, TopicLexicon.loadDefault(), CategoryModel.DEFAULT_SHORT_TEXT_TOKENS).run(examples);
        console.printf(Locale.ROOT, "%n%d-fold stratified cross-validation per data set (%.1f s); primary category of the full categoriser:%n",
                folds, (System.nanoTime() - start) / 1e9);
        for (Map.Entry<String, EvaluationReport> entry : cv.categoriser().entrySet()) {
            console.print(entry.getValue().format(entry.getKey()));
            EvaluationReport model = cv.modelOnly().get(entry.getKey());
            console.printf(Locale.ROOT, "  (model alone, without lexicon: accuracy=%.4f macro-F1=%.4f)%n", model.accuracy(), model.macroF1());
        }
        if (cv.worldTopics() != null) {
            console.print(cv.worldTopics().format("AG World items, exact Media Topic against our labels (World refiner)"));
            console.printf(Locale.ROOT, "  (without the World refiner, lexicon rule only: accuracy=%.4f macro-F1=%.4f)%n",
                    cv.worldTopicsWithoutRefiner().accuracy(), cv.worldTopicsWithoutRefiner().macroF1());
        }
        console.printf(Locale.ROOT, "%ncalibrated softmax temperature: short items %.2f, articles %.2f%s%n"
                        + "review threshold (lowest with unflagged accuracy >= 0.95): %.2f%n%s",
                cv.shortTemperature(), cv.longTemperature(), cv.worldTopics() == null ? ""
                        : String.format(Locale.ROOT, ", World refiner %.2f", cv.refinerTemperature()),
                cv.threshold(), cv.thresholdTable());
        console.printf(Locale.ROOT, "%nlexicon takes the primary when model confidence < T1 and lexicon confidence >= T2 "
                + "(accuracy of the categoriser's primary; shipped: T1=%.2f T2=%.4f or T1=%.2f T2=%.4f, "
                + "whose accuracy is the one reported above):%n%s",
                TrainedCategorizer.LEXICON_TAKEOVER_MODEL_BELOW, TrainedCategorizer.LEXICON_TAKEOVER_MIN,
                TrainedCategorizer.LEXICON_TAKEOVER_UNSURE_MODEL_BELOW, TrainedCategorizer.LEXICON_TAKEOVER_UNSURE_MIN,
                cv.takeoverTable());

        CategoryModel trained = new ModelTrainer(parameters).trainCategoryModel(examples, CategoryModel.DEFAULT_SHORT_TEXT_TOKENS, cv.threshold());
        CategoryModel model = trained.withTemperatures(cv.shortTemperature(), cv.longTemperature(), cv.refinerTemperature());
        byte[] bytes = model.toBytes();
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(out, bytes);
        console.printf(Locale.ROOT, "%nwrote %s: %d bytes, version %s%n", out, bytes.length, CategoryModel.fromBytes(bytes).version());
        console.flush();
        return 0;
    }
}
