package dev.newsflow.runtime;

import java.time.Clock;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * First step of a stage: raw bytes in, a decoded value or a dead letter out. Decoding here rather than in a serde
 * keeps unreadable bytes, with their source coordinates, and lets the stream go on.
 */
public final class DecodeProcessor<T extends SpecificRecordBase> implements FixedKeyProcessor<byte[], byte[], Outcome<T>> {

    private final KeyedDecoder<T> decoder;
    private final Clock clock;
    private FixedKeyProcessorContext<byte[], Outcome<T>> context;

    public DecodeProcessor(KeyedDecoder<T> decoder, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
    }

    @Override
    public void init(FixedKeyProcessorContext<byte[], Outcome<T>> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<byte[], byte[]> record) {
        // stamped now: a dead letter of a replayed record must not look as old as the record to its topic's retention
        context.forward(record.withValue(
                decoder.decode(record.key(), record.value(), context.recordMetadata(), clock.instant()))
                .withTimestamp(clock.millis()));
    }
}
