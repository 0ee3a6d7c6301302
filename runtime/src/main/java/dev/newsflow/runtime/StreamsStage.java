package dev.newsflow.runtime;

import io.javalin.Javalin;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Properties;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a Kafka Streams stage the same way everywhere: settings logged, topics ensured, topology built against the stage's metrics
 * registry, the Streams client started, and the health/metrics server up until closed.
 */
public final class StreamsStage implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StreamsStage.class);

    private final String stage;
    private final StreamsRunner runner;
    private final BrokerReachability brokers;
    private final ConsumerLag lag;
    private final StageServer server;
    private final List<AutoCloseable> alsoClose = new java.util.concurrent.CopyOnWriteArrayList<>();

    private StreamsStage(String stage, StreamsRunner runner, BrokerReachability brokers, ConsumerLag lag,
                         StageServer server) {
        this.stage = stage;
        this.runner = runner;
        this.brokers = brokers;
        this.lag = lag;
        this.server = server;
    }

    /**
     * Serves health and metrics first, then checks the topics and starts Kafka Streams: while it waits for Kafka the
     * stage answers, live and not ready, with its startup phase.
     *
     * @param deadLetterTopic where records go that the topology failed on with an exception no processor caught
     */
    public static StreamsStage start(String stage, String deadLetterTopic, StageConfig config, Settings settings,
                                     Function<MeterRegistry, Topology> topology) {
        return start(stage, deadLetterTopic, config, settings, topology, (app, streams) -> { });
    }

    /**
     * As {@link #start(String, String, StageConfig, Settings, Function)}, with routes of the stage's own on its HTTP
     * server that read its state: {@code streams} gives the running Streams client, or null while the stage starts.
     */
    public static StreamsStage start(String stage, String deadLetterTopic, StageConfig config, Settings settings,
                                     Function<MeterRegistry, Topology> topology,
                                     BiConsumer<Javalin, Supplier<KafkaStreams>> stageRoutes) {
        PrometheusMeterRegistry registry = StageStartup.prepare(stage, config, settings);
        StartupPhase phase = new StartupPhase("starting", Clock.systemUTC());
        AtomicReference<StreamsRunner> started = new AtomicReference<>();
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            BrokerReachability brokers = BrokerReachability.forStage(settings.kafkaProperties());
            opened.add(brokers);
            StageServer server = StageServer.start(stage, config.httpHost(), config.httpPort(), StageServer.OPS_MAX_REQUEST_BYTES, registry,
                    () -> started.get() == null ? phase.liveness() : started.get().liveness(),
                    () -> readiness(started.get() == null ? phase.readiness() : started.get().readiness(), brokers),
                    app -> {
                        app.get("/topology", ctx -> {
                            StreamsRunner runner = started.get();
                            ctx.contentType("text/plain; charset=utf-8");
                            if (runner == null) {
                                ctx.status(503).result("starting: no topology yet\n");
                            } else {
                                ctx.result(runner.topologyDescription());
                            }
                        });
                        stageRoutes.accept(app, () -> started.get() == null ? null : started.get().streams());
                    });
            opened.add(server);
            StageStartup.ensureTopicsIfAsked(config, settings, phase);
            Properties props = StreamsSettings.forStage(settings, "newsflow-" + stage,
                    Path.of(System.getProperty("java.io.tmpdir"), "newsflow-streams"), stage, deadLetterTopic, registry);
            Topology built = topology.apply(registry);
            phase.enter("checking the record size limits of the topics it writes");
            List<String> written = new ArrayList<>(sinkTopics(built, deadLetterTopic));
            written.addAll(changelogTopics(built, props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG)));
            RecordLimits.requireFullSize(settings.kafkaProperties(), written, Duration.ofSeconds(10));
            ProductionFailures.registerAtZero(registry, stage, written);
            phase.enter("starting Kafka Streams");
            StreamsRunner runner = new StreamsRunner(stage, built, props, registry);
            opened.add(runner);
            ConsumerLag lag = new ConsumerLag(settings.kafkaProperties(), props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG),
                    sourceTopics(built), Duration.ofSeconds(2), Duration.ofSeconds(10), Clock.systemUTC());
            opened.add(lag);
            lag.bindTo(registry);
            runner.start();
            lag.start();
            started.set(runner);
            phase.finish();
            return new StreamsStage(stage, runner, brokers, lag, server);
        } catch (RuntimeException e) {
            // Kafka out of reach, a port in use: what was opened is closed again, last first (the demo and tests go
            // on in this JVM)
            StageStartup.closeAll(opened, e);
            throw e;
        }
    }

    /**
     * The topics a topology writes, and its dead-letter topic. A sink that picks its topic per record (publish's
     * routing) writes to the section topics.
     */
    static List<String> sinkTopics(Topology topology, String deadLetterTopic) {
        java.util.Set<String> topics = new java.util.TreeSet<>();
        topics.add(deadLetterTopic);
        nodes(topology).filter(node -> node instanceof TopologyDescription.Sink)
                .map(node -> (TopologyDescription.Sink) node)
                .forEach(sink -> {
                    if (sink.topic() != null) {
                        topics.add(sink.topic());
                    } else {
                        topics.addAll(dev.newsflow.schemas.Topics.categoryTopics());
                    }
                });
        return List.copyOf(topics);
    }

    /**
     * The changelog topics of a topology's state stores (Kafka Streams names them {@code <application.id>-<store>-changelog}):
     * publish's hold whole posts and articles, and a refused write there stalls the stage like any other.
     */
    static List<String> changelogTopics(Topology topology, String applicationId) {
        return nodes(topology).filter(node -> node instanceof TopologyDescription.Processor)
                .flatMap(node -> ((TopologyDescription.Processor) node).stores().stream())
                .distinct().sorted().map(store -> applicationId + "-" + store + "-changelog").toList();
    }

    /** The topics a topology reads (its sources), for the lag gauge. */
    static List<String> sourceTopics(Topology topology) {
        return nodes(topology).filter(node -> node instanceof TopologyDescription.Source)
                .flatMap(node -> ((TopologyDescription.Source) node).topicSet().stream())
                .filter(topic -> !topic.endsWith("-repartition"))
                .distinct().sorted().toList();
    }

    /** Every node of every subtopology. */
    private static java.util.stream.Stream<TopologyDescription.Node> nodes(Topology topology) {
        return topology.describe().subtopologies().stream().flatMap(sub -> sub.nodes().stream());
    }

    /**
     * Ready while Streams is RUNNING and the brokers answer: a Streams client stays RUNNING through a Kafka outage
     * (it retries), and a stage that cannot reach Kafka is not doing its job. Liveness stays with Streams alone, so
     * an outage never makes an orchestrator restart every stage in a loop.
     */
    static HealthStatus readiness(HealthStatus streams, BrokerReachability brokers) {
        // the brokers are asked in every state: a stage stuck in REBALANCING at start is most often one that cannot
        // reach Kafka, and the answer should say so (brokerError)
        HealthStatus reachable = brokers.check();
        Map<String, Object> details = new LinkedHashMap<>(streams.details());
        details.putAll(reachable.details());
        return new HealthStatus(streams.up() && reachable.up(), details);
    }

    /** Completes when Kafka Streams has given up for good (ERROR), with what happened. */
    public CompletableFuture<String> gaveUp() {
        return runner.gaveUp();
    }

    public KafkaStreams.State state() {
        return runner.state();
    }

    public int port() {
        return server.port();
    }

    public String url() {
        return server.localUrl();
    }

    /** A resource of the stage's own (a client its topology uses) to close after Kafka Streams. */
    public void closeAlso(AutoCloseable resource) {
        alsoClose.add(resource);
    }

    @Override
    public void close() {
        server.close();
        runner.close();
        brokers.close();
        lag.close();
        for (AutoCloseable resource : alsoClose) {
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("Could not close stage={} resource={}: {}", stage, resource.getClass().getSimpleName(), e.toString());
            }
        }
        log.info("Stopped stage={}", stage);
    }
}
