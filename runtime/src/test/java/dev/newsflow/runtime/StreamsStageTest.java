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
}
