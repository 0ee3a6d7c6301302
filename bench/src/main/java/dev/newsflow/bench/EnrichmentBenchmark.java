package dev.newsflow.bench;

import dev.newsflow.enrich.ArticleEnricher;
import dev.newsflow.enrich.Enrichers;
import dev.newsflow.enrich.text.ExtractedArticle;
import dev.newsflow.enrich.text.LanguageDetector;
import dev.newsflow.enrich.text.TagExtractor;
import dev.newsflow.enrich.text.TeaserWriter;
import dev.newsflow.enrich.text.TextExtractor;
import dev.newsflow.enrich.text.extract.MainTextExtractor;
import dev.newsflow.enrich.text.language.OpenNlpLanguageDetector;
import dev.newsflow.enrich.text.tags.HeuristicTagExtractor;
import dev.newsflow.enrich.text.teaser.SentenceTeaserWriter;
import dev.newsflow.enrich.text.teaser.TeaserLimits;
import dev.newsflow.schemas.avro.ContentType;
import dev.newsflow.schemas.avro.EnrichedArticle;
import dev.newsflow.schemas.avro.PubStatus;
import dev.newsflow.schemas.avro.RawArticle;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The enrich stage's per-article work on a ~3 KB HTML fragment, on one thread: the budget covers cleaning +
 * teaser + language + tags (≤ 100 µs); the whole enrichment adds the classifier. The baseline is the least any HTML
 * handling costs, jsoup parsing the same fragment to text, so the ratio survives a noisy machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EnrichmentBenchmark {

    static final String HEADLINE = "Harbour City reach League Cup semi-finals after late Hartley penalty";

    private String fragment;
    private TextExtractor extractor;
    private TeaserWriter teaserWriter;
    private LanguageDetector languageDetector;
    private TagExtractor tagExtractor;
    private ArticleEnricher enricher;
    private RawArticle raw;

    @Setup
    public void setUp() {
        StringBuilder html = new StringBuilder();
        String[] paragraphs = {
            "LONDON (Newsflow) - Harbour City reached the League Cup semi-finals for the first time since 2012 on Tuesday "
                + "night, when captain Owen Hartley scored an 88th-minute penalty to beat Redmoor 2-1 at Riverside Stadium.",
            "Post by : Jane Doe",
            "You have not yet added any article to your bookmarks!",
            "Redmoor, who finished third in the Premier Division last season, had equalised through a header from "
                + "defender Luca Brandt four minutes after the break, and looked the likelier winners until their "
                + "midfielder Sam Okoro was sent off for a second booking with 20 minutes left.",
            "Manager Dr. Helen Marsh said the squad had \"earned every minute of this\" and that the club would "
                + "rotate players before Saturday's 3 p.m. league match against the champions, Westbridge United.",
            "The win is worth about £1.2 million in prize money and television fees, according to the club's "
                + "finance director, who told reporters the money would go to the academy and a new training pitch.",
            "Hartley, 31, has now scored 14 goals this season. \"I just picked my corner and trusted it,\" he said. "
                + "\"The lads were brilliant after we went down to ten men at Wembley last year, and tonight we finished the job.\"",
            "Redmoor's coach, Marco Vieri of Italy, called the penalty decision harsh but fair and said his team would "
                + "appeal against Okoro's red card with the Football Association on Wednesday.",
            "The draw for the semi-finals takes place on Sunday at 11 a.m. and will be shown live on BBC One. "
                + "The ties are played over two legs in January, with the final at Wembley on Feb. 28.",
            "Join 10k+ people to get notified about new posts",
            "Attendance was 27,140, a record for a cup tie at the ground since it was rebuilt in 2009, and police "
                + "said there were no arrests. Supporters' groups praised the club for the lower ticket prices.",
            "Related posts"};
        for (String p : paragraphs) {
            html.append("<p>").append(p.replace("&", "&amp;")).append("</p>\n");
        }
        fragment = html.toString();
        extractor = new MainTextExtractor();
        teaserWriter = new SentenceTeaserWriter(TeaserLimits.DEFAULT);
        languageDetector = new OpenNlpLanguageDetector();
        tagExtractor = new HeuristicTagExtractor();
        enricher = Enrichers.defaults();
        raw = RawArticle.newBuilder().setUri("urn:bench:1").setVersion(1).setProvider("bench").setHeadline(HEADLINE)
                .setBody(fragment).setContentType(ContentType.HTML).setVersionCreated(Instant.EPOCH)
                .setPubStatus(PubStatus.USABLE).setReceivedAt(Instant.EPOCH).build();
    }

    /** Baseline: jsoup parsing the fragment to plain text, nothing else. */
    @Benchmark
    public String baselineJsoupText() {
        return Jsoup.parse(fragment).text();
    }

    /** The budget: clean the fragment, then teaser, language and tags. */
    @Benchmark
    public void cleanTeaserLanguageTags(Blackhole bh) {
        ExtractedArticle extracted = extractor.extract(fragment, true);
        bh.consume(teaserWriter.write(HEADLINE, extracted.paragraphs(), null, "en"));
        bh.consume(languageDetector.detect(extracted.text()));
        bh.consume(tagExtractor.extract(HEADLINE, extracted.paragraphs(), "en"));
    }

    /** Everything enrich does for one article, classifier included. */
    @Benchmark
    public EnrichedArticle enrichArticle() {
        return enricher.enrich(raw, Instant.EPOCH);
    }
}
