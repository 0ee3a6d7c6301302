package dev.newsflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.schemas.avro.ContentType;
import dev.newsflow.schemas.avro.PubStatus;
import dev.newsflow.schemas.avro.RawArticle;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

    static RawArticle anArticle() {
        return RawArticle.newBuilder()
                .setUri("urn:newsflow:test:1").setVersion(3).setProvider("cms")
                .setHeadline("Harbour bridge reopens").setBody("<p>It reopened.</p>").setContentType(ContentType.HTML)
                .setVersionCreated(Instant.parse("2026-11-28T10:00:00Z")).setPubStatus(PubStatus.USABLE)
                .setKeywords(List.of("bridge")).setReceivedAt(Instant.parse("2026-11-28T10:00:01Z"))
                .build();
    }

    @Test
    void shouldRoundTripARecordInSingleObjectEncoding() {
        byte[] bytes = Serdes.RAW_ARTICLE.encode(anArticle());

        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        assertThat(Serdes.RAW_ARTICLE.decode(bytes)).isEqualTo(anArticle());
    }

    @Test
    void shouldRejectBytesThatAreNotAnAvroMessage() {
        byte[] garbage = "{not avro}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Serdes.RAW_ARTICLE.decode(garbage))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("RawArticle");
    }

    @Test
    void shouldRejectAMessageWrittenWithAnUnknownSchema() throws Exception {
        Schema unknown = SchemaBuilder.record("RawArticle").namespace("elsewhere").fields()
                .requiredString("uri").endRecord();
        GenericRecord record = new GenericData.Record(unknown);
        record.put("uri", "x");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new BinaryMessageEncoder<GenericRecord>(GenericData.get(), unknown).encode(record, out);

        String fingerprint = String.format("%016x", SchemaNormalization.parsingFingerprint64(unknown));
        // the operator's and consumer's next step: which schema, and what to do about it
        assertThatThrownBy(() -> Serdes.RAW_ARTICLE.decode(out.toByteArray()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("schema fingerprint " + fingerprint)
                .hasMessageContaining("upgrade newsflow-schemas")
                // one base only: a dead letter quotes the root cause, and Avro's names the fingerprint in decimal
                .hasNoCause();
    }

    @Test
    void shouldDecodeEveryReleasedVersionOfTheRawArticle() throws Exception {
        for (Schema released : SchemaHistory.released("RawArticle")) {
            GenericRecord old = new GenericData.Record(released);
            for (Schema.Field field : released.getFields()) {
                old.put(field.name(), field.hasDefaultValue() ? GenericData.get().getDefaultValue(field) : null);
            }
            old.put("uri", "urn:old");
            old.put("version", 1L);
            old.put("provider", "legacy");
            old.put("headline", "Old headline");
            old.put("body", "Old body");
            old.put("contentType", new GenericData.EnumSymbol(released.getField("contentType").schema(), "PLAIN"));
            old.put("pubStatus", new GenericData.EnumSymbol(released.getField("pubStatus").schema(), "USABLE"));
            old.put("versionCreated", 1_000L);
            old.put("receivedAt", 2_000L);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new BinaryMessageEncoder<GenericRecord>(GenericData.get(), released).encode(old, out);

            RawArticle decoded = Serdes.RAW_ARTICLE.decode(out.toByteArray());

            assertThat(decoded.getUri()).isEqualTo("urn:old");
            assertThat(decoded.getHeadline()).isEqualTo("Old headline");
        }
    }
}
