package dev.newsflow.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.newsflow.enrich.EnrichApp;
import dev.newsflow.publish.PublishApp;
import dev.newsflow.runtime.EmbeddedKafkaBroker;
import dev.newsflow.runtime.Settings;
import dev.newsflow.runtime.StageConfig;
import dev.newsflow.runtime.StreamsSettings;
import dev.newsflow.runtime.StreamsStage;
import dev.newsflow.runtime.TopicSetup;
import dev.newsflow.schemas.Serdes;
import dev.newsflow.schemas.TopicSpec;
import dev.newsflow.schemas.Topics;
import dev.newsflow.schemas.avro.ContentType;
import dev.newsflow.schemas.avro.PubStatus;
import dev.newsflow.schemas.avro.RawArticle;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * End-to-end throughput on the embedded broker: W + N raw articles (~3 KB HTML) through enrich and publish, against
 * a baseline measured in the same run: an exactly-once Streams pass-through that copies the same records one hop.
 *
 * <p>Two figures per run. <b>Cold</b>: from the stages' start to the last record out, as a freshly started JVM does
 * it, JIT compilation included (on a 2-core machine the compiler threads take more CPU than the stages in the first
 * 10,000 records). <b>Steady</b>: the rate between the W-th and the (W+N)-th record reaching the output topic, the
 * capacity of a warm stage, with the process CPU spent per record in that window (broker included: it is the same
 * JVM). Usage: {@code java -cp ... dev.newsflow.bench.PipelineThroughput [N] [W]} (defaults 10000, 10000).
 * Prints figures, asserts nothing.
 */
public final class PipelineThroughput {

    private static final String BASELINE_OUT = "bench.passthrough";
    /** The baseline's second input, for its latency probe (its first input, the raw topic, is enrich's too). */
    private static final String BASELINE_LATENCY_IN = "bench.latency-in";
    private static final int LATENCY_RATE = 100;
    private static final int LATENCY_RECORDS = 1_000;
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Thread-name parts of the stages' own threads (stream threads and their producers' network threads). */
    private static final List<String> STAGES = List.of("newsflow-enrich", "newsflow-publish", "bench-passthrough");

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int total = warmUp + n;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            String bootstrap = broker.bootstrapServers();
            List<TopicSpec> topics = new ArrayList<>(Topics.all());
            topics.add(new TopicSpec(BASELINE_OUT, 3, Map.of()));
            topics.add(new TopicSpec(BASELINE_LATENCY_IN, 3, Map.of()));
            TopicSetup.ensure(admin, topics, Duration.ofSeconds(60));
            Settings settings = Settings.of(Map.of(StageConfig.HTTP_PORT, "0", StageConfig.TOPIC_SETUP, "false"),
                    Map.of("bootstrap.servers", bootstrap,
                            "state.dir", Files.createTempDirectory("bench-state").toString()));
            long produceStart = System.nanoTime();
            produce(bootstrap, total);
            double produceSecs = (System.nanoTime() - produceStart) / 1e9;

            Latency.Result[] baselineLatency = new Latency.Result[1];
            Window baseline = passThrough(settings, bootstrap, warmUp, total, baselineLatency);

            Progress enriched = Progress.start(bootstrap, Topics.ARTICLES_ENRICHED, warmUp, total);
            Progress posts = Progress.start(bootstrap, Topics.POSTS, warmUp, total);
            long start = System.nanoTime();
            try (StreamsStage enrich = EnrichApp.start(settings); StreamsStage publish = PublishApp.start(settings)) {
                Window enrichWindow = enriched.await(start);
                Window pipeline = posts.await(start);
                Latency.Result pipelineLatency = Latency.probe(bootstrap, Topics.ARTICLES_RAW, Topics.POSTS,
                        "urn:latency:", LATENCY_RATE, LATENCY_RECORDS, body());
                System.out.printf("%nrecords: %d raw articles (~3 KB HTML each): %d to warm up, %d measured%n",
                        total, warmUp, n);
                System.out.printf("produce (acks=all, idempotent):            %8.0f rec/s%n", total / produceSecs);
                System.out.printf("%-42s %10s %12s %16s%n", "", "cold", "steady", "CPU per record");
                baseline.print("baseline: EOS pass-through, one hop", null);
                enrichWindow.print("enrich", null);
                pipeline.print("pipeline: enrich + publish, two hops", baseline);
                System.out.printf("%nsteady CPU per record of each stage's own threads (stream thread + producer I/O), "
                        + "each in its own window:%n");
                System.out.printf("  pass-through %6.0f µs   enrich %6.0f µs   publish %6.0f µs%n",
                        baseline.stageMicros("bench-passthrough"), enrichWindow.stageMicros("newsflow-enrich"),
                        pipeline.stageMicros("newsflow-publish"));
                System.out.printf("(the rest of the process CPU is the broker, the JIT compiler and the GC: one JVM)%n");
                System.out.printf("%nlatency, sent to read (read_committed) by a consumer, %d records at %d rec/s after the above:%n",
                        LATENCY_RECORDS, LATENCY_RATE);
                baselineLatency[0].print("baseline: EOS pass-through, one hop", null);
                pipelineLatency.print("pipeline: enrich + publish, two hops", baselineLatency[0]);
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

    private static Window passThrough(Settings settings, String bootstrap, int warmUp, int total,
                                      Latency.Result[] latency) throws Exception {
        StreamsBuilder builder = new StreamsBuilder();
        var bytes = new org.apache.kafka.common.serialization.Serdes.ByteArraySerde();
        builder.stream(List.of(Topics.ARTICLES_RAW, BASELINE_LATENCY_IN), Consumed.with(bytes, bytes).withName("read"))
                .mapValues(v -> v, Named.as("copy"))
                .to(BASELINE_OUT, Produced.with(bytes, bytes).withName("write"));
        Properties props = StreamsSettings.forStage(settings, "bench-passthrough-" + UUID.randomUUID(),
                Files.createTempDirectory("bench-pass"));
        Progress out = Progress.start(bootstrap, BASELINE_OUT, warmUp, total);
        long start = System.nanoTime();
        try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
            streams.start();
            Window window = out.await(start);
            latency[0] = Latency.probe(bootstrap, BASELINE_LATENCY_IN, BASELINE_OUT, "urn:latency:", LATENCY_RATE,
                    LATENCY_RECORDS, body());
            return window;
        }
    }

    /** When a topic's committed record count crossed the warm-up mark and the end, and the process CPU then. */
    private record Window(int measured, int total, double coldSecs, double steadySecs, double cpuSecs,
                          Map<String, Long> stageCpuNanos) {

        double stageMicros(String stage) {
            return stageCpuNanos.getOrDefault(stage, 0L) / 1e3 / measured;
        }

        void print(String name, Window baseline) {
            String ratio = baseline == null ? ""
                    : String.format("   (%.2fx baseline time cold, %.2fx steady)", coldSecs / baseline.coldSecs,
                            steadySecs / baseline.steadySecs);
            System.out.printf("%-42s %6.0f rec/s %6.0f rec/s %10.0f µs%s%n", name + ":", total / coldSecs,
                    measured / steadySecs, cpuSecs * 1e6 / measured, ratio);
        }
    }

    /** Counts a topic's committed records on a thread of its own, noting the moments the marks are crossed. */
    private static final class Progress implements Runnable {
        private final String bootstrap;
        private final String topic;
        private final int warmUp;
        private final int total;
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile long warmNanos;
        private volatile long warmCpu;
        private volatile Map<String, Long> warmStages;
        private volatile Map<String, Long> endStages;
        private volatile long endNanos;
        private volatile long endCpu;
        private volatile int seen;

        private Progress(String bootstrap, String topic, int warmUp, int total) {
            this.bootstrap = bootstrap;
            this.topic = topic;
            this.warmUp = warmUp;
            this.total = total;
        }

        static Progress start(String bootstrap, String topic, int warmUp, int total) {
            Progress progress = new Progress(bootstrap, topic, warmUp, total);
            Thread thread = new Thread(progress, "bench-progress-" + topic);
            thread.setDaemon(true);
            thread.start();
            return progress;
        }

        @Override
        public void run() {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "20");
            try (var consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                consumer.subscribe(List.of(topic));
                while (seen < total) {
                    seen += consumer.poll(Duration.ofMillis(50)).count();
                    if (warmNanos == 0 && seen >= warmUp) {
                        warmCpu = OS.getProcessCpuTime();
                        warmStages = stageCpu();
                        warmNanos = System.nanoTime();
                    }
                }
                endCpu = OS.getProcessCpuTime();
                endStages = stageCpu();
                endNanos = System.nanoTime();
            } finally {
                done.countDown();
            }
        }

        Window await(long startNanos) throws InterruptedException {
            if (!done.await(10, TimeUnit.MINUTES) || endNanos == 0) {
                throw new IllegalStateException("only " + seen + " of " + total + " records reached " + topic);
            }
            Map<String, Long> stages = new java.util.HashMap<>();
            endStages.forEach((stage, nanos) -> stages.put(stage, nanos - warmStages.getOrDefault(stage, 0L)));
            return new Window(total - warmUp, total, (endNanos - startNanos) / 1e9, (endNanos - warmNanos) / 1e9,
                    (endCpu - warmCpu) / 1e9, stages);
        }

        /** CPU time so far of each stage's live threads (a thread that ended in between is not counted). */
        private static Map<String, Long> stageCpu() {
            Map<String, Long> cpu = new java.util.HashMap<>();
            for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
                if (info == null) {
                    continue;
                }
                for (String stage : STAGES) {
                    long nanos = THREADS.getThreadCpuTime(info.getThreadId());
                    if (info.getThreadName().contains(stage) && nanos > 0) {
                        cpu.merge(stage, nanos, Long::sum);
                    }
                }
            }
            return cpu;
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
