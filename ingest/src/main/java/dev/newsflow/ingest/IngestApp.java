package dev.newsflow.ingest;

import dev.newsflow.runtime.BrokerReachability;
import dev.newsflow.runtime.HealthStatus;
import dev.newsflow.runtime.Settings;
import dev.newsflow.runtime.StageServer;
import dev.newsflow.runtime.StageStartup;
import dev.newsflow.runtime.StartupPhase;
import dev.newsflow.schemas.Topics;
import dev.newsflow.schemas.avro.RawArticle;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The ingest stage: reads its config, makes sure the topics exist, and serves the API until closed. */
public final class IngestApp implements AutoCloseable {

    public static final String STAGE = "ingest";
    private static final Logger log = LoggerFactory.getLogger(IngestApp.class);
    /** How long GET /v1/articles/<id> waits for publish: an answer from its stores is quick, a hung one is not. */
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(2);

    private final KafkaProducer<String, RawArticle> producer;
    private final KafkaClientMetrics producerMetrics;
    private final BrokerReachability brokers;
    /** The API's server; also the operator endpoints' unless they have their own. */
    private final StageServer server;
    /** The operator endpoints' server when http.ops.port is set, else the same as {@link #server}. */
    private final StageServer opsServer;

    private IngestApp(KafkaProducer<String, RawArticle> producer, KafkaClientMetrics producerMetrics,
                      BrokerReachability brokers, StageServer server, StageServer opsServer) {
        this.producer = producer;
        this.producerMetrics = producerMetrics;
        this.server = server;
        this.opsServer = opsServer;
        this.brokers = brokers;
    }

    public static IngestApp start(Settings settings) {
        IngestConfig config = new IngestConfig(settings.newsflow());
        ApiKeys keys = config.apiKeys();
        log.info("API keys stage={} names={}", STAGE, keys);
        java.util.List<String> unbounded = keys.unboundedAmongSeveral();
        if (!unbounded.isEmpty()) {
            log.warn("API keys {} may write any article id, also another sender's: a leaked one can overwrite any story,"
                    + " or send a version so high no newer one can follow. Give each key its ids with"
                    + " NEWSFLOW_API_ID_PREFIXES (name=prefix, e.g. wire=urn:wire:,cms=urn:cms:)", unbounded);
        }
        PrometheusMeterRegistry registry = StageStartup.prepare(STAGE, config, settings);
        long longestWrite = RawArticleProducer.longestWriteMs(settings);
        if (config.ackTimeout().toMillis() < longestWrite) {
            log.warn("Settings: ack.timeout.ms={} is shorter than the producer's max.block.ms + delivery.timeout.ms={}: "
                    + "a request may be answered 503 for a write that still lands (a retry is safe, a duplicate is "
                    + "skipped, but clients see failures that were not)", config.ackTimeout().toMillis(), longestWrite);
        }
        KafkaProducer<String, RawArticle> producer = RawArticleProducer.create(settings, "newsflow-ingest");
        java.util.List<AutoCloseable> opened = new java.util.ArrayList<>(java.util.List.of(
                () -> producer.close(Duration.ofSeconds(10))));
        try {
            KafkaClientMetrics producerMetrics = new KafkaClientMetrics(producer);
            opened.add(producerMetrics);
            producerMetrics.bindTo(registry);
            ArticleWriter writer = new ArticleWriter(producer);
            IngestLimits limits = config.limits();
            RequestRateLimiter rateLimiter = config.rateLimiter();
            log.info("Request rate limit stage={} limit={}", STAGE, rateLimiter);
            IngestApi api = new IngestApi(new ArticleParser(limits, Clock.systemUTC()), writer, keys, rateLimiter, limits,
                    config.ackTimeout(), registry, new PublishStatus(config.publishUrl(), PUBLISH_TIMEOUT));
            BrokerReachability brokers = BrokerReachability.forStage(settings.kafkaProperties());
            opened.add(brokers);
            // served first: while the topics are checked (up to a minute when Kafka is slow), the probes say so, and
            // the API answers 503 "starting" instead of writing to a topic that may not exist yet
            StartupPhase phase = new StartupPhase("starting", Clock.systemUTC());
            long maxBody = Math.max(limits.maxBatchBytes(), limits.maxRequestBytes());
            java.util.function.Supplier<HealthStatus> liveness = () -> phase.done() ? HealthStatus.up(Map.of()) : phase.liveness();
            java.util.function.Supplier<HealthStatus> readiness =
                    () -> phase.done() ? producerReadiness(producer, brokers) : phase.readiness();
            StageServer server;
            StageServer opsServer;
            if (config.opsPort().isPresent()) {
                // the API port can face the newsroom's network; metrics (key names, volumes) and status stay internal
                opsServer = StageServer.start(STAGE, config.httpHost(), config.opsPort().getAsInt(), StageServer.OPS_MAX_REQUEST_BYTES, registry,
                        liveness, readiness, app -> { });
                opened.add(opsServer);
                server = StageServer.startBare(STAGE, config.httpHost(), config.httpPort(), maxBody,
                        app -> api.routes(app, phase::done));
            } else {
                server = StageServer.start(STAGE, config.httpHost(), config.httpPort(), maxBody, registry, liveness,
                        readiness, app -> api.routes(app, phase::done));
                opsServer = server;
            }
            opened.add(server);
            StageStartup.ensureTopicsIfAsked(config, settings, phase);
            warnIfRawTopicTakesSmallerArticles(settings, limits.maxRequestBytes());
            phase.finish();
            log.info("Accepting articles stage={} url={}", STAGE, server.localUrl());
            return new IngestApp(producer, producerMetrics, brokers, server, opsServer);
        } catch (RuntimeException e) {
            // a port in use, say: the producer's threads and the readiness Admin must not outlive the failed start
            StageStartup.closeAll(opened, e);
            throw e;
        }
    }

    /**
     * An article the API accepts must fit the raw topic: one the topic refuses is answered 413, for good, as if the
     * sender's article were at fault. A raw topic made by hand at the broker's 1 MiB default refuses many that
     * max.request.bytes (2 MiB) lets through, so say so at start, where an operator looks.
     */
    private static void warnIfRawTopicTakesSmallerArticles(Settings settings, long maxRequestBytes) {
        java.util.OptionalLong limit = dev.newsflow.runtime.RecordLimits.maxMessageBytes(settings.kafkaProperties(),
                Topics.ARTICLES_RAW, java.time.Duration.ofSeconds(5));
        if (limit.isPresent() && limit.getAsLong() < maxRequestBytes) {
            log.warn("Topic {} takes records up to max.message.bytes={}, less than max.request.bytes={}: articles between"
                    + " the two are refused 413 (too large) although the API accepts their size; raise the topic's"
                    + " limit with kafka-configs --alter --entity-type topics --entity-name {} --add-config"
                    + " max.message.bytes={}", Topics.ARTICLES_RAW, limit.getAsLong(), maxRequestBytes,
                    Topics.ARTICLES_RAW, dev.newsflow.schemas.Topics.MAX_MESSAGE_BYTES);
        }
    }

    /** Ready when the brokers answer and the producer knows the raw topic's partitions and their leaders. */
    private static HealthStatus producerReadiness(KafkaProducer<String, RawArticle> producer, BrokerReachability brokers) {
        HealthStatus reachable = brokers.check();
        if (!reachable.up()) {
            return reachable;
        }
        Map<String, Object> details = new LinkedHashMap<>(reachable.details());
        details.put("checkedAt", Instant.now().toString());
        try {
            var partitions = producer.partitionsFor(Topics.ARTICLES_RAW);
            long withLeader = partitions.stream().filter(p -> p.leader() != null && !p.leader().isEmpty()).count();
            details.put("rawTopicPartitions", partitions.size());
            details.put("partitionsWithLeader", withLeader);
            return new HealthStatus(!partitions.isEmpty() && withLeader == partitions.size(), details);
        } catch (RuntimeException e) {
            details.put("error", e.toString());
            return HealthStatus.down(details);
        }
    }

    public int port() {
        return server.port();
    }

    public String url() {
        return server.localUrl();
    }

    /** Where health, metrics and status are served: the API's URL unless http.ops.port gave them their own. */
    public String opsUrl() {
        return opsServer.localUrl();
    }

    @Override
    public void close() {
        server.close();
        if (opsServer != server) {
            opsServer.close();
        }
        producerMetrics.close();
        brokers.close();
        producer.close(Duration.ofSeconds(10));
        log.info("Stopped stage={}", STAGE);
    }
}
