package dev.newsflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class StreamsStageTest {

    @Test
    void shouldNotBeReadyWhileStreamsRunsButKafkaDoesNotAnswer() {
        Properties kafka = new Properties();
        kafka.put("bootstrap.servers", "127.0.0.1:1"); // nothing listens there
        try (BrokerReachability brokers = new BrokerReachability(kafka, Duration.ofMillis(500), Duration.ZERO, Clock.systemUTC())) {
            HealthStatus running = HealthStatus.up(Map.of("streamsState", "RUNNING"));

            HealthStatus ready = StreamsStage.readiness(running, brokers);

            assertThat(ready.up()).isFalse();
            assertThat(ready.details()).containsEntry("streamsState", "RUNNING").containsKey("brokerError");
        }
    }

    @Test
    void shouldSayWhyAStageStuckRebalancingIsNotReadyWhenKafkaDoesNotAnswer() {
        Properties kafka = new Properties();
        kafka.put("bootstrap.servers", "127.0.0.1:1");
        try (BrokerReachability brokers = new BrokerReachability(kafka, Duration.ofMillis(500), Duration.ZERO, Clock.systemUTC())) {
            HealthStatus ready = StreamsStage.readiness(HealthStatus.down(Map.of("streamsState", "REBALANCING")), brokers);

            assertThat(ready.up()).isFalse();
            assertThat(ready.details()).containsEntry("streamsState", "REBALANCING").containsKey("brokerError");
        }
    }

    @Test
    void shouldFindTheTopicsATopologyReadsForItsLagGauge() {
        var builder = new org.apache.kafka.streams.StreamsBuilder();
        builder.stream("news.b").to("out.x");
        builder.stream("news.a").to("out.y");

        assertThat(StreamsStage.sourceTopics(builder.build())).containsExactly("news.a", "news.b");
    }

    @Test
    void shouldFindTheTopicsATopologyWritesWithTheSectionTopicsForARoutingSink() {
        var builder = new org.apache.kafka.streams.StreamsBuilder();
        builder.stream("news.in").to("out.x");
        builder.<String, String>stream("news.other").to((key, value, context) -> "picked." + value);

        assertThat(StreamsStage.sinkTopics(builder.build(), "dead.letters"))
                .contains("out.x", "dead.letters", dev.newsflow.schemas.Topics.postsFor(dev.newsflow.schemas.MediaTopic.SPORT))
                .hasSize(2 + dev.newsflow.schemas.Topics.categoryTopics().size());
    }

    @Test
    void shouldNameTheChangelogTopicsOfATopologysStores() {
        var builder = new org.apache.kafka.streams.StreamsBuilder();
        builder.table("news.in", org.apache.kafka.streams.kstream.Materialized.as("latest"));

        assertThat(StreamsStage.changelogTopics(builder.build(), "newsflow-test"))
                .containsExactly("newsflow-test-latest-changelog");
    }

    @Test
    void shouldAnswerItsProbesWithTheStartupPhaseWhileItWaitsForKafkaAndCloseThemWhenTheStartFails() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Settings settings = Settings.of(Map.of(StageConfig.HTTP_PORT, String.valueOf(port), StageConfig.HTTP_HOST, "127.0.0.1",
                        StageConfig.TOPIC_SETUP_TIMEOUT_MS, "8000"),
                Map.of("bootstrap.servers", "127.0.0.1:1"));
        StageConfig config = new StageConfig(StageConfig.baseDefinition(port), settings.newsflow());
        java.util.concurrent.CompletableFuture<StreamsStage> start = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> StreamsStage.start("test", "test.dlq", config, settings, registry -> {
                    var builder = new org.apache.kafka.streams.StreamsBuilder();
                    builder.stream("in.x").to("out.x");
                    return builder.build();
                }));
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.util.function.Function<String, java.net.http.HttpResponse<String>> get = path -> {
            try {
                return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                return null; // not listening (yet, or any more)
            }
        };

        // Kafka does not answer, so the stage sits in its topic check: it says so instead of refusing connections
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(6)).until(() -> get.apply("/health/live") != null);
        java.net.http.HttpResponse<String> live = get.apply("/health/live");
        java.net.http.HttpResponse<String> ready = get.apply("/health/ready");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.body()).contains("checking topics at 127.0.0.1:1");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).contains("startupPhase").contains("brokerError");
        assertThat(get.apply("/topology").statusCode()).isEqualTo(503);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> start.get(30, java.util.concurrent.TimeUnit.SECONDS))
                .hasMessageContaining("127.0.0.1:1");
        assertThat(get.apply("/health/live")).isNull(); // the failed start closed its server
    }
}
