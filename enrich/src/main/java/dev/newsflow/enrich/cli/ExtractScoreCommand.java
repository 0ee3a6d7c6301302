package dev.newsflow.enrich.cli;

import dev.newsflow.enrich.text.ExtractedArticle;
import dev.newsflow.enrich.text.extract.ContentEngine;
import dev.newsflow.enrich.text.extract.MainTextExtractor;
import dev.newsflow.enrich.text.extract.ShingleScorer;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code newsflow extract-score}: runs whole-page extraction over a directory of test pages
 * ({@code <name>/source.html} beside the expected article {@code <name>/expected.html}) and prints, per page and
 * overall, precision, recall and F1 of word 4-gram shingles ({@link ShingleScorer}), and the median and p95
 * extraction time, wall clock and the thread's CPU time (the latter is steadier on a shared machine). Timing follows
 * an untimed warm-up pass, so the JIT has compiled the extractor.
 */
@Command(name = "extract-score", mixinStandardHelpOptions = true,
        description = "Score main-text extraction against pages with expected articles (word 4-gram shingle P/R/F1).")
public final class ExtractScoreCommand implements Callable<Integer> {

    static final String DEFAULT_PAGES = "../shared/data/extraction/readability-test-pages";

    @Parameters(arity = "0..1", paramLabel = "PAGES_DIR", description = "directory of test pages (default: ${DEFAULT-VALUE})")
    Path pages = Path.of(DEFAULT_PAGES);

    @Option(names = "--engine", converter = ContentEngineConverter.class,
            description = "whole-page content engine: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    ContentEngine engine = ContentEngine.DEFAULT;

    @Option(names = "--warmup", description = "untimed passes over all pages before the timed one (default: ${DEFAULT-VALUE})")
    int warmup = 1;

    @Option(names = "--summary", description = "print only the overall figures")
    boolean summaryOnly;

    @Spec
    CommandSpec spec;

    public ExtractScoreCommand() {
        // picocli instantiates it
    }

    private record Page(String name, String source, String expected) {
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<Page> all = load(pages);
        if (all.isEmpty()) {
            spec.commandLine().getErr().println("no test pages (<name>/source.html + expected.html) under " + pages);
            return 2;
        }
        MainTextExtractor extractor = new MainTextExtractor(engine);
        for (int pass = 0; pass < warmup; pass++) {
            for (Page page : all) {
                extractor.extract(page.source(), true);
            }
        }
        ShingleScorer scorer = new ShingleScorer();
        double sumP = 0;
        double sumR = 0;
        double sumF = 0;
        double[] millis = new double[all.size()];
        double[] cpuMillis = new double[all.size()];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < all.size(); i++) {
            Page page = all.get(i);
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            ExtractedArticle article = extractor.extract(page.source(), true);
            millis[i] = (System.nanoTime() - start) / 1e6;
            cpuMillis[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
            String expected = Jsoup.parse(page.expected()).body().text();
            ShingleScorer.Score s = scorer.score(article.text(), expected);
            sumP += s.precision();
            sumR += s.recall();
            sumF += s.f1();
            if (!summaryOnly) {
                out.printf(Locale.ROOT, "%-50s P=%.3f R=%.3f F1=%.3f %7.2f ms%n",
                        page.name(), s.precision(), s.recall(), s.f1(), millis[i]);
            }
        }
        int n = all.size();
        Arrays.sort(millis);
        Arrays.sort(cpuMillis);
        out.printf(Locale.ROOT, "engine=%s pages=%d mean P=%.4f R=%.4f F1=%.4f  median=%.2f ms p95=%.2f ms"
                        + " (thread CPU: median=%.2f ms p95=%.2f ms)%n",
                engine.name().toLowerCase(Locale.ROOT), n, sumP / n, sumR / n, sumF / n,
                percentile(millis, 50), percentile(millis, 95), percentile(cpuMillis, 50), percentile(cpuMillis, 95));
        out.flush();
        return 0;
    }

    private static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static List<Page> load(Path dir) throws IOException {
        List<Page> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> children = Files.list(dir)) {
            for (Path d : children.sorted().toList()) {
                Path source = d.resolve("source.html");
                Path expected = d.resolve("expected.html");
                if (Files.isRegularFile(source) && Files.isRegularFile(expected)) {
                    out.add(new Page(d.getFileName().toString(), Files.readString(source, StandardCharsets.UTF_8),
                            Files.readString(expected, StandardCharsets.UTF_8)));
                }
            }
        }
        return out;
    }
}
