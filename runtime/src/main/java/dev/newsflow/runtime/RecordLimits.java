package dev.newsflow.runtime;

import dev.newsflow.schemas.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Streams stage starts only if every topic it writes takes records as large as the pipeline writes
 * ({@link Topics#MAX_MESSAGE_BYTES}).
 *
 * <p>Why fail rather than warn: under exactly-once, a record a topic refuses cannot be skipped. The refusal puts the
 * producer's transaction in an error state (measured on Kafka 4.4, whether the broker refuses it or the producer's own
 * {@code max.request.size} does), so the transaction is aborted, the input read again and refused again: the stream
 * thread dies in a loop, and every article on its partitions waits, with no dead letter. A topic made by hand at
 * the broker's 1 MiB default is enough for that to happen on the first long article.
 */
public final class RecordLimits {

    private static final Logger log = LoggerFactory.getLogger(RecordLimits.class);
    static final int PIPELINE_LIMIT = Integer.parseInt(Topics.MAX_MESSAGE_BYTES);

    private RecordLimits() {
    }

    /**
     * @throws TopicSetup.TopicMismatch naming each topic whose {@code max.message.bytes} is too small, and the command
     *                                  that fixes it; a topic that cannot be described (missing, or an ACL without
     *                                  DescribeConfigs) is left to Kafka Streams and logged
     */
    public static void requireFullSize(Properties kafka, Collection<String> topics, Duration timeout) {
        List<String> tooSmall = new ArrayList<>();
        List<String> unchecked = new ArrayList<>();
        try (Admin admin = Admins.withTimeout(kafka, "newsflow-record-limits", timeout)) {
            Map<ConfigResource, KafkaFuture<Config>> described = admin.describeConfigs(topics.stream()
                    .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList()).values();
            long deadline = System.nanoTime() + timeout.toNanos();
            for (Map.Entry<ConfigResource, KafkaFuture<Config>> topic : described.entrySet()) {
                try {
                    ConfigEntry limit = topic.getValue().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
                            .get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
                    if (limit != null && limit.value() != null && parse(limit.value()) < PIPELINE_LIMIT) {
                        tooSmall.add(topic.getKey().name() + " (max.message.bytes=" + limit.value() + ")");
                    }
                } catch (ExecutionException e) {
                    // not there yet: Kafka Streams creates it with the pipeline's limit (changelogs), or waits for it
                    if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                        unchecked.add(topic.getKey().name() + ": " + e.getCause().getClass().getSimpleName());
                    }
                }
            }
            if (!unchecked.isEmpty()) {
                unchecked.sort(null);
                log.warn("Cannot check the record size limit of some topics topics={}: make sure by hand that they take {}"
                        + " bytes", unchecked, PIPELINE_LIMIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException | RuntimeException e) {
            log.warn("Cannot check the topics' record size limits reason={}: make sure by hand that {} take {} bytes",
                    e.toString(), topics, PIPELINE_LIMIT);
        }
        if (!tooSmall.isEmpty()) {
            tooSmall.sort(null);
            throw new TopicSetup.TopicMismatch("topics " + tooSmall + " take smaller records than newsflow writes ("
                    + PIPELINE_LIMIT + " bytes): under exactly-once a record a topic refuses cannot be skipped, and would"
                    + " stop every article on its partitions; raise the limit with kafka-configs --alter --entity-type"
                    + " topics --entity-name TOPIC --add-config max.message.bytes=" + PIPELINE_LIMIT);
        }
    }

    /**
     * The largest record {@code topic} takes ({@code max.message.bytes}), or empty when Kafka does not say within
     * {@code timeout} (missing topic, an ACL without DescribeConfigs, Kafka out of reach).
     */
    public static java.util.OptionalLong maxMessageBytes(Properties kafka, String topic, Duration timeout) {
        try (Admin admin = Admins.withTimeout(kafka, "newsflow-record-limits", timeout)) {
            ConfigEntry limit = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, topic)))
                    .all().get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .get(new ConfigResource(ConfigResource.Type.TOPIC, topic)).get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
            return limit == null || limit.value() == null ? java.util.OptionalLong.empty()
                    : java.util.OptionalLong.of(Long.parseLong(limit.value().strip()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.OptionalLong.empty();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return java.util.OptionalLong.empty();
        }
    }

    private static int parse(String limit) {
        try {
            return Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            return PIPELINE_LIMIT;
        }
    }
}
