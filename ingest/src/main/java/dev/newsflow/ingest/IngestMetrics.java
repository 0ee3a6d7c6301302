package dev.newsflow.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The ingest API's meters: {@code newsflow_ingest_requests_total{result,provider,reason}}, the stage's
 * {@code newsflow_articles_in_total} and the acknowledgement latency histogram.
 */
final class IngestMetrics {

    /** Why a request failed: a write Kafka did not acknowledge ({@link KafkaWriteFailures#reasonOf}), or no room for its body. */
    static final List<String> FAILURE_REASONS = List.of("kafka-timeout", "kafka-error", "kafka-refused", "not-sent", "busy",
            "too-slow", "interrupted");

    private final MeterRegistry registry;
    private final Timer ackLatency;

    IngestMetrics(MeterRegistry registry, Iterable<String> keyNames) {
        this.registry = registry;
        // the series an operator alerts on exist at 0 from the start: increase() cannot see the first of anything
        // on a series that appears with it
        for (String name : keyNames) {
            count("accepted", name, "none", 0);
            for (String reason : FAILURE_REASONS) {
                count("failed", name, reason, 0);
            }
            count("forbidden", name, "unpublish-not-allowed", 0);
            count("forbidden", name, "id-not-allowed", 0);
            count("rate-limited", name, "rate-limited", 0);
            count("rejected", name, "invalid", 0);
            for (String reason : PublishStatus.REASONS) {
                count("looked-up", name, reason, 0);
            }
        }
        count("unauthorized", "none", "no-valid-key", 0);
        this.ackLatency = Timer.builder("newsflow.ingest.ack.latency")
                .description("Time from request to Kafka acknowledgement")
                // buckets, not client-side percentiles: they add up across instances (histogram_quantile)
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30)).register(registry);
    }

    void count(String result, String provider, String reason) {
        count(result, provider, reason, 1);
    }

    void count(String result, String provider, String reason, int amount) {
        Counter.builder("newsflow.ingest.requests").description("Ingest API requests: articles by result and reason, and article lookups (result looked-up)")
                .tag("result", result).tag("provider", provider).tag("reason", reason).register(registry).increment(amount);
        if (result.equals("accepted")) {
            Counter.builder("newsflow.articles.in").tag("stage", "ingest").register(registry).increment(amount);
        }
    }

    /** Records the time from a request's start ({@link System#nanoTime()}) to Kafka's acknowledgement. */
    void acknowledgedSince(long startedNanos) {
        ackLatency.record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }
}
