package dev.newsflow.bench;

import dev.newsflow.enrich.text.ArticleTag;
import dev.newsflow.enrich.text.DetectedLanguage;
import dev.newsflow.enrich.text.LanguageDetector;
import dev.newsflow.enrich.text.TagExtractor;
import dev.newsflow.enrich.text.Teaser;
import dev.newsflow.enrich.text.TeaserWriter;
import dev.newsflow.enrich.text.language.OpenNlpLanguageDetector;
import dev.newsflow.enrich.text.tags.HeuristicTagExtractor;
import dev.newsflow.enrich.text.teaser.SentenceTeaserWriter;
import dev.newsflow.enrich.text.teaser.TeaserLimits;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Teaser, language and tags on one ~3 KB article (headline, dateline, byline, ten paragraphs, a "Read more" line),
 * each alone and the three together, on one thread. Budget for the three: about 60 µs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TextKitBenchmark {

    private static final String ARTICLE = "/textkit/article-3kb.txt";

    private TeaserWriter teaserWriter;
    private LanguageDetector languageDetector;
    private TagExtractor tagExtractor;
    private String headline;
    private List<String> paragraphs;
    private String text;

    @Setup
    public void setUp() {
        List<String> lines = readArticle();
        headline = lines.get(0);
        paragraphs = List.copyOf(lines.subList(1, lines.size()));
        text = String.join("\n\n", paragraphs);
        teaserWriter = new SentenceTeaserWriter(TeaserLimits.DEFAULT);
        languageDetector = new OpenNlpLanguageDetector();
        tagExtractor = new HeuristicTagExtractor();
    }

    @Benchmark
    public Teaser teaser() {
        return teaserWriter.write(headline, paragraphs, null, "en");
    }

    @Benchmark
    public DetectedLanguage language() {
        return languageDetector.detect(text);
    }

    @Benchmark
    public List<ArticleTag> tags() {
        return tagExtractor.extract(headline, paragraphs, "en");
    }

    @Benchmark
    public void teaserLanguageAndTags(Blackhole bh) {
        bh.consume(teaserWriter.write(headline, paragraphs, null, "en"));
        DetectedLanguage language = languageDetector.detect(text);
        bh.consume(tagExtractor.extract(headline, paragraphs, language.code()));
    }

    private static List<String> readArticle() {
        try (InputStream in = TextKitBenchmark.class.getResourceAsStream(ARTICLE)) {
            if (in == null) {
                throw new IllegalStateException(ARTICLE + " not on the classpath");
            }
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Arrays.stream(body.split("\n")).filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
