package dev.newsflow.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.util.Properties;
import java.util.function.Function;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
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
    private final StageServer server;

    private StreamsStage(String stage, StreamsRunner runner, StageServer server) {
        this.stage = stage;
        this.runner = runner;
        this.server = server;
    }

    /** @param deadLetterTopic where records go that the topology failed on with an exception no processor caught */
    public static StreamsStage start(String stage, String deadLetterTopic, StageConfig config, Settings settings,
                                     Function<MeterRegistry, Topology> topology) {
        PrometheusMeterRegistry registry = StageStartup.prepare(stage, config, settings);
        Properties props = StreamsSettings.forStage(settings, "newsflow-" + stage,
                Path.of(System.getProperty("java.io.tmpdir"), "newsflow-streams"), stage, deadLetterTopic, registry);
        StreamsRunner runner = new StreamsRunner(stage, topology.apply(registry), props, registry);
        StageServer server = StageServer.start(stage, config.httpHost(), config.httpPort(), 64 * 1024, registry,
                runner::liveness, runner::readiness,
                app -> app.get("/topology", ctx -> ctx.contentType("text/plain; charset=utf-8").result(runner.topologyDescription())));
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
