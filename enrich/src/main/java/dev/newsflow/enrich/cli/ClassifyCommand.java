package dev.newsflow.enrich.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsflow.enrich.classify.ArticleText;
import dev.newsflow.enrich.classify.CategoryScore;
import dev.newsflow.enrich.classify.Classification;
import dev.newsflow.enrich.classify.ClassifierConfig;
import dev.newsflow.enrich.classify.ClassifierInput;
import dev.newsflow.enrich.classify.EvaluationReport;
import dev.newsflow.enrich.classify.LabelMapping;
import dev.newsflow.enrich.classify.CategoryModel;
import dev.newsflow.enrich.classify.TopicLexicon;
import dev.newsflow.enrich.classify.TrainedCategorizer;
import dev.newsflow.enrich.EnrichConfig;
import dev.newsflow.runtime.NdjsonLines;
import dev.newsflow.runtime.Settings;
import dev.newsflow.schemas.MediaTopic;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code newsflow classify}: NDJSON articles on stdin ({@code {"id","title","body"}}, or the API's {@code uri} and {@code headline}; optional {@code source} and
 * {@code language}; body plain text or HTML) to one NDJSON line per article on stdout, in input order:
 * {@code {"id","categories":[{"code","label","confidence"}...],"review":bool}}, primary first. A line that cannot
 * be read gives {@code {"line":N,"error":"..."}} and the rest go on; the exit code is then 1 (0 when every line
 * was classified). With {@code --eval FILE}, scores a labelled file instead and prints accuracy, macro-F1 and the
 * confusion matrix.
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Classify NDJSON articles from stdin into IPTC Media Topics, or score a labelled file with --eval.")
public final class ClassifyCommand implements Callable<Integer> {

    /**
     * The longest input line read, so a runaway pipe cannot fill the heap: well above anything ingest accepts (2 MiB
     * requests) or the stages read (4 MiB records).
     */
    static final int MAX_LINE_BYTES = 8 << 20;
    /** One JSON value a line: "{...} {...}" is an error, not its first object with the rest dropped. */
    private static final ObjectMapper JSON = new ObjectMapper().configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--eval", description = "Labelled NDJSON file ({\"id\",\"label\",\"title\",\"body\"}); labels as in the training data (BBC or AG) or Media Topic codes.")
    Path eval;

    @Option(names = "--review-threshold", description = "Primary confidence below which review is flagged (default: $NEWSFLOW_CLASSIFIER_REVIEW_THRESHOLD, else the one stored in the model).")
    Double reviewThreshold;

    @Option(names = "--overrides", description = "Newsroom overrides properties file (default: $NEWSFLOW_CLASSIFIER_OVERRIDES, else none).")
    Path overrides;

    @Option(names = "--model", description = "Model file to use instead of the bundled one.")
    Path model;

    /** Where articles are read from; tests replace it. */
    InputStream stdin = System.in;
    /** The environment settings are read from; tests replace it. */
    Map<String, String> environment = System.getenv();

    @Option(names = "--explain", description = "Also write which model or rule decided each category, and the review reasons.")
    boolean explain;

    public ClassifyCommand() {
    }

    @Override
    public Integer call() throws Exception {
        for (java.nio.file.Path file : new java.nio.file.Path[] {model, eval}) {
            if (file != null && (!Files.isReadable(file) || Files.isDirectory(file))) { // a pipe (<(zcat f.gz)) is fine
                // a file option that names nothing is a bad option (2), not "some lines were errors" (1)
                throw new CommandLine.ParameterException(spec.commandLine(), file + " is not a readable file"
                        + (file == model ? " (--model)" : " (--eval)"));
            }
        }
        TrainedCategorizer categorizer;
        try {
            categorizer = categorizer();
        } catch (IllegalArgumentException | java.io.UncheckedIOException
                 | org.apache.kafka.common.config.ConfigException e) {
            // a setting or rule file: say which, without a stack trace, and not with exit 1 ("some lines failed")
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (eval != null) {
            return evaluate(categorizer, out);
        }
        int failed = 0;
        try (NdjsonLines in = new NdjsonLines(stdin, MAX_LINE_BYTES)) {
            NdjsonLines.Line read;
            while ((read = in.next()) != null) {
                int lineNumber = read.number();
                if (read.blank()) {
                    continue;
                }
                String line = read.text();
                String result;
                JsonNode article = null;
                try {
                    if (read.tooLong()) {
                        throw new IllegalArgumentException("line longer than " + MAX_LINE_BYTES + " bytes");
                    }
                    if (!read.validUtf8()) {
                        throw new IllegalArgumentException("not valid UTF-8");
                    }
                    article = JSON.readTree(line);
                    if (!article.isObject()) {
                        throw new IllegalArgumentException("not a JSON object");
                    }
                    result = toJson(idOf(article), categorizer.categorize(input(article)));
                } catch (IOException | RuntimeException | StackOverflowError e) {
                    // one bad line (a StackOverflowError: HTML nested thousands deep) costs that line, not the run
                    failed++;
                    ObjectNode error = JSON.createObjectNode();
                    if (article != null && article.isObject() && idOf(article) != null) {
                        error.set("id", idOf(article)); // read, then failed: say which article
                    }
                    error.put("line", lineNumber);
                    error.put("error", e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()));
                    result = JSON.writeValueAsString(error);
                }
                out.print(result);
                out.print('\n');
                if (!in.ready()) {
                    out.flush(); // a caller that writes one line and waits for its answer gets it now
                }
            }
        } finally {
            out.flush();
        }
        return failed == 0 ? 0 : 1;
    }

    /** A UTF-8 byte-order mark some editors put before the first line. */
    static String withoutByteOrderMark(String line) {
        return !line.isEmpty() && line.charAt(0) == '\uFEFF' ? line.substring(1) : line;
    }

    private TrainedCategorizer categorizer() throws IOException {
        // the enrich stage's own settings and checks (environment, NEWSFLOW_CONFIG's file); a flag wins over both
        Map<String, String> settings = new HashMap<>(Settings.load(null, environment).newsflow());
        if (reviewThreshold != null) {
            settings.put(EnrichConfig.REVIEW_THRESHOLD, reviewThreshold.toString());
        }
        if (overrides != null) {
            settings.put(EnrichConfig.OVERRIDES, overrides.toString());
        }
        ClassifierConfig config = EnrichConfig.classifierConfigOf(settings);
        if (model == null) {
            return TrainedCategorizer.loadDefault(config);
        }
        return new TrainedCategorizer(CategoryModel.fromBytes(Files.readAllBytes(model)), TopicLexicon.loadDefault(), config);
    }

    /** The API's "uri", else "id": the order ingest reads them in. */
    private static JsonNode idOf(JsonNode article) {
        return article.hasNonNull("uri") ? article.get("uri") : article.get("id");
    }

    private static ClassifierInput input(JsonNode article) {
        String body = article.hasNonNull("body") ? article.get("body").asText() : article.path("text").asText("");
        // the ingest API's names too: a newsroom developer pastes their API payload ("headline", "uri")
        // the order ingest reads them in: "headline", else "title"
        String title = article.hasNonNull("headline") ? article.get("headline").asText() : article.path("title").asText("");
        return new ClassifierInput(ArticleText.headline(title), ArticleText.stripHtml(body),
                article.path("source").asText(null), article.path("language").asText(null));
    }

    private String toJson(JsonNode id, Classification classification) throws IOException {
        StringWriter buffer = new StringWriter(256);
        try (JsonGenerator g = JSON.getFactory().createGenerator(buffer)) {
            g.writeStartObject();
            g.writeFieldName("id");
            if (id == null || id.isNull()) {
                g.writeNull();
            } else {
                g.writeTree(id);
            }
            g.writeArrayFieldStart("categories");
            for (CategoryScore score : classification.categories()) {
                g.writeStartObject();
                g.writeStringField("code", score.topic().code());
                g.writeStringField("label", score.topic().label());
                g.writeNumberField("confidence", Math.round(score.confidence() * 10_000) / 10_000.0);
                if (explain) {
                    g.writeStringField("decidedBy", score.decidedBy());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeBooleanField("review", classification.reviewRequired());
            if (explain) {
                g.writeArrayFieldStart("reviewReasons");
                for (String reason : classification.reviewReasons()) {
                    g.writeString(reason);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        return buffer.toString();
    }

    private int evaluate(TrainedCategorizer categorizer, PrintWriter out) throws IOException {
        List<JsonNode> articles = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        int lineNumber = 0;
        for (String line : Files.readAllLines(eval, StandardCharsets.UTF_8)) {
            lineNumber++;
            if (lineNumber == 1) {
                line = withoutByteOrderMark(line);
            }
            if (line.isBlank()) {
                continue;
            }
            JsonNode article;
            try {
                article = JSON.readTree(line);
            } catch (IOException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), eval + " line " + lineNumber
                        + ": not valid JSON: " + firstLine(e.getMessage()));
            }
            String label = article.path("label").asText(null);
            if (LabelMapping.trainingTopic(label).isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), eval + " line " + lineNumber + ": unknown label '" + label + "'");
            }
            articles.add(article);
            labels.add(label);
        }
        if (articles.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), eval + " holds no labelled articles");
        }
        LabelMapping.Scheme scheme = LabelMapping.schemeFor(labels);
        EvaluationReport report = new EvaluationReport();
        EvaluationReport unflagged = new EvaluationReport();
        long start = System.nanoTime();
        for (int i = 0; i < articles.size(); i++) {
            Classification c = categorizer.categorize(input(articles.get(i)));
            String gold = LabelMapping.goldClass(labels.get(i), scheme).orElseThrow();
            MediaTopic primary = c.categories().isEmpty() ? null : c.categories().get(0).topic();
            String predicted = LabelMapping.predictedClass(primary, scheme);
            report.add(gold, predicted);
            if (!c.reviewRequired()) {
                unflagged.add(gold, predicted);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "model %s, review threshold %.2f, scoring %s%n", categorizer.modelVersion(),
                categorizer.reviewThreshold(), scheme == LabelMapping.Scheme.AG_BUCKETS
                        ? "AG buckets (sport / business / sci-tech / other)" : "exact primary topic");
        out.print(report.format(eval.getFileName().toString()));
        out.printf(Locale.ROOT, "flagged for review: %d of %d (%.1f%%); accuracy of the rest: %.4f%n",
                report.total() - unflagged.total(), report.total(),
                report.total() == 0 ? 0 : 100.0 * (report.total() - unflagged.total()) / report.total(), unflagged.accuracy());
        out.printf(Locale.ROOT, "classified %d articles in %.2f s%n", report.total(), seconds);
        out.flush();
        return 0;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
