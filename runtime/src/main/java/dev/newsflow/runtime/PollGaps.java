package dev.newsflow.runtime;

import java.util.Map;
import java.util.OptionalDouble;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * How long ago each stream thread last polled Kafka, from its main consumer's {@code last-poll-seconds-ago}. A
 * thread polls every few hundred milliseconds, idle or busy; one that has not polled for minutes is inside a processor
 * that does not return (a text a library loops on, a lock). Kafka Streams then stays RUNNING, so its state alone
 * would keep such a stage live and ready while nothing flows.
 */
final class PollGaps {

    private static final String GROUP = "consumer-metrics";
    private static final String NAME = "last-poll-seconds-ago";

    private PollGaps() {
    }

    /** The longest time since a stream thread's last poll, in seconds; empty before any thread polled. */
    static OptionalDouble longest(Map<MetricName, ? extends Metric> metrics) {
        double longest = -1;
        for (Map.Entry<MetricName, ? extends Metric> e : metrics.entrySet()) {
            MetricName name = e.getKey();
            String clientId = name.tags().getOrDefault("client-id", "");
            // the main consumer of each thread ("<client>-StreamThread-1-consumer"), not the restore or global one
            if (name.name().equals(NAME) && name.group().equals(GROUP) && clientId.endsWith("-consumer")
                    && clientId.contains("-StreamThread-") && !clientId.endsWith("-restore-consumer")
                    && e.getValue().metricValue() instanceof Number seconds && seconds.doubleValue() >= 0) {
                longest = Math.max(longest, seconds.doubleValue());
            }
        }
        return longest < 0 ? OptionalDouble.empty() : OptionalDouble.of(longest);
    }
}
