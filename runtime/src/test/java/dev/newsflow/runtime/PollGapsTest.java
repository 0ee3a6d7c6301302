package dev.newsflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.Metrics;
import org.junit.jupiter.api.Test;

class PollGapsTest {

    @Test
    void shouldTakeTheSlowestStreamThreadsMainConsumerOnly() {
        try (Metrics metrics = new Metrics()) {
            gap(metrics, "app-1-StreamThread-1-consumer", 0.4);
            gap(metrics, "app-1-StreamThread-2-consumer", 312.0); // inside a processor that does not return
            gap(metrics, "app-1-StreamThread-1-restore-consumer", 9_999.0); // polls only while restoring
            gap(metrics, "app-1-global-consumer", 9_999.0);
            gap(metrics, "app-1-StreamThread-3-consumer", -1.0); // never polled yet

            assertThat(PollGaps.longest(metrics.metrics())).hasValue(312.0);
        }
    }

    @Test
    void shouldSayNothingBeforeAnyThreadPolled() {
        try (Metrics metrics = new Metrics()) {
            gap(metrics, "app-1-StreamThread-1-consumer", -1.0);
            metrics.addMetric(metrics.metricName("last-poll-seconds-ago", "consumer-coordinator-metrics",
                    Map.of("client-id", "app-1-StreamThread-1-consumer")), (Gauge<Double>) (config, now) -> 500.0);

            assertThat(PollGaps.longest(metrics.metrics())).isEmpty();
        }
    }

    private static void gap(Metrics metrics, String clientId, double seconds) {
        metrics.addMetric(metrics.metricName("last-poll-seconds-ago", "consumer-metrics", Map.of("client-id", clientId)),
                (Gauge<Double>) (config, now) -> seconds);
    }
}
