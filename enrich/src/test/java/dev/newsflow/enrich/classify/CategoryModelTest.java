package dev.newsflow.enrich.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class CategoryModelTest {

    private final CategoryModel model = SyntheticCorpus.model(7L);

    @Test
    void shouldReadBackWhatItWrote() throws IOException {
        byte[] bytes = model.toBytes();

        CategoryModel read = CategoryModel.fromBytes(bytes);

        assertThat(read.toBytes()).isEqualTo(bytes);
        assertThat(read.version()).isEqualTo(model.version());
    }

    @Test
    void shouldRefuseAModelTrainedWithOtherWordTables() throws IOException {
        String fingerprint = WordEmbeddings.bundled().fingerprint();
        byte[] raw = gunzip(model.toBytes());
        String other = "0".repeat(fingerprint.length());
        byte[] patched = replace(raw, fingerprint.getBytes(StandardCharsets.UTF_8), other.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> CategoryModel.fromBytes(gzip(patched)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(other).hasMessageContaining(fingerprint).hasMessageContaining("retrain");
    }

    @Test
    void shouldRefuseDataAfterTheLastSubModel() throws IOException {
        byte[] raw = gunzip(model.toBytes());
        byte[] longer = java.util.Arrays.copyOf(raw, raw.length + 1);

        assertThatThrownBy(() -> CategoryModel.fromBytes(gzip(longer)))
                .isInstanceOf(IOException.class).hasMessageContaining("data after the last sub-model");
    }

    @Test
    void shouldRefuseAFileWhoseContentDoesNotMatchItsChecksum() {
        byte[] bytes = model.toBytes();
        bytes[bytes.length - 8] ^= 1; // gzip's CRC-32 of the content, in the trailer

        assertThatThrownBy(() -> CategoryModel.fromBytes(bytes)).isInstanceOf(IOException.class);
    }

    @Test
    void shouldNameTheFileByItsChecksum() {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(model.toBytes());

        assertThat(model.version()).isEqualTo(CategoryModel.VERSION_PREFIX + String.format("%08x", crc.getValue()));
    }

    private static byte[] replace(byte[] bytes, byte[] from, byte[] to) {
        for (int i = 0; i + from.length <= bytes.length; i++) {
            boolean match = true;
            for (int k = 0; k < from.length && match; k++) {
                match = bytes[i + k] == from[k];
            }
            if (match) {
                byte[] copy = bytes.clone();
                System.arraycopy(to, 0, copy, i, to.length);
                return copy;
            }
        }
        throw new AssertionError("fingerprint not found in the model file");
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }
}
