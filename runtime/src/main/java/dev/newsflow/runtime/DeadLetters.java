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
    private final LogThrottle logThrottle = new LogThrottle();

    /**
     * Largest value a dead letter carries whole. A record read from a topic may be far larger once uncompressed than
     * the producer may write; the rest stays at the source coordinates the dead letter names.
     */
    static final int MAX_CARRIED_VALUE_BYTES = 1024 * 1024;

    public DeadLetters(String stage, MeterRegistry registry) {
        this.stage = stage;
        this.registry = registry;
        // registered at 0: an alert on increase(newsflow_dead_letters_total[5m]) > 0 needs the series before the first
        // dead letter, or it has nothing to compare the first one with
        DeadLetterReason.of(stage).forEach(this::counter);
    }

    private Counter counter(DeadLetterReason reason) {
        return Counter.builder("newsflow.dead.letters").description("Records sent to a dead-letter topic, by reason")
                .tag("stage", stage).tag("reason", reason.code()).register(registry);
    }

    public DeadLetter create(byte[] key, byte[] value, DeadLetterReason reason, Throwable error,
                             Optional<RecordMetadata> source, Instant now) {
        String topic = source.map(RecordMetadata::topic).orElse("unknown");
        int partition = source.map(RecordMetadata::partition).orElse(-1);
        long offset = source.map(RecordMetadata::offset).orElse(-1L);
        String detail = error == null ? null : truncate(describe(error));
        if (value != null && value.length > MAX_CARRIED_VALUE_BYTES) {
            detail = (detail == null ? "" : detail + "; ") + "value cut to its first " + MAX_CARRIED_VALUE_BYTES + " of "
                    + value.length + " bytes (the whole record is at the source offset)";
            value = java.util.Arrays.copyOf(value, MAX_CARRIED_VALUE_BYTES);
        }
        counter(reason).increment();
        // one line per reason a second at most (the counter has every one): a schema upgraded in the wrong order
        // dead-letters every record, and the log must still be readable
        long since = logThrottle.admit(reason.code());
        if (since > 0) {
            String line = "Dead letter stage={} reason={} topic={} partition={} offset={} articleId={} exception={} detail={}"
                    + " deadLettersSinceLastLog={}";
            Object[] args = {stage, reason, topic, partition, offset, printableKey(key),
                    // the detail can quote client input (an id that never passed ingest): one line, however forged
                    error == null ? null : error.getClass().getName(), LogValues.printable(detail, MAX_DETAIL), since};
            if (error != null && !reason.foreseen()) {
                // no foreseen cause: the stack trace is what lets a developer find it
                log.warn(line, append(args, error));
            } else {
                log.warn(line, args);
            }
        }
        return DeadLetter.newBuilder()
                .setKey(key == null ? null : ByteBuffer.wrap(key))
                .setValue(value == null ? null : ByteBuffer.wrap(value))
                .setReason(reason.code())
                .setDetail(detail)
                .setExceptionClass(error == null ? null : error.getClass().getName())
                .setSourceTopic(topic)
                .setSourcePartition(partition)
                .setSourceOffset(offset)
                .setStage(stage)
                .setFailedAt(now)
                .build();
    }

    /** Where a dead letter came from, when Kafka Streams gives no RecordMetadata: a handler's context, a store read by a timer. */
    public static RecordMetadata origin(String name, int partition, long offset) {
        return new RecordMetadata() {
            @Override
            public String topic() {
                return name;
            }

            @Override
            public int partition() {
                return partition;
            }

            @Override
            public long offset() {
                return offset;
            }
        };
    }

    private static Object[] append(Object[] args, Throwable error) {
        Object[] withError = java.util.Arrays.copyOf(args, args.length + 1);
        withError[args.length] = error;
        return withError;
    }

    /** The message, and the root cause when there is another one: "not a readable X: ... (cause: Y: ...)". */
    static String describe(Throwable error) {
        Throwable root = error;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 20; depth++) {
            root = root.getCause();
        }
        String message = String.valueOf(error.getMessage());
        if (root == error || message.contains(String.valueOf(root.getMessage()))) {
            return message;
        }
        return message + " (cause: " + root.getClass().getName() + ": " + root.getMessage() + ")";
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
