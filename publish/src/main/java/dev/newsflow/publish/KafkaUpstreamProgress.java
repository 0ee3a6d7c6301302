package dev.newsflow.publish;

import dev.newsflow.runtime.Admins;
import dev.newsflow.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link UpstreamProgress} asked of the brokers, off the stream thread: {@link #caughtUp} answers from what is known
 * and asks for more in the background, so the release timer never waits on Kafka inside its transaction (a burst of
 * embargoes due at once had asked once each, and the transaction timed out). What is known only grows: once every
 * record written before a time has reached publish, it stays so. A check, in this order:
 * <ol>
 *   <li>enrich's committed offset on the raw partition has reached the first record written at or after the time
 *       (the raw topic's timestamps are ingest's send times; when no record is that late, the partition's end), so
 *       what was written before it is enriched, and under exactly-once its output was written before that offset
 *       was committed;</li>
 *   <li>then publish's committed offset on the enriched partition has reached the partition's high watermark, read
 *       after step 1 and with enrich's transactions open or not: Kafka Streams commits the next offset to process, or
 *       the consumer's position once nothing is buffered, which passes transaction markers and aborted records. (The
 *       last committed record would do only once the transaction's marker is written, which may come after its
 *       offsets' marker.)</li>
 * </ol>
 * Per partition, the latest and the earliest time asked about since the last check are checked, the latest first: one
 * answer then releases every embargo due by then. After a restart, publish commits a partition's position only once it
 * has read from it again, so an idle partition may wait for the next article.
 */
public final class KafkaUpstreamProgress implements UpstreamProgress, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaUpstreamProgress.class);

    private final Admin admin;
    private final String enrichGroup;
    private final String publishGroup;
    private final Duration timeout;
    private final ExecutorService checker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "newsflow-publish-upstream-check");
        thread.setDaemon(true);
        return thread;
    });
    /** Per partition, the latest time before which everything written is known to have reached publish. */
    private final Map<Integer, Instant> confirmed = new ConcurrentHashMap<>();
    /** Per partition, the earliest and latest time asked about and not yet confirmed. */
    private final Map<Integer, Instant[]> asked = new ConcurrentHashMap<>();
    private final Set<Integer> checking = ConcurrentHashMap.newKeySet();
    /** What has been said at WARN once: a check that fails for a reason a retry will not change. */
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    /** Whether the raw and enriched topics have as many partitions as each other; null until Kafka has said. */
    private volatile Boolean samePartitions;

    public KafkaUpstreamProgress(Properties kafka, String enrichGroup, String publishGroup, Duration timeout) {
        this(Admins.withTimeout(kafka, publishGroup + "-upstream", timeout), enrichGroup, publishGroup, timeout);
    }

    KafkaUpstreamProgress(Admin admin, String enrichGroup, String publishGroup, Duration timeout) {
        this.admin = admin;
        this.enrichGroup = enrichGroup;
        this.publishGroup = publishGroup;
        this.timeout = timeout;
    }

    @Override
    public boolean caughtUp(int partition, Instant time) {
        Instant known = confirmed.get(partition);
        if (known != null && !known.isBefore(time)) {
            return true;
        }
        asked.merge(partition, new Instant[] {time, time}, (was, now) -> new Instant[] {
                was[0].isBefore(now[0]) ? was[0] : now[0], was[1].isAfter(now[1]) ? was[1] : now[1]});
        if (checking.add(partition)) {
            try {
                checker.execute(() -> checkAsked(partition));
            } catch (RejectedExecutionException closed) {
                checking.remove(partition);
            }
        }
        return false;
    }

    private void checkAsked(int partition) {
        try {
            Instant[] times = asked.remove(partition);
            if (times == null) {
                return;
            }
            for (Instant time : times[1].equals(times[0]) ? new Instant[] {times[1]} : new Instant[] {times[1], times[0]}) {
                // the latest first: when it is clear, everything asked about is
                if (check(partition, time)) {
                    confirmed.merge(partition, time, (a, b) -> a.isAfter(b) ? a : b);
                    return;
                }
            }
        } finally {
            checking.remove(partition);
        }
    }

    /** Step 1 and 2 above, now, on the calling thread; false when they do not hold or Kafka did not answer. */
    boolean check(int partition, Instant time) {
        TopicPartition raw = new TopicPartition(Topics.ARTICLES_RAW, partition);
        TopicPartition enriched = new TopicPartition(Topics.ARTICLES_ENRICHED, partition);
        try {
            if (!samePartitions()) {
                return false; // the raw partition of this enriched one is not known: only later articles release it
            }
            long firstAtOrAfter = offset(raw, OffsetSpec.forTimestamp(time.toEpochMilli()));
            long rawTarget = firstAtOrAfter >= 0 ? firstAtOrAfter : offset(raw, OffsetSpec.latest());
            Long enriching = committed(enrichGroup, raw);
            if (enriching == null && rawTarget > 0 && warned.add("no-enrich-offset-" + partition)) {
                log.warn("Consumer group {} has committed no offset on {}-{}: embargoed versions on that partition wait"
                        + " until an article received after their embargo comes through. If enrich runs under another"
                        + " application id, set NEWSFLOW_ENRICH_APPLICATION_ID on publish", enrichGroup,
                        Topics.ARTICLES_RAW, partition);
            }
            if ((enriching == null ? 0 : enriching) < rawTarget) {
                return false;
            }
            long enrichedEnd = offset(enriched, OffsetSpec.latest()); // after enrich's offset: its output included
            Long publishing = committed(publishGroup, enriched);
            return (publishing == null ? 0 : publishing) >= enrichedEnd;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if ((cause instanceof org.apache.kafka.common.errors.AuthorizationException
                    || cause instanceof org.apache.kafka.common.errors.AuthenticationException)
                    && warned.add(cause.getClass().getName())) {
                log.warn("Cannot tell whether what was sent before an embargo has reached publish: {}. publish needs"
                        + " Describe on the consumer groups {} and {} and on the topics {} and {}; until then an"
                        + " embargoed version waits for an article received after its embargo", cause, enrichGroup,
                        publishGroup, Topics.ARTICLES_RAW, Topics.ARTICLES_ENRICHED);
            }
            log.debug("Upstream progress unknown partition={} time={}: {}", partition, time, e.toString());
            return false;
        } catch (java.util.concurrent.TimeoutException | RuntimeException e) {
            log.debug("Upstream progress unknown partition={} time={}: {}", partition, time, e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean samePartitions()
            throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        if (samePartitions == null) {
            Map<String, org.apache.kafka.clients.admin.TopicDescription> topics = admin
                    .describeTopics(java.util.List.of(Topics.ARTICLES_RAW, Topics.ARTICLES_ENRICHED)).allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            java.util.Optional<String> mismatch = dev.newsflow.runtime.TopicSetup.samePartitionCount(topics,
                    Topics.ARTICLES_RAW, Topics.ARTICLES_ENRICHED);
            samePartitions = mismatch.isEmpty();
            mismatch.ifPresent(problem -> log.error("{}. Meanwhile publish cannot tell how far enrich has read an"
                    + " article's raw partition, so an embargoed version is released only once an article received"
                    + " after its embargo has come through on the same partition", problem));
        }
        return samePartitions;
    }

    /** The partition's offset for {@code spec}, counting records of open and aborted transactions and markers too. */
    private long offset(TopicPartition partition, OffsetSpec spec)
            throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        return admin.listOffsets(Map.of(partition, spec), new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED))
                .partitionResult(partition).get(timeout.toMillis(), TimeUnit.MILLISECONDS).offset();
    }

    /** The group's committed offset on the partition; null when it has committed none. */
    private Long committed(String group, TopicPartition partition)
            throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        ListConsumerGroupOffsetsSpec spec = new ListConsumerGroupOffsetsSpec().topicPartitions(java.util.List.of(partition));
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(Map.of(group, spec))
                .partitionsToOffsetAndMetadata(group).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        OffsetAndMetadata offset = offsets.get(partition);
        return offset == null ? null : offset.offset();
    }

    @Override
    public void close() {
        checker.shutdownNow();
        admin.close(Duration.ofSeconds(5));
    }
}
