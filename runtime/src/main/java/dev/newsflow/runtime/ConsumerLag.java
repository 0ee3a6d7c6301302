package dev.newsflow.runtime;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far a stage's consumer group is behind its input topics, asked of the brokers: the committed offsets of the
 * group against the topics' last committed records (in offsets: compaction gaps and transaction markers count). The
 * consumer's own lag metric vanishes when the stage's threads are stuck or dead, which is when lag matters; this one
 * goes on as long as the process and Kafka answer. Measured every {@code every} on a thread of its own once
 * {@link #start()}ed, so a scrape never waits on Kafka. Thread-safe.
 */
public final class ConsumerLag implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConsumerLag.class);

    private final Admin admin;
    private final String groupId;
    private final List<String> topics;
    private final Duration timeout;
    private final Duration cacheFor;
    private final Clock clock;
    private Instant computedAt = Instant.MIN;
    private volatile Map<String, Long> last = Map.of();
    private volatile java.util.concurrent.ScheduledExecutorService refresher;
    /** Since when Kafka has not answered the measurement, or null: a stage's one line that Kafka is out of reach. */
    private Instant failingSince;

    public ConsumerLag(Properties kafka, String groupId, Collection<String> topics, Duration timeout, Duration cacheFor,
                       Clock clock) {
        this.admin = Admins.withTimeout(kafka, groupId + "-lag", timeout);
        this.groupId = groupId;
        this.topics = List.copyOf(topics);
        this.timeout = timeout;
        this.cacheFor = cacheFor;
        this.clock = clock;
    }

    /** {@code newsflow_consumer_lag_records{topic}}: records not yet processed; NaN while Kafka does not answer. */
    public void bindTo(MeterRegistry registry) {
        for (String topic : topics) {
            Gauge.builder("newsflow.consumer.lag", this, lag -> lag.lagOf(topic))
                    .description("Records of the input topic the stage has not processed yet (from the brokers)")
                    .tag("topic", topic).baseUnit("records").register(registry);
        }
    }

    private double lagOf(String topic) {
        // started: the last measurement, never a Kafka call on the scrape's thread
        Long lag = (refresher != null ? last : lagByTopic()).get(topic);
        return lag == null ? Double.NaN : lag;
    }

    /** Measures now and then every {@code cacheFor} on a daemon thread; the gauges read the last measurement. */
    public synchronized void start() {
        if (refresher != null) {
            return;
        }
        refresher = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, groupId + "-lag");
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleWithFixedDelay(this::refresh, 0, Math.max(1, cacheFor.toMillis()), TimeUnit.MILLISECONDS);
    }

    private void refresh() {
        synchronized (this) {
            computedAt = Instant.MIN; // a due measurement, whatever the cache says
        }
        try {
            lagByTopic();
        } catch (RuntimeException e) {
            // an exception out of a scheduled task cancels every later run: the gauge would freeze on its last value
            log.debug("Consumer lag not measured group={} reason={}", groupId, e.toString());
            last = Map.of();
        }
    }

    /** Records behind per input topic; a topic missing from the answer could not be measured just now. */
    public synchronized Map<String, Long> lagByTopic() {
        Instant now = clock.instant();
        if (now.isBefore(computedAt.plus(cacheFor))) {
            return last;
        }
        computedAt = now;
        try {
            last = compute();
            if (failingSince != null) {
                log.info("Kafka answers again group={} afterSeconds={}", groupId,
                        Duration.between(failingSince, now).toSeconds());
                failingSince = null;
            }
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // the clients' own network logs are kept at ERROR (they repeat every second): this is the stage's line
            if (failingSince == null) {
                failingSince = now;
                log.warn("Kafka does not answer group={} reason={}: the stage waits and goes on when it answers;"
                        + " lag is NaN meanwhile and /health/ready shows brokerError", groupId,
                        LogValues.printable(String.valueOf(e instanceof ExecutionException && e.getCause() != null
                                ? e.getCause() : e), 300));
            } else {
                log.debug("Consumer lag not measured group={} reason={}", groupId, e.toString());
            }
            last = Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            last = Map.of();
        }
        return last;
    }

    private Map<String, Long> compute() throws ExecutionException, InterruptedException, TimeoutException {
        long ms = timeout.toMillis();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get(ms, TimeUnit.MILLISECONDS).forEach((name, description) ->
                description.partitions().forEach(p -> {
                    TopicPartition tp = new TopicPartition(name, p.partition());
                    latest.put(tp, OffsetSpec.latest());
                    earliest.put(tp, OffsetSpec.earliest());
                }));
        // read_committed: the stages read committed records only, and a transaction's marker is not a record behind
        ListOffsetsOptions committedOnly = new ListOffsetsOptions(IsolationLevel.READ_COMMITTED);
        Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest, committedOnly).all().get(ms, TimeUnit.MILLISECONDS);
        Map<TopicPartition, ListOffsetsResultInfo> starts = admin.listOffsets(earliest, committedOnly).all().get(ms, TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get(ms, TimeUnit.MILLISECONDS);
        Map<String, Long> lag = new HashMap<>();
        topics.forEach(t -> lag.put(t, 0L));
        ends.forEach((tp, end) -> {
            OffsetAndMetadata position = committed.get(tp);
            long start = starts.get(tp).offset();
            // nothing committed: all of it; committed before the log start (away longer than retention): what is left
            long from = position != null ? Math.max(position.offset(), start) : start;
            lag.merge(tp.topic(), Math.max(0, end.offset() - from), Long::sum);
        });
        return Map.copyOf(lag);
    }

    @Override
    public void close() {
        var running = refresher; // not under the lock: a measurement in progress holds it for seconds
        if (running != null) {
            running.shutdownNow();
        }
        admin.close(Duration.ofSeconds(2));
    }
}
