package dev.newsflow.runtime;

import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import dev.newsflow.schemas.Topics;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;

/** Kafka Streams settings every stage shares: exactly-once v2, explicit names, byte-array defaults. */
public final class StreamsSettings {

    private StreamsSettings() {
    }

    public static Properties forStage(Settings settings, String applicationId, Path stateDir) {
        return forStage(settings, applicationId, stateDir, null, null, null);
    }

    /**
     * As {@link #forStage(Settings, String, Path)}, with exceptions no processor caught sent to {@code deadLetterTopic}
     * ({@link DeadLetterQueueHandler}) instead of killing the stream thread.
     */
    public static Properties forStage(Settings settings, String applicationId, Path stateDir, String stage,
                                      String deadLetterTopic, io.micrometer.core.instrument.MeterRegistry registry) {
        Properties props = settings.kafkaProperties();
        // a record the broker refuses: one line saying which topic, which source record and what to check
        props.putIfAbsent(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, ProductionFailures.class.getName());
        if (stage != null) {
            props.put(DeadLetterQueueHandler.STAGE, stage);
        }
        if (registry != null) {
            props.put(DeadLetterQueueHandler.REGISTRY, registry);
        }
        if (deadLetterTopic != null) {
            props.putIfAbsent(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterQueueHandler.class.getName());
            props.put(DeadLetterQueueHandler.TOPIC, deadLetterTopic);
        }
        props.putIfAbsent(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.putIfAbsent(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.putIfAbsent(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class.getName());
        props.putIfAbsent(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class.getName());
        props.putIfAbsent(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "1");
        props.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        props.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), Topics.MAX_MESSAGE_BYTES);
        // internal topics (publish's changelogs are the record of kills, live versions and URLs) as many copies as ours
        TopicSetup.Replication replication = StageConfig.replication(settings.newsflow());
        replication.factor().ifPresent(f -> props.putIfAbsent(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) f));
        replication.minInsyncReplicas().ifPresent(isr ->
                props.putIfAbsent(StreamsConfig.topicPrefix(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG), String.valueOf(isr)));
        // state stores' changelogs hold whole posts and articles: the broker's 1 MiB default would refuse a large one
        props.putIfAbsent(StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG), Topics.MAX_MESSAGE_BYTES);
        // and publish's held articles: a killed or cancelled one's words leave the changelog within about two hours,
        // as on our compacted topics (the broker rolls an open segment only after 7 days, and never compacts it)
        String deadline = String.valueOf(Topics.COMPACTION_DEADLINE.toMillis());
        props.putIfAbsent(StreamsConfig.topicPrefix(TopicConfig.SEGMENT_MS_CONFIG), deadline);
        props.putIfAbsent(StreamsConfig.topicPrefix(TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG), deadline);
        props.putIfAbsent(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        props.putIfAbsent(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, "true"); // the 5.0 default
        // Kafka Streams 4.4 also builds a StreamsConfig from the main consumer's settings (the partition assignor's),
        // which lack the key above, and warns at every start that the handler is off; passed to that consumer too,
        // the warning is gone (the consumer ignores a key it does not know)
        props.putIfAbsent(StreamsConfig.mainConsumerPrefix(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG), "true");
        // one article must never be published twice or lost between topics
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // generated names change when the topology changes, and state would be lost with them
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");
        return props;
    }
}
