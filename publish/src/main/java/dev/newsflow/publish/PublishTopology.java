package dev.newsflow.publish;

import dev.newsflow.runtime.DeadLetters;
import dev.newsflow.runtime.DecodeProcessor;
import dev.newsflow.runtime.KeyedDecoder;
import dev.newsflow.runtime.Outcome;
import dev.newsflow.schemas.Serdes;
import dev.newsflow.schemas.Topics;
import dev.newsflow.schemas.avro.EnrichedArticle;
import dev.newsflow.schemas.avro.Post;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes.ByteArraySerde;
import org.apache.kafka.common.serialization.Serdes.StringSerde;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The publish stage's wiring: {@code news.articles.enriched} → posts on {@code news.posts} (every event),
 * {@code news.posts.<category>} (routed by category) and {@code news.posts.current} (compacted; tombstone on kill),
 * with unreadable records to {@code news.publish.dlq}.
 */
public final class PublishTopology {

    public static final String STAGE = "publish";

    private final PostBuilder posts;
    private final CategoryRouting routing;
    private final Duration embargoCheckInterval;
    private final Clock clock;
    private final MeterRegistry registry;
    private final UpstreamProgress upstream;
    /** Held versions past their embargo that wait for what was sent before it, per task's partition. */
    private final java.util.Map<Integer, Integer> waitingByPartition = new java.util.concurrent.ConcurrentHashMap<>();

    /** For topology tests that pipe records straight into publish: nothing is ever pending upstream. */
    public PublishTopology(PostBuilder posts, CategoryRouting routing, Duration embargoCheckInterval, Clock clock,
                           MeterRegistry registry) {
        this(posts, routing, embargoCheckInterval, clock, registry, UpstreamProgress.NOTHING_PENDING);
    }

    public PublishTopology(PostBuilder posts, CategoryRouting routing, Duration embargoCheckInterval, Clock clock,
                           MeterRegistry registry, UpstreamProgress upstream) {
        this.posts = posts;
        this.routing = routing;
        this.embargoCheckInterval = embargoCheckInterval;
        this.clock = clock;
        this.registry = registry;
        this.upstream = upstream;
        io.micrometer.core.instrument.Gauge.builder("newsflow.publish.embargoes.waiting", waitingByPartition,
                        waiting -> waiting.values().stream().mapToInt(Integer::intValue).sum())
                .description("Held versions past their embargo, waiting until what was sent before it has been through"
                        + " enrich and publish (a kill among it is applied first)")
                .register(registry);
    }

    public Topology build() {
        StreamsBuilder builder = new StreamsBuilder();
        ByteArraySerde bytes = new ByteArraySerde();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PublishProcessor.POSTS_STORE),
                new StringSerde(), Serdes.POST));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PublishProcessor.EMBARGO_STORE),
                new StringSerde(), Serdes.ENRICHED_ARTICLE));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PublishProcessor.EMBARGO_TIMES_STORE),
                new StringSerde(), new StringSerde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PublishProcessor.UNPUBLISHED_STORE),
                new StringSerde(), new org.apache.kafka.common.serialization.Serdes.LongSerde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PublishProcessor.ROUTED_STORE),
                new StringSerde(), new StringSerde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PublishProcessor.LIVE_RECEIVED_STORE),
                new StringSerde(), new org.apache.kafka.common.serialization.Serdes.LongSerde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PublishProcessor.SOURCE_DIGEST_STORE),
                new StringSerde(), new StringSerde()));
        DeadLetters deadLetters = new DeadLetters(STAGE, registry);
        KeyedDecoder<EnrichedArticle> decoder = new KeyedDecoder<>(Serdes.ENRICHED_ARTICLE, EnrichedArticle::getUri, deadLetters);

        KStream<byte[], Outcome<EnrichedArticle>> outcomes = builder
                .stream(Topics.ARTICLES_ENRICHED, Consumed.with(bytes, bytes).withName("read-enriched-articles"))
                .processValues(() -> new DecodeProcessor<>(decoder, clock), Named.as("decode-enriched-article"));
        outcomes.split(Named.as("route-"))
                .branch((key, outcome) -> outcome.isOk(), Branched.<byte[], Outcome<EnrichedArticle>>withConsumer(ok ->
                        writePosts(ok.mapValues(Outcome::value, Named.as("take-enriched-article"))
                                .process(() -> new PublishProcessor(posts, routing, embargoCheckInterval, registry, deadLetters,
                                        upstream, waitingByPartition),
                                        Named.as("decide-post"), PublishProcessor.POSTS_STORE, PublishProcessor.EMBARGO_STORE,
                                        PublishProcessor.EMBARGO_TIMES_STORE, PublishProcessor.UNPUBLISHED_STORE,
                                        PublishProcessor.LIVE_RECEIVED_STORE, PublishProcessor.ROUTED_STORE,
                                        PublishProcessor.SOURCE_DIGEST_STORE),
                                bytes)).withName("publishable"))
                .defaultBranch(Branched.<byte[], Outcome<EnrichedArticle>>withConsumer(failed -> failed
                        .mapValues(Outcome::deadLetter, Named.as("take-dead-letter"))
                        .to(Topics.PUBLISH_DLQ, Produced.with(bytes, Serdes.DEAD_LETTER).withName("write-dead-letters")))
                        .withName("dead-letter"));
        return builder.build();
    }

    private static void writePosts(KStream<byte[], PublishDecision> all, ByteArraySerde bytes) {
        KStream<byte[], PublishDecision> decisions = all.filterNot((key, d) -> d.isDeadLetter(), Named.as("take-post-decisions"));
        all.filter((key, d) -> d.isDeadLetter(), Named.as("take-release-failures"))
                .mapValues(PublishDecision::deadLetter, Named.as("take-release-dead-letter"))
                .to(Topics.PUBLISH_DLQ, Produced.with(bytes, Serdes.DEAD_LETTER).withName("write-release-dead-letters"));
        decisions.mapValues(PublishDecision::event, Named.as("take-post-event"))
                .to(Topics.POSTS, Produced.with(bytes, Serdes.POST).withName("write-posts"));
        // the value is null for a kill: Kafka writes it as the tombstone compaction needs
        decisions.mapValues(PublishDecision::current, Named.as("take-current-post"))
                .to(Topics.POSTS_CURRENT, Produced.with(bytes, Serdes.POST).withName("write-current-posts"));
        decisions.flatMapValues(PublishDecision::categoryPosts, Named.as("split-by-category"))
                .to((key, categoryPost, context) -> categoryPost.topic(),
                        Produced.with(bytes, categoryPostSerde()).withName("route-by-category"));
    }

    /** Writes only the post of a {@link CategoryPost}; its topic was already used for routing. */
    private static Serde<CategoryPost> categoryPostSerde() {
        return org.apache.kafka.common.serialization.Serdes.serdeFrom(
                (topic, value) -> value == null ? null : Serdes.POST.encode(value.post()),
                (topic, data) -> {
                    throw new UnsupportedOperationException("category posts are only written");
                });
    }
}
