package dev.newsflow.enrich;

import dev.newsflow.runtime.DeadLetters;
import dev.newsflow.runtime.Outcome;
import dev.newsflow.schemas.Serdes;
import dev.newsflow.schemas.Topics;
import dev.newsflow.schemas.avro.EnrichedArticle;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.kafka.common.serialization.Serdes.ByteArraySerde;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The enrich stage's wiring, and nothing else: {@code news.articles.raw} → enrich → {@code news.articles.enriched},
 * with unreadable or unprocessable records to {@code news.enrich.dlq}. Stateless, so it scales with partitions.
 */
public final class EnrichTopology {

    public static final String STAGE = "enrich";

    private final ArticleEnricher enricher;
    private final Clock clock;
    private final MeterRegistry registry;

    public EnrichTopology(ArticleEnricher enricher, Clock clock, MeterRegistry registry) {
        this.enricher = enricher;
        this.clock = clock;
        this.registry = registry;
    }

    public Topology build() {
        StreamsBuilder builder = new StreamsBuilder();
        ByteArraySerde bytes = new ByteArraySerde();
        DeadLetters deadLetters = new DeadLetters(STAGE, registry);
        KStream<byte[], Outcome<EnrichedArticle>> outcomes = builder
                .stream(Topics.ARTICLES_RAW, Consumed.with(bytes, bytes).withName("read-raw-articles"))
                .processValues(() -> new EnrichProcessor(enricher, deadLetters, clock, registry), Named.as("enrich-article"));
        outcomes.split(Named.as("route-"))
                .branch((key, outcome) -> outcome.isOk(), Branched.<byte[], Outcome<EnrichedArticle>>withConsumer(ok -> ok
                        .mapValues(Outcome::value, Named.as("take-enriched-article"))
                        .to(Topics.ARTICLES_ENRICHED, Produced.with(bytes, Serdes.ENRICHED_ARTICLE).withName("write-enriched-articles")))
                        .withName("enriched"))
                .defaultBranch(Branched.<byte[], Outcome<EnrichedArticle>>withConsumer(failed -> failed
                        .mapValues(Outcome::deadLetter, Named.as("take-dead-letter"))
                        .to(Topics.ENRICH_DLQ, Produced.with(bytes, Serdes.DEAD_LETTER).withName("write-dead-letters")))
                        .withName("dead-letter"));
        return builder.build();
    }
}
