package dev.newsflow.runtime;

import dev.newsflow.schemas.AvroSerde;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Decodes a record's value and checks that its key is the article id, turning every failure into a dead letter
 * with a stable reason ({@code null-value}, {@code record-too-large}, {@code undecodable-record}, {@code key-mismatch}).
 */
public final class KeyedDecoder<T extends SpecificRecordBase> {

    /**
     * Largest record value a stage reads: twice ingest's largest article, and half of Topics.MAX_MESSAGE_BYTES, so an
     * enriched article or a post (body as escaped HTML) made from it still fits on its topic.
     */
    public static final int MAX_VALUE_BYTES = 4 * 1024 * 1024;

    private final AvroSerde<T> serde;
    private final Function<T, String> idOf;
    private final DeadLetters deadLetters;

    public KeyedDecoder(AvroSerde<T> serde, Function<T, String> idOf, DeadLetters deadLetters) {
        this.serde = serde;
        this.idOf = idOf;
        this.deadLetters = deadLetters;
    }

    public Outcome<T> decode(byte[] key, byte[] value, Optional<RecordMetadata> source, Instant now) {
        if (value == null) {
            // most often a tombstone written by hand to delete an article from the compacted raw topic
            return Outcome.failed(deadLetters.create(key, null, DeadLetterReason.NULL_VALUE, new IllegalArgumentException(
                    "a record without a value (a tombstone): it deletes nothing downstream; to take an article down send a"
                            + " kill (DELETE /v1/articles/<id>, or pubStatus canceled)"), source, now));
        }
        if (value.length > MAX_VALUE_BYTES) {
            // written past ingest's limits: what a stage makes of it could exceed what Kafka takes (max.message.bytes),
            // and a refused write under exactly-once aborts the transaction and stops the stage on this record for good
            return Outcome.failed(deadLetters.create(key, value, DeadLetterReason.RECORD_TOO_LARGE, new IllegalArgumentException(
                    "value of " + value.length + " bytes, more than the " + MAX_VALUE_BYTES + " a stage reads"), source, now));
        }
        T decoded;
        try {
            decoded = serde.decode(value);
        } catch (SerializationException e) {
            return Outcome.failed(deadLetters.create(key, value, DeadLetterReason.UNDECODABLE_RECORD, e, source, now));
        }
        String id = idOf.apply(decoded);
        if (key == null || !id.equals(new String(key, StandardCharsets.UTF_8))) {
            return Outcome.failed(deadLetters.create(key, value, DeadLetterReason.KEY_MISMATCH,
                    new IllegalArgumentException("record key must be the article id " + id), source, now));
        }
        return Outcome.ok(decoded);
    }
}
