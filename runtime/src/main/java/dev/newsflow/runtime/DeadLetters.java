package dev.newsflow.runtime;

import dev.newsflow.schemas.avro.DeadLetter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes dead letters for one stage: raw bytes, a stable reason code, the exception and where the record came from.
 * Every dead letter is counted ({@code newsflow.dead.letters{stage,reason}}) and logged at WARN with stable keys.
 */
public final class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final int MAX_DETAIL = 2_000;

    private final String stage;
    private final MeterRegistry registry;

    /** Every reason a stage dead-letters for; their counters exist from the start, at 0. */
    public static final java.util.List<String> REASONS = java.util.List.of("undecodable-record", "null-value",
            "key-mismatch", "processing-failed", DeadLetterQueueHandler.REASON);

    public DeadLetters(String stage, MeterRegistry registry) {
        this.stage = stage;
        this.registry = registry;
        // registered at 0: an alert on increase(newsflow_dead_letters_total[5m]) > 0 needs the series before the first
        // dead letter, or it has nothing to compare the first one with
        REASONS.forEach(reason -> counter(reason));
    }

    private Counter counter(String reason) {
        return Counter.builder("newsflow.dead.letters").description("Records sent to a dead-letter topic, by reason")
                .tag("stage", stage).tag("reason", reason).register(registry);
    }

    public DeadLetter create(byte[] key, byte[] value, String reason, Throwable error,
                             Optional<RecordMetadata> source, Instant now) {
        String topic = source.map(RecordMetadata::topic).orElse("unknown");
        int partition = source.map(RecordMetadata::partition).orElse(-1);
        long offset = source.map(RecordMetadata::offset).orElse(-1L);
        String detail = error == null ? null : truncate(String.valueOf(error.getMessage()));
        counter(reason).increment();
        log.warn("Dead letter stage={} reason={} topic={} partition={} offset={} articleId={} exception={} detail={}",
                stage, reason, topic, partition, offset, printableKey(key),
                error == null ? null : error.getClass().getName(), detail);
        return DeadLetter.newBuilder()
                .setKey(key == null ? null : ByteBuffer.wrap(key))
                .setValue(value == null ? null : ByteBuffer.wrap(value))
                .setReason(reason)
                .setDetail(detail)
                .setExceptionClass(error == null ? null : error.getClass().getName())
                .setSourceTopic(topic)
                .setSourcePartition(partition)
                .setSourceOffset(offset)
                .setStage(stage)
                .setFailedAt(now)
                .build();
    }

    static String printableKey(byte[] key) {
        if (key == null) {
            return null;
        }
        return LogValues.printable(new String(key, java.nio.charset.StandardCharsets.UTF_8), 200);
    }

    private static String truncate(String s) {
        return s.length() <= MAX_DETAIL ? s : s.substring(0, MAX_DETAIL) + "…";
    }
}
