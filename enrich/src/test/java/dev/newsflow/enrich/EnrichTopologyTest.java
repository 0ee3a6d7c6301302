package dev.newsflow.enrich;

import static dev.newsflow.enrich.RawArticles.aRawArticle;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.schemas.MediaTopic;
import dev.newsflow.schemas.Serdes;
import dev.newsflow.schemas.Topics;
import dev.newsflow.schemas.avro.DeadLetter;
import dev.newsflow.schemas.avro.EnrichedArticle;
import dev.newsflow.schemas.avro.PubStatus;
import dev.newsflow.schemas.avro.RawArticle;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EnrichTopologyTest {

    private static final Instant NOW = Instant.parse("2026-11-28T09:30:00Z");
    private static final byte[] GARBAGE = {0x00, 0x01, (byte) 0xFF, 0x7F, 0x42};

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, RawArticle> raw;
    private TestInputTopic<String, byte[]> rawBytes;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<String, DeadLetter> deadLetters;

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void shouldWriteTheEnrichedArticleKeyedById() {
        start(FakeEnrichment.enricher().build());

        raw.pipeInput("a-1", aRawArticle("a-1").body("The home side won the final.\n\nFans celebrated late.").build());

        TestRecord<String, EnrichedArticle> record = enriched.readRecord();
        assertThat(record.key()).isEqualTo("a-1");
        EnrichedArticle article = record.value();
        assertThat(article.getUri()).isEqualTo("a-1");
        assertThat(article.getTeaser()).isEqualTo("The home side won the final.");
        assertThat(article.getCategories()).extracting(s -> s.getCode()).containsExactly(MediaTopic.SPORT.code());
        assertThat(article.getWordCount()).isEqualTo(9);
        assertThat(article.getReadingTimeMinutes()).isEqualTo(1);
        assertThat(article.getEnrichedAt()).isEqualTo(NOW);
        assertThat(enriched.isEmpty()).isTrue();
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void shouldStampWhatAReplayWritesWithTheTimeItIsMadeSoRetentionKeepsIt() {
        start(FakeEnrichment.enricher().build());
        Instant acceptedLongAgo = NOW.minus(java.time.Duration.ofDays(60)); // the raw topic is kept forever

        raw.pipeInput("a-1", aRawArticle("a-1").body("The home side won the final.").build(), acceptedLongAgo);
        rawBytes.pipeInput("a-2", GARBAGE, acceptedLongAgo);
        raw.pipeInput("a-3", aRawArticle("a-3").version(-1).build(), acceptedLongAgo);

        // 30 days' retention on these topics counts from the record's time: 60-day-old ones would be deleted at once
        assertThat(enriched.readRecord().getRecordTime()).isEqualTo(NOW);
        assertThat(deadLetters.readRecordsToList()).hasSize(2).extracting(TestRecord::getRecordTime).containsOnly(NOW);
    }

    @Test
    void shouldDeadLetterUndecodableBytesAndGoOn() {
        start(FakeEnrichment.enricher().build());

        rawBytes.pipeInput("a-1", GARBAGE);
        raw.pipeInput("a-2", aRawArticle("a-2").build());

        DeadLetter letter = deadLetters.readValue();
        assertThat(letter.getReason()).isEqualTo("undecodable-record");
        assertThat(bytes(letter.getValue())).isEqualTo(GARBAGE);
        assertThat(new String(bytes(letter.getKey()), StandardCharsets.UTF_8)).isEqualTo("a-1");
        assertThat(letter.getSourceTopic()).isEqualTo(Topics.ARTICLES_RAW);
        assertThat(letter.getSourcePartition()).isEqualTo(0);
        assertThat(letter.getSourceOffset()).isEqualTo(0L);
        assertThat(letter.getStage()).isEqualTo(EnrichTopology.STAGE);
        assertThat(letter.getFailedAt()).isEqualTo(NOW);
        assertThat(enriched.readKeyValue().key).isEqualTo("a-2");
        assertThat(deadLetterCount("undecodable-record")).isEqualTo(1.0);
    }

    @Test
    void shouldDeadLetterAForgedArticleThatBreaksWhatIngestGuarantees() {
        start(FakeEnrichment.enricher().build());

        raw.pipeInput("f-1", aRawArticle("f-1").version(-5).build());
        raw.pipeInput("f-2", aRawArticle("f-2").headline("").body(" . ").build());
        raw.pipeInput("f-3", aRawArticle("f-3").killed().version(0).build()); // a kill without a version is fine
        raw.pipeInput("f-4\nINFO forged", aRawArticle("f-4\nINFO forged").build()); // a line break in the id
        raw.pipeInput("f-5", aRawArticle("f-5").language("x").build()); // no language code

        List<DeadLetter> letters = deadLetters.readValuesToList();
        assertThat(letters).extracting(DeadLetter::getReason).containsOnly("invalid-article").hasSize(4);
        assertThat(letters.get(0).getDetail()).contains("version -5");
        assertThat(letters.get(1).getDetail()).contains("neither headline nor body");
        assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("f-3");
        assertThat(letters.get(2).getDetail()).contains("the id is not one ingest accepts");
        assertThat(letters.get(3).getDetail()).contains("language x");
        assertThat(deadLetterCount("invalid-article")).isEqualTo(4.0);
    }

    @Test
    void shouldDeadLetterARecordWhoseKeyIsNotItsId() {
        start(FakeEnrichment.enricher().build());

        raw.pipeInput("someone-else", aRawArticle("a-1").build());

        DeadLetter letter = deadLetters.readValue();
        assertThat(letter.getReason()).isEqualTo("key-mismatch");
        assertThat(letter.getSourceOffset()).isEqualTo(0L);
        assertThat(enriched.isEmpty()).isTrue();
        assertThat(deadLetterCount("key-mismatch")).isEqualTo(1.0);
    }

    @Test
    void shouldDeadLetterAnArticleTheEnricherCannotProcessAndGoOn() {
        start(FakeEnrichment.enricher().categorizer(input -> {
            if (input.title().contains("poison")) {
                throw new IllegalStateException("model exploded");
            }
            return FakeEnrichment.ALWAYS_SPORT.categorize(input);
        }).build());
        RawArticle poison = aRawArticle("a-1").headline("A poison article").build();

        raw.pipeInput("a-1", poison);
        raw.pipeInput("a-2", aRawArticle("a-2").build());

        DeadLetter letter = deadLetters.readValue();
        assertThat(letter.getReason()).isEqualTo("processing-failed");
        assertThat(letter.getExceptionClass()).isEqualTo(IllegalStateException.class.getName());
        assertThat(letter.getDetail()).isEqualTo("model exploded");
        assertThat(Serdes.RAW_ARTICLE.decode(bytes(letter.getValue()))).isEqualTo(poison);
        assertThat(enriched.readKeyValue().key).isEqualTo("a-2");
        assertThat(deadLetterCount("processing-failed")).isEqualTo(1.0);
    }

    @Test
    void shouldDeadLetterAnArticleWhoseTextOverflowsTheStackAndGoOn() {
        start(FakeEnrichment.enricher().categorizer(input -> {
            if (input.title().contains("deep")) {
                throw new StackOverflowError();
            }
            return FakeEnrichment.ALWAYS_SPORT.categorize(input);
        }).build());

        raw.pipeInput("a-1", aRawArticle("a-1").headline("A deep article").build());
        raw.pipeInput("a-2", aRawArticle("a-2").build());

        assertThat(deadLetters.readValue().getExceptionClass()).isEqualTo(StackOverflowError.class.getName());
        assertThat(enriched.readKeyValue().key).isEqualTo("a-2");
    }

    @Test
    void shouldCountDeadLettersPerReason() {
        start(FakeEnrichment.enricher().build());

        rawBytes.pipeInput("a-1", GARBAGE);
        rawBytes.pipeInput("a-2", GARBAGE);
        raw.pipeInput("other", aRawArticle("a-3").build());

        assertThat(deadLetters.getQueueSize()).isEqualTo(3L);
        assertThat(deadLetterCount("undecodable-record")).isEqualTo(2.0);
        assertThat(deadLetterCount("key-mismatch")).isEqualTo(1.0);
    }

    @Test
    void shouldPassAKillThroughWithoutContent() {
        start(FakeEnrichment.enricher().build());

        raw.pipeInput("a-1", aRawArticle("a-1").version(3).killed().build());

        EnrichedArticle kill = enriched.readValue();
        assertThat(kill.getPubStatus()).isEqualTo(PubStatus.CANCELED);
        assertThat(kill.getVersion()).isEqualTo(3L);
        assertThat(kill.getText()).isEmpty();
        assertThat(kill.getCategories()).isEmpty();
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void shouldPassAWithholdThroughWithoutEnrichingItWithOrWithoutContent() {
        start(FakeEnrichment.enricher().build());

        raw.pipeInput("a-1", aRawArticle("a-1").version(4).withheldWithoutContent().build());
        raw.pipeInput("a-2", aRawArticle("a-2").version(2).status(PubStatus.WITHHELD).build()); // a CMS sends it all

        List<EnrichedArticle> withholds = enriched.readValuesToList();
        assertThat(withholds).extracting(EnrichedArticle::getPubStatus).containsOnly(PubStatus.WITHHELD);
        assertThat(withholds).extracting(EnrichedArticle::getText).containsOnly(""); // taken down: nothing to enrich
        assertThat(withholds).allSatisfy(w -> assertThat(w.getCategories()).isEmpty());
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void shouldCategoriseARealSportArticleWithTheDefaultEnricher() {
        start(Enrichers.defaults());
        String body = """
                Manchester United beat Liverpool 2-1 at Old Trafford on Sunday, with a late goal from the striker \
                sealing the win in the Premier League. The midfielder set up both goals as United climbed to third \
                in the table.

                Liverpool's coach said his players had dominated possession but failed to convert their chances. \
                The defeat ends a run of six league matches without a loss for the visitors, who face Arsenal \
                in the cup next week.

                The referee showed four yellow cards in a tense second half, and the home fans celebrated long after \
                the final whistle as the team completed a lap of the pitch.""";

        raw.pipeInput("match-1", aRawArticle("match-1").headline("United beat Liverpool with late winner").body(body).build());

        EnrichedArticle article = enriched.readValue();
        assertThat(article.getCategories()).isNotEmpty();
        assertThat(article.getCategories().get(0).getCode()).isEqualTo(MediaTopic.SPORT.code());
        assertThat(article.getLanguage()).isEqualTo("en");
        assertThat(article.getTeaser()).isNotBlank();
        assertThat(article.getTeaser().length()).isLessThanOrEqualTo(160);
        assertThat(endsAtAWordBoundary(article.getTeaser(), article.getText())).isTrue();
        assertThat(article.getSourceDigest()).startsWith("crc32c:"); // publish tells corrections by it
    }

    @Test
    void shouldKeepTheBodysStructureWithTheSameWordsAsTheText() {
        start(Enrichers.defaults());
        raw.pipeInput("s-1", aRawArticle("s-1").headline("Council backs trams").html(
                "<figure><img src=\"https://council.example/img/tram.jpg\" alt=\"A tram\"><figcaption>Photo: Jo Reed</figcaption></figure>"
                        + "<p>The council voted for the <a href=\"https://council.example/m/7\">tram motion</a> on Tuesday.</p>"
                        + "<iframe src=\"https://player.vimeo.com/video/76979871\"></iframe>"
                        + "<h2>What happens next</h2><ul><li>Planning consent</li><li>Tenders in <b>spring</b></li></ul>"
                        + "<div class=\"share-buttons\"><a href=\"https://t.example/share\">Share on Twitter</a></div>").build());

        EnrichedArticle article = enriched.readValue();
        assertThat(article.getText()).isEqualTo("The council voted for the tram motion on Tuesday.\n\nWhat happens next"
                + "\n\nPlanning consent\n\nTenders in spring");
        assertThat(article.getBodyHtml()).isEqualTo("<p>The council voted for the <a href=\"https://council.example/m/7\">"
                + "tram motion</a> on Tuesday.</p><h2>What happens next</h2><ul><li>Planning consent</li>"
                + "<li>Tenders in <strong>spring</strong></li></ul>");
        assertThat(article.getImage().getUrl()).isEqualTo("https://council.example/img/tram.jpg");
        assertThat(article.getImage().getAlt()).isEqualTo("A tram");
        assertThat(article.getImage().getCaption()).isEqualTo("Photo: Jo Reed");
        // the video is not in the body or the text: it is named, after the first paragraph (EnrichedArticle v6)
        assertThat(article.getEmbeds()).extracting(e -> e.getProvider() + " " + e.getUrl() + " " + e.getAfterParagraph())
                .containsExactly("vimeo https://vimeo.com/76979871 1");
    }

    @Test
    void shouldCountArticlesForReviewByReasonAndEveryArticleByLanguage() {
        start(Enrichers.defaults());
        raw.pipeInput("zh-1", aRawArticle("zh-1").headline("北京会谈").body("中国国家主席周三在北京会见了来访的法国总统。").build());

        assertThat(enriched.readValue().getLanguage()).isEqualTo("zh");
        assertThat(registry.counter("newsflow.enrich.review", "reason", "unsupported-language").count()).isEqualTo(1.0);
        assertThat(registry.counter("newsflow.enrich.languages", "language", "zh").count()).isEqualTo(1.0);
        raw.pipeInput("zh-1", aRawArticle("zh-1").status(PubStatus.CANCELED).build());
        enriched.readValue();
        assertThat(registry.find("newsflow.enrich.languages").tag("language", "und").counter()).isNull(); // a kill
        // the others exist at 0, so an alert on their increase sees the first one
        assertThat(registry.find("newsflow.enrich.review").tag("reason", "undetermined-language").counter()).isNotNull();
    }

    private void start(ArticleEnricher enricher) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "enrich-topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(new EnrichTopology(enricher, Clock.fixed(NOW, ZoneOffset.UTC), registry).build(),
                props);
        raw = driver.createInputTopic(Topics.ARTICLES_RAW, new StringSerializer(), Serdes.RAW_ARTICLE.serializer());
        rawBytes = driver.createInputTopic(Topics.ARTICLES_RAW, new StringSerializer(), new ByteArraySerializer());
        enriched = driver.createOutputTopic(Topics.ARTICLES_ENRICHED, new StringDeserializer(),
                Serdes.ENRICHED_ARTICLE.deserializer());
        deadLetters = driver.createOutputTopic(Topics.ENRICH_DLQ, new StringDeserializer(), Serdes.DEAD_LETTER.deserializer());
    }

    private double deadLetterCount(String reason) {
        return registry.get("newsflow.dead.letters").tag("stage", EnrichTopology.STAGE).tag("reason", reason)
                .counter().count();
    }

    /** The teaser, less a trailing ellipsis, is the text's start and stops where a word stops. */
    private static boolean endsAtAWordBoundary(String teaser, String text) {
        String kept = teaser.endsWith("…") ? teaser.substring(0, teaser.length() - 1) : teaser;
        if (!text.startsWith(kept)) {
            return false;
        }
        return kept.length() == text.length() || !Character.isLetterOrDigit(text.charAt(kept.length()))
                || !Character.isLetterOrDigit(kept.charAt(kept.length() - 1));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }
}
