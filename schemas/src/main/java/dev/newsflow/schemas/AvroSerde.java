package dev.newsflow.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Registry-free Kafka serde on Avro single-object encoding ({@code C3 01} + 8-byte schema fingerprint + body).
 * The decoder knows every released version of the record, so data written by older producers still decodes.
 * Thread-safe: Avro's message encoder and decoder keep per-thread buffers.
 */
public final class AvroSerde<T extends SpecificRecordBase> implements Serde<T> {

    private final Class<T> type;
    private final Schema schema;
    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;

    private AvroSerde(Class<T> type, Schema schema) {
        AvroTrust.ensure();
        this.type = type;
        this.schema = schema;
        SpecificData model = SpecificData.getForClass(type);
        SchemaStore.Cache history = new SchemaStore.Cache();
        // a producer must never write a version no deployed reader was given: refuse a schema that is not released
        List<Schema> released = SchemaHistory.released(schema.getName());
        if (SchemaHistory.versionOf(schema, released) == 0) {
            throw new IllegalStateException(schema.getName() + " is not a released schema version: run the schemas"
                    + " module's tests (SchemaEvolutionTest says how to release it)");
        }
        released.forEach(history::addSchema);
        this.encoder = new BinaryMessageEncoder<>(model, schema);
        this.decoder = new BinaryMessageDecoder<>(model, schema, history);
    }

    /** A serde for a generated record class, e.g. {@code AvroSerde.of(RawArticle.class)}. */
    public static <T extends SpecificRecordBase> AvroSerde<T> of(Class<T> type) {
        return new AvroSerde<>(type, schemaOf(type));
    }

    /** The schema this serde writes, the record class's. */
    public Schema schema() {
        return schema;
    }

    private static Schema schemaOf(Class<?> type) {
        try {
            return (Schema) type.getMethod("getClassSchema").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(type + " is not an Avro generated record class", e);
        }
    }

    public byte[] encode(T value) {
        try {
            ByteBuffer buffer = encoder.encode(value);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + type.getSimpleName(), e);
        }
    }

    /** @throws SerializationException when the bytes are not a readable {@code T} of any released version */
    public T decode(byte[] bytes) {
        try {
            return decoder.decode(bytes);
        } catch (MissingSchemaException e) {
            // Avro names the fingerprint in decimal; the schema files and tools name it in hex. Without Avro's exception
            // as the cause: dead letters quote a root cause, and the same fingerprint twice in two bases misled
            throw new SerializationException("not a readable %s: written with a schema version this reader does not know"
                    .formatted(type.getSimpleName()) + " (schema fingerprint %016x): upgrade newsflow-schemas to the version the writer uses (docs/consumers.md, Upgrades)"
                    .formatted(fingerprint(bytes)));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("not a readable " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** The writer's fingerprint in a single-object message: 8 bytes, little-endian, after the 2-byte marker. */
    private static long fingerprint(byte[] bytes) {
        return bytes.length < 10 ? 0 : ByteBuffer.wrap(bytes, 2, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : encode(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> bytes == null ? null : decode(bytes);
    }
}
