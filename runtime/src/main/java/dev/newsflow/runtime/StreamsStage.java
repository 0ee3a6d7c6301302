package dev.newsflow.runtime;

import dev.newsflow.schemas.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a Kafka Streams stage the same way everywhere: topics ensured, topology built against the stage's metrics
 * registry, the Streams client started, and the health/metrics server up until closed.
 */
public final class StreamsStage implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StreamsStage.class);

    private final String stage;
    private final StreamsRunner runner;
    private final StageServer server;

    private StreamsStage(String stage, StreamsRunner runner, StageServer server) {
        this.stage = stage;
        this.runner = runner;
        this.server = server;
    }

    public static StreamsStage start(String stage, StageConfig config, Settings settings,
                                     Function<MeterRegistry, Topology> topology) {
        log.info("Starting stage={} settings={}", stage, Settings.masked(config.values()));
        log.info("Kafka client settings stage={} kafka={}", stage, Settings.masked(settings.kafka()));
        if (config.createTopics()) {
            try (Admin admin = Admin.create(settings.kafkaProperties())) {
                TopicSetup.ensure(admin, Topics.all(), Duration.ofMillis(config.topicSetupTimeoutMs()));
            }
        }
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("stage", stage);
        Properties props = StreamsSettings.forStage(settings, "newsflow-" + stage,
                Path.of(System.getProperty("java.io.tmpdir"), "newsflow-streams"));
        StreamsRunner runner = new StreamsRunner(stage, topology.apply(registry), props, registry);
        StageServer server = StageServer.start(stage, config.httpHost(), config.httpPort(), 64 * 1024, registry,
                runner::liveness, runner::readiness, app -> { });
        runner.start();
        return new StreamsStage(stage, runner, server);
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

    @Override
    public void close() {
        server.close();
        runner.close();
        log.info("Stopped stage={}", stage);
    }
}
