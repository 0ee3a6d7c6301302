package dev.newsflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NdjsonLinesTest {

    private static List<NdjsonLines.Line> read(byte[] input, int maxBytes) throws IOException {
        List<NdjsonLines.Line> lines = new ArrayList<>();
        try (NdjsonLines reader = new NdjsonLines(new ByteArrayInputStream(input), maxBytes)) {
            NdjsonLines.Line line;
            while ((line = reader.next()) != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldSplitAtNewlinesDropCarriageReturnsAndKeepALastLineWithoutNewline() throws IOException {
        List<NdjsonLines.Line> lines = read(utf8("{\"a\":1}\r\n\n  \n{\"b\":\"é€\"}"), 100);

        assertThat(lines).extracting(NdjsonLines.Line::text).containsExactly("{\"a\":1}", "", "  ", "{\"b\":\"é€\"}");
        assertThat(lines).extracting(NdjsonLines.Line::number).containsExactly(1, 2, 3, 4);
        assertThat(lines.get(1).blank()).isTrue();
        assertThat(lines.get(2).blank()).isTrue();
        assertThat(lines.get(3).blank()).isFalse();
    }

    @Test
    void shouldReadNothingFromAnEmptyInput() throws IOException {
        assertThat(read(new byte[0], 10)).isEmpty();
    }

    @Test
    void shouldSkipAByteOrderMarkOnTheFirstLineOnly() throws IOException {
        List<NdjsonLines.Line> lines = read(utf8("\uFEFF{}\n\uFEFF{}\n"), 100);

        assertThat(lines.get(0).text()).isEqualTo("{}");
        assertThat(lines.get(1).text()).isEqualTo("\uFEFF{}");
    }

    @Test
    void shouldMarkALineThatIsNotUtf8AndReadTheNextOne() throws IOException {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.writeBytes(utf8("{\"headline\":\"caf"));
        input.write(0xE9); // Latin-1 é
        input.writeBytes(utf8("\"}\n{\"ok\":true}\n"));

        List<NdjsonLines.Line> lines = read(input.toByteArray(), 100);

        assertThat(lines.get(0).validUtf8()).isFalse();
        assertThat(lines.get(0).tooLong()).isFalse();
        assertThat(lines.get(0).text()).isNull();
        assertThat(lines.get(0).blank()).isFalse();
        assertThat(lines.get(1).text()).isEqualTo("{\"ok\":true}");
        assertThat(lines.get(1).number()).isEqualTo(2);
    }

    @Test
    void shouldMarkALineOverTheBoundWithoutKeepingItAndGoOnAfterIt() throws IOException {
        // longer than the 64 KiB read buffer too, so the skipping crosses buffer refills
        String huge = "x".repeat(200_000);
        List<NdjsonLines.Line> lines = read(utf8("short\n" + huge + "\n" + "x".repeat(10) + "\nlast"), 10);

        assertThat(lines).hasSize(4);
        assertThat(lines.get(0).text()).isEqualTo("short");
        assertThat(lines.get(1).tooLong()).isTrue();
        assertThat(lines.get(1).text()).isNull();
        assertThat(lines.get(1).validUtf8()).isTrue();
        assertThat(lines.get(2).text()).isEqualTo("x".repeat(10)); // exactly at the bound is kept
        assertThat(lines.get(3).text()).isEqualTo("last");
    }

    @Test
    void shouldKeepALongLineThatSpansSeveralBuffersWhole() throws IOException {
        String line = "é".repeat(100_000); // 200,000 bytes
        List<NdjsonLines.Line> lines = read(utf8(line + "\n" + line), 200_000);

        assertThat(lines).extracting(NdjsonLines.Line::text).containsExactly(line, line);
    }

    @Test
    void shouldSayWhetherALineIsWaiting() throws IOException {
        try (NdjsonLines reader = new NdjsonLines(new ByteArrayInputStream(utf8("a\nb\n")), 10)) {
            assertThat(reader.next().text()).isEqualTo("a");
            assertThat(reader.ready()).isTrue();
            assertThat(reader.next().text()).isEqualTo("b");
            assertThat(reader.ready()).isFalse();
            assertThat(reader.next()).isNull();
        }
    }
}
