package dev.newsflow.bench;

import dev.newsflow.enrich.classify.CategoryModel;
import dev.newsflow.enrich.classify.Classification;
import dev.newsflow.enrich.classify.ClassifierInput;
import dev.newsflow.enrich.classify.TrainedCategorizer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;

/**
 * Cost of classifying one ~3 KB article with the shipped model (target: at most 50 microseconds on one core),
 * and of loading the model from its bytes (target: at most 1 second). The article is written for this benchmark.
 */
@State(Scope.Benchmark)
public class ClassifierBenchmark {

    static final String TITLE = "City council approves new budget as rail strike looms";
    static final String PARAGRAPH = "The city council voted on Tuesday night to approve a budget that raises spending on "
            + "schools and public transport while freezing local taxes for a second year, after a debate that lasted "
            + "almost six hours. The finance committee said the plan depends on higher revenue from parking charges and "
            + "on a grant from the national government, which ministers have promised but not yet confirmed. Opposition "
            + "members warned that the figures were optimistic and that the council could face a shortfall of several "
            + "million if the grant is delayed. Meanwhile, rail unions said their members would walk out next month in a "
            + "dispute over pay and working hours, which could disrupt commuters across the region. ";

    /** A short world-news item written for this benchmark: the short model says politics, the World refiner decides. */
    static final String WORLD_SNIPPET = "Gunmen ambushed a convoy near the northern town on Tuesday, the second such "
            + "raid on the road this week, a spokesman for the governor said.";

    private TrainedCategorizer categorizer;
    private ClassifierInput article;
    private ClassifierInput worldSnippet;
    private byte[] modelBytes;

    /** About 3 KB of text: the paragraph repeated, each time with a running number so the text is not identical. */
    static String articleBody() {
        StringBuilder body = new StringBuilder();
        for (int i = 1; body.length() < 3000; i++) {
            body.append(PARAGRAPH.replace("six hours", i + " hours"));
        }
        return body.substring(0, 3000);
    }

    @Setup
    public void setUp() throws IOException {
        categorizer = TrainedCategorizer.loadDefault();
        article = new ClassifierInput(TITLE, articleBody(), null, "en");
        worldSnippet = new ClassifierInput("", WORLD_SNIPPET, null, "en");
        try (InputStream in = TrainedCategorizer.class.getResourceAsStream(TrainedCategorizer.MODEL_RESOURCE)) {
            modelBytes = in.readAllBytes();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Classification classify3kArticle() {
        return categorizer.categorize(article);
    }

    /** A short item through the short model and the World refiner (clusters, mean vector, counts folded). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Classification classifyWorldSnippet() {
        return categorizer.categorize(worldSnippet);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public CategoryModel loadModel() throws IOException {
        return CategoryModel.fromBytes(modelBytes);
    }
}
