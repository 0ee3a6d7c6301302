package dev.newsflow.publish;

import dev.newsflow.runtime.Admins;
import dev.newsflow.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
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
 * {@link UpstreamProgress} asked of the brokers, in this order:
 * <ol>
 *   <li>enrich's committed offset on the raw partition has reached the first record written at or after the time
 *       (the raw topic's timestamps are ingest's send times; when no record is that late, the partition's end), so
 *       what was written before it is enriched, and under exactly-once its output is committed with that offset;</li>
 *   <li>then publish's committed offset on the enriched partition has reached that partition's last committed
 *       record, read after step 1. Kafka Streams commits the next offset to process, or the consumer's position once
 *       nothing is buffered, which moves past transaction markers, so "caught up" is equality, not "within one".</li>
 * </ol>
 * Asked only when a held version is due and nothing newer than its embargo has reached publish on that partition,
 * so at most a few times a second; each call gives up after the timeout, and a release then waits for the next check.
 */
public final class KafkaUpstreamProgress implements UpstreamProgress, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaUpstreamProgress.class);

    private final Admin admin;
    private final String enrichGroup;
    private final String publishGroup;
    private final Duration timeout;
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
        TopicPartition raw = new TopicPartition(Topics.ARTICLES_RAW, partition);
        TopicPartition enriched = new TopicPartition(Topics.ARTICLES_ENRICHED, partition);
        try {
            if (!samePartitions()) {
                return false; // the raw partition of this enriched one is not known: only later articles release it
            }
            long firstAtOrAfter = offset(raw, OffsetSpec.forTimestamp(time.toEpochMilli()));
            long rawTarget = firstAtOrAfter >= 0 ? firstAtOrAfter : offset(raw, OffsetSpec.latest());
            long enriching = committed(enrichGroup, raw);
            if (enriching < rawTarget) {
                return false;
            }
            long enrichedEnd = offset(enriched, OffsetSpec.latest()); // after enrich's offset: its output included
            return committed(publishGroup, enriched) >= enrichedEnd;
        } catch (ExecutionException | java.util.concurrent.TimeoutException | RuntimeException e) {
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
            int raw = topics.get(Topics.ARTICLES_RAW).partitions().size();
            int enriched = topics.get(Topics.ARTICLES_ENRICHED).partitions().size();
            samePartitions = raw == enriched;
            if (raw != enriched) {
                log.error("{} has {} partitions and {} {}: publish cannot tell how far enrich has read an article's raw"
                        + " partition, so an embargoed version is released only once an article received after its"
                        + " embargo has come through on the same partition", Topics.ARTICLES_RAW, raw,
                        Topics.ARTICLES_ENRICHED, enriched);
            }
        }
        return samePartitions;
    }

    private long offset(TopicPartition partition, OffsetSpec spec)
            throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        return admin.listOffsets(Map.of(partition, spec), new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                .partitionResult(partition).get(timeout.toMillis(), TimeUnit.MILLISECONDS).offset();
    }

    /** The group's committed offset on the partition; 0 when it has committed none (nothing processed yet). */
    private long committed(String group, TopicPartition partition)
            throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        ListConsumerGroupOffsetsSpec spec = new ListConsumerGroupOffsetsSpec().topicPartitions(java.util.List.of(partition));
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(Map.of(group, spec))
                .partitionsToOffsetAndMetadata(group).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        OffsetAndMetadata offset = offsets.get(partition);
        return offset == null ? 0 : offset.offset();
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
