package dev.newsflow.bench;

import dev.newsflow.enrich.classify.ClassifierInput;
import dev.newsflow.enrich.classify.TrainedCategorizer;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Prints the time to load the shipped model in a fresh JVM, the heap it keeps, and the CPU time per 3 KB article
 * (a figure that stays honest on a machine shared with other work, unlike wall time): run with
 * {@code java -cp "bench/target/newsflow-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" dev.newsflow.bench.ModelFootprint}.
 * A measuring tool, so it writes to stdout.
 */
public final class ModelFootprint {

    private ModelFootprint() {
    }

    public static void main(String[] args) throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        // the first log line initialises logback (about 0.3 s here), a cost of the JVM's first log line, not of the
        // model: paid before the clock starts, and printed
        long logStart = System.nanoTime();
        org.slf4j.LoggerFactory.getILoggerFactory();
        long logNanos = System.nanoTime() - logStart;
        long before = usedAfterGc(runtime);
        long start = System.nanoTime();
        long startCpu = threads.getCurrentThreadCpuTime();
        TrainedCategorizer categorizer = TrainedCategorizer.loadDefault();
        long loadCpu = threads.getCurrentThreadCpuTime() - startCpu;
        long loadNanos = System.nanoTime() - start;
        long after = usedAfterGc(runtime);
        System.out.printf(Locale.ROOT, "model %s: first load in a fresh JVM %.0f ms wall, %.0f ms CPU; heap kept %.1f MB "
                        + "(logging initialised before, in %.0f ms)%n",
                categorizer.modelVersion(), loadNanos / 1e6, loadCpu / 1e6, (after - before) / 1024.0 / 1024.0, logNanos / 1e6);

        // CPU time per classification, which a busy machine inflates far less than wall time
        ClassifierInput article = new ClassifierInput(ClassifierBenchmark.TITLE, ClassifierBenchmark.articleBody(), null, "en");
        int sink = 0;
        for (int i = 0; i < 200_000; i++) {
            sink += categorizer.categorize(article).categories().size();
        }
        int runs = 100_000;
        long cpu = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < runs; i++) {
            sink += categorizer.categorize(article).categories().size();
        }
        cpu = threads.getCurrentThreadCpuTime() - cpu;
        System.out.printf(Locale.ROOT, "classify a %d-char article: %.1f us CPU per article (%d runs, checksum %d)%n",
                article.title().length() + article.text().length(), cpu / 1e3 / runs, runs, sink);
    }

    private static long usedAfterGc(Runtime runtime) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100); // lets the collector finish; a measurement tool, not product code
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
