package dev.newsflow.bench;

import dev.newsflow.enrich.EnrichApp;
import dev.newsflow.publish.PublishApp;
import dev.newsflow.runtime.EmbeddedKafkaBroker;
import dev.newsflow.runtime.Settings;
import dev.newsflow.runtime.StreamsSettings;
import dev.newsflow.runtime.StreamsStage;
import dev.newsflow.runtime.TopicSetup;
import dev.newsflow.schemas.Serdes;
import dev.newsflow.schemas.TopicSpec;
import dev.newsflow.schemas.Topics;
import dev.newsflow.schemas.avro.ContentType;
import dev.newsflow.schemas.avro.PubStatus;
import dev.newsflow.schemas.avro.RawArticle;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * End-to-end throughput on the embedded broker: N raw articles (~3 KB HTML) through enrich and publish, against a
 * baseline measured in the same run: an exactly-once Streams pass-through that copies the same records one hop.
 * Usage: {@code java -cp ... dev.newsflow.bench.PipelineThroughput [N]}. Prints figures, asserts nothing.
 */
public final class PipelineThroughput {

    private static final String BASELINE_OUT = "bench.passthrough";

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            List<TopicSpec> topics = new ArrayList<>(Topics.all());
            topics.add(new TopicSpec(BASELINE_OUT, 3, Map.of()));
            TopicSetup.ensure(admin, topics, Duration.ofSeconds(60));
            Settings settings = Settings.of(Map.of("http.port", "0", "topics.create", "false"),
                    Map.of("bootstrap.servers", broker.bootstrapServers(),
                            "state.dir", Files.createTempDirectory("bench-state").toString()));
            long produceStart = System.nanoTime();
            produce(broker.bootstrapServers(), n);
            double produceSecs = (System.nanoTime() - produceStart) / 1e9;

            double baselineSecs = passThrough(settings, n);

            long start = System.nanoTime();
            try (StreamsStage enrich = EnrichApp.start(settings); StreamsStage publish = PublishApp.start(settings)) {
                awaitCount(broker.bootstrapServers(), Topics.ARTICLES_ENRICHED, n);
                double enrichedSecs = (System.nanoTime() - start) / 1e9;
                awaitCount(broker.bootstrapServers(), Topics.POSTS, n);
                double pipelineSecs = (System.nanoTime() - start) / 1e9;
                System.out.printf("%nrecords: %d raw articles (~3 KB HTML each)%n", n);
                System.out.printf("produce (acks=all, idempotent):        %8.0f rec/s%n", n / produceSecs);
                System.out.printf("baseline: EOS pass-through, one hop:   %8.0f rec/s%n", n / baselineSecs);
                System.out.printf("enrich: all records enriched after     %8.1f s   (%.0f rec/s)%n",
                        enrichedSecs, n / enrichedSecs);
                System.out.printf("pipeline: enrich + publish, two hops:  %8.0f rec/s  (%.2fx baseline time)%n",
                        n / pipelineSecs, pipelineSecs / baselineSecs);
            }
        }
    }

    private static void produce(String bootstrap, int n) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        String body = body();
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), Serdes.RAW_ARTICLE.serializer())) {
            for (int i = 0; i < n; i++) {
                String id = "urn:bench:" + i;
                producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW, id, RawArticle.newBuilder().setUri(id)
                        .setVersion(1).setProvider("bench").setHeadline("Harbour City reach the semi-finals, story " + i)
                        .setBody(body).setContentType(ContentType.HTML).setVersionCreated(Instant.now())
                        .setPubStatus(PubStatus.USABLE).setReceivedAt(Instant.now()).build()));
            }
            producer.flush();
        }
    }

    private static double passThrough(Settings settings, int n) throws Exception {
        StreamsBuilder builder = new StreamsBuilder();
        var bytes = new org.apache.kafka.common.serialization.Serdes.ByteArraySerde();
        builder.stream(Topics.ARTICLES_RAW, Consumed.with(bytes, bytes).withName("read"))
                .mapValues(v -> v, org.apache.kafka.streams.kstream.Named.as("copy"))
                .to(BASELINE_OUT, Produced.with(bytes, bytes).withName("write"));
        Properties props = StreamsSettings.forStage(settings, "bench-passthrough-" + UUID.randomUUID(),
                Files.createTempDirectory("bench-pass"));
        long start = System.nanoTime();
        try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
            streams.start();
            awaitCount(settings.kafka().get("bootstrap.servers"), BASELINE_OUT, n);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static void awaitCount(String bootstrap, String topic, int n) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (var consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            int seen = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (seen < n && System.nanoTime() < deadline) {
                seen += consumer.poll(Duration.ofMillis(200)).count();
            }
            if (seen < n) {
                throw new IllegalStateException("only " + seen + " of " + n + " records reached " + topic);
            }
        }
    }

    private static String body() {
        StringBuilder html = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            html.append("<p>Harbour City reached the League Cup semi-finals on Tuesday night when captain Owen Hartley ")
                    .append("scored a late penalty against Redmoor, whose coach called the decision harsh but fair. ")
                    .append("Paragraph ").append(i).append(" of the match report.</p>");
        }
        return html.toString();
    }
}
