package dev.newsflow.ingest;

import static dev.newsflow.ingest.ArticleJson.aKill;
import static dev.newsflow.ingest.ArticleJson.anArticle;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.schemas.Serdes;
import dev.newsflow.schemas.Topics;
import dev.newsflow.schemas.avro.RawArticle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NdjsonImporterTest {

    private static final String PROVIDER = "importer";
    private static final int MAX_LINE_CHARS = 4_096;

    @TempDir
    Path dir;

    private final ArticleParser parser = new ArticleParser(IngestLimits.defaults(),
            Clock.fixed(Instant.parse("2026-11-28T09:30:00Z"), ZoneOffset.UTC));
    private final MockProducer<String, RawArticle> producer =
            new MockProducer<>(true, null, new StringSerializer(), Serdes.RAW_ARTICLE.serializer());
    private final List<NdjsonImporter.Progress> progress = new ArrayList<>();

    @Test
    void shouldWriteEveryGoodLineKeyedById() throws IOException {
        Path file = file("good.ndjson", anArticle("a-1").json(), anArticle("a-2").json(), aKill("a-3").json());

        NdjsonImporter.Summary summary = importer().importFiles(List.of(file), PROVIDER, false, progress::add);

        assertThat(summary.lines()).isEqualTo(3);
        assertThat(summary.accepted()).isEqualTo(3);
        assertThat(summary.rejected()).isZero();
        assertThat(summary.failed()).isZero();
        assertThat(summary.problems()).isEmpty();
        assertThat(producer.history()).extracting(ProducerRecord::topic).containsOnly(Topics.ARTICLES_RAW);
        assertThat(producer.history()).extracting(ProducerRecord::key).containsExactly("a-1", "a-2", "a-3");
        assertThat(producer.history()).extracting(r -> r.value().getProvider()).containsOnly(PROVIDER);
    }

    @Test
    void shouldReportRejectedLinesByTheirLineNumberAndSkipBlankLines() throws IOException {
        Path file = file("mixed.ndjson", anArticle("a-1").json(), "", "{broken", "   ",
                anArticle("a-2").without("headline").json(), anArticle("a-3").json());

        NdjsonImporter.Summary summary = importer().importFiles(List.of(file), PROVIDER, false, progress::add);

        assertThat(summary.lines()).isEqualTo(4);
        assertThat(summary.accepted()).isEqualTo(2);
        assertThat(summary.rejected()).isEqualTo(2);
        assertThat(summary.problems()).extracting(NdjsonImporter.LineProblem::line).containsExactly(3, 5);
        assertThat(summary.problems()).extracting(NdjsonImporter.LineProblem::status).containsOnly("rejected");
        assertThat(summary.problems().get(1).reasons()).containsExactly("headline: is required");
        assertThat(summary.problems()).extracting(NdjsonImporter.LineProblem::file).containsOnly(file);
        assertThat(producer.history()).extracting(ProducerRecord::key).containsExactly("a-1", "a-3");
    }

    @Test
    void shouldRejectALineThatIsNotUtf8AndImportTheRest() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // a byte-order mark before the first line
        bytes.write((anArticle("a-1").json() + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        bytes.write(anArticle("a-2").with("headline", "Caf\u00e9").json()
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)); // a Latin-1 line: 0xE9 alone
        bytes.write('\n');
        bytes.write((anArticle("a-3").json() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path file = Files.write(dir.resolve("latin1.ndjson"), bytes.toByteArray());

        NdjsonImporter.Summary summary = importer().importFiles(List.of(file), PROVIDER, false, progress::add);

        assertThat(summary.accepted()).isEqualTo(2);
        assertThat(summary.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.reasons()).containsExactly("$: not valid UTF-8");
        });
        assertThat(producer.history()).extracting(ProducerRecord::key).containsExactly("a-1", "a-3");
    }

    @Test
    void shouldRejectALineLongerThanTheLimitWithoutParsingIt() throws IOException {
        Path file = file("long.ndjson", anArticle("a-1").with("body", "b".repeat(MAX_LINE_CHARS)).json());

        NdjsonImporter.Summary summary = importer().importFiles(List.of(file), PROVIDER, false, progress::add);

        assertThat(summary.rejected()).isEqualTo(1);
        assertThat(summary.problems()).singleElement()
                .satisfies(p -> assertThat(p.reasons()).singleElement().asString().contains("line longer than"));
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void shouldCountALinesLengthInBytesAsTheApiCountsARequest() throws IOException {
        // 3 bytes a character: under the limit in characters, over it in bytes, as the API would refuse it (413)
        Path file = file("cjk.ndjson", anArticle("a-1").with("body", "\u65b0".repeat(MAX_LINE_CHARS / 2)).json());

        NdjsonImporter.Summary summary = importer().importFiles(List.of(file), PROVIDER, false, progress::add);

        assertThat(summary.rejected()).isEqualTo(1);
        assertThat(summary.problems()).singleElement().satisfies(p -> assertThat(p.reasons()).singleElement().asString()
                .contains("line longer than " + MAX_LINE_CHARS + " bytes"));
    }

    @Test
    void shouldCountWritesKafkaDidNotAcknowledgeAsFailed() throws IOException {
        producer.sendException = new TimeoutException("metadata not available");
        Path file = file("failing.ndjson", anArticle("a-1").json(), "{}", anArticle("a-2").json());

        NdjsonImporter.Summary summary = importer().importFiles(List.of(file), PROVIDER, false, progress::add);

        assertThat(summary.accepted()).isZero();
        assertThat(summary.rejected()).isEqualTo(1);
        assertThat(summary.failed()).isEqualTo(2);
        assertThat(summary.problems()).filteredOn(p -> p.status().equals("failed"))
                .extracting(NdjsonImporter.LineProblem::line, NdjsonImporter.LineProblem::id)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "a-1"), org.assertj.core.groups.Tuple.tuple(3, "a-2"));
    }

    @Test
    void shouldSayKafkaRefusedAWriteForItsAclsNotThatItDidNotAnswer() throws IOException {
        producer.sendException = new org.apache.kafka.common.errors.TopicAuthorizationException(
                java.util.Set.of("news.articles.raw"));
        Path file = file("denied.ndjson", anArticle("a-1").json());

        NdjsonImporter.Summary summary = importer().importFiles(List.of(file), PROVIDER, false, progress::add);

        assertThat(summary.failed()).isEqualTo(1);
        assertThat(summary.problems()).singleElement().satisfies(p -> assertThat(p.reasons()).singleElement()
                .asString().startsWith("Kafka refused the write (TopicAuthorizationException)")
                .contains("ACLs or credentials", "news.articles.raw"));
    }

    @Test
    void shouldNameWhatToFixForEachKindOfRefusal() {
        assertThat(NdjsonImporter.refused(new org.apache.kafka.common.errors.SaslAuthenticationException("bad password")))
                .contains("(SaslAuthenticationException)", "ACLs or credentials", "bad password");
        assertThat(NdjsonImporter.refused(new org.apache.kafka.common.errors.InvalidTopicException()))
                .contains("(InvalidTopicException)", "cluster's or the topic's settings").doesNotContain("null");
    }

    @Test
    void shouldSayLinesNotSentAfterARefusalWereNotSentBecauseKafkaRefused() throws IOException {
        MockProducer<String, RawArticle> denied = new MockProducer<>(true, null, new StringSerializer(),
                Serdes.RAW_ARTICLE.serializer()) {
            @Override
            public synchronized java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata> send(
                    ProducerRecord<String, RawArticle> record, org.apache.kafka.clients.producer.Callback callback) {
                throw new org.apache.kafka.common.errors.TopicAuthorizationException(java.util.Set.of(record.topic()));
            }
        };
        Path file = file("denied-at-once.ndjson", anArticle("a-1").json(), anArticle("a-2").json());

        NdjsonImporter.Summary summary = new NdjsonImporter(parser, new ArticleWriter(denied), 1_000, MAX_LINE_CHARS)
                .importFiles(List.of(file), PROVIDER, false, progress::add);

        assertThat(summary.failed()).isEqualTo(2);
        assertThat(summary.problems()).filteredOn(p -> p.line() == 2).singleElement()
                .satisfies(p -> assertThat(p.reasons().get(0)).startsWith("not sent: Kafka refused an earlier write"));
    }

    @Test
    void shouldSendNothingMoreOnceASendFailsAtOnceAndSaySoPerLine() throws IOException {
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        MockProducer<String, RawArticle> unreachable = new MockProducer<>(true, null, new StringSerializer(),
                Serdes.RAW_ARTICLE.serializer()) {
            @Override
            public synchronized java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata> send(
                    ProducerRecord<String, RawArticle> record, org.apache.kafka.clients.producer.Callback callback) {
                attempts.incrementAndGet(); // each would block for max.block.ms against a real producer
                throw new TimeoutException("Topic news.articles.raw not present in metadata after 5000 ms");
            }
        };
        Path file = file("down.ndjson", anArticle("a-1").json(), anArticle("a-2").json(), "{}", anArticle("a-3").json());

        NdjsonImporter.Summary summary = new NdjsonImporter(parser, new ArticleWriter(unreachable), 1_000, MAX_LINE_CHARS)
                .importFiles(List.of(file), PROVIDER, false, progress::add);

        assertThat(attempts).hasValue(1);
        assertThat(summary.failed()).isEqualTo(3);
        assertThat(summary.rejected()).isEqualTo(1); // still validated
        assertThat(summary.problems()).filteredOn(p -> p.line() == 4).singleElement()
                .satisfies(p -> assertThat(p.reasons().get(0)).startsWith("not sent"));
    }

    @Test
    void shouldCountALineKafkaFindsTooLargeAsRejectedNotFailedAsTheApiDoes() throws IOException {
        producer.sendException = new org.apache.kafka.common.errors.RecordTooLargeException("too large");
        Path file = file("big.ndjson", anArticle("big").json());

        NdjsonImporter.Summary summary = importer().importFiles(List.of(file), PROVIDER, false, progress::add);

        assertThat(summary.failed()).isZero(); // "failed" means "send again", and this would fail the same way
        assertThat(summary.rejected()).isEqualTo(1);
        assertThat(summary.problems()).singleElement().satisfies(p -> {
            assertThat(p.status()).isEqualTo("rejected");
            assertThat(p.id()).isEqualTo("big");
        });
    }

    @Test
    void shouldHandEveryProblemToTheSinkButKeepOnlyTheFirstFiftyAndCountReasons() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            lines.add(anArticle("a-" + i).without("body").with("slugline", "x").json());
        }
        Path file = file("many.ndjson", lines.toArray(String[]::new));
        List<NdjsonImporter.LineProblem> sunk = new ArrayList<>();

        NdjsonImporter.Summary summary = importer().importFiles(List.of(file), PROVIDER, true, progress::add, sunk::add);

        assertThat(sunk).hasSize(70);
        assertThat(summary.problems()).hasSize(NdjsonImporter.KEPT_PROBLEMS);
        assertThat(summary.reasons()).containsExactly(java.util.Map.entry("body: is required", 70));
        assertThat(summary.ignoredFields()).containsExactly(java.util.Map.entry("slugline", 70));
        assertThat(sunk.get(69).id()).isEqualTo("a-69");
    }

    @Test
    void shouldValidateButWriteNothingInADryRun() throws IOException {
        Path file = file("dry.ndjson", anArticle("a-1").json(), "{}", anArticle("a-2").json());

        NdjsonImporter.Summary summary = importer().importFiles(List.of(file), PROVIDER, true, progress::add);

        assertThat(summary.accepted()).isEqualTo(2);
        assertThat(summary.rejected()).isEqualTo(1);
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void shouldNeedNoKafkaWriterForADryRun() throws IOException {
        Path file = file("dry-no-kafka.ndjson", anArticle("a-1").json(), "garbage");

        NdjsonImporter.Summary summary = new NdjsonImporter(parser, null, 5_000, MAX_LINE_CHARS)
                .importFiles(List.of(file), PROVIDER, true, progress::add);

        assertThat(summary.accepted()).isEqualTo(1);
        assertThat(summary.rejected()).isEqualTo(1);
    }

    @Test
    void shouldAddUpCountsOverSeveralFilesAndReportProgressPerFile() throws IOException {
        Path first = file("one.ndjson", anArticle("a-1").json());
        Path second = file("two.ndjson", "{}", anArticle("a-2").json());

        NdjsonImporter.Summary summary = importer().importFiles(List.of(first, second), PROVIDER, false, progress::add);

        assertThat(summary.lines()).isEqualTo(3);
        assertThat(summary.accepted()).isEqualTo(2);
        assertThat(summary.rejected()).isEqualTo(1);
        assertThat(summary.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(second);
            assertThat(p.line()).isEqualTo(1);
        });
        assertThat(progress).extracting(NdjsonImporter.Progress::file).containsExactly(first, second);
        assertThat(progress.get(1).accepted()).isEqualTo(2);
    }

    private NdjsonImporter importer() {
        return new NdjsonImporter(parser, new ArticleWriter(producer), 5_000, MAX_LINE_CHARS);
    }

    private Path file(String name, String... lines) throws IOException {
        return Files.write(dir.resolve(name), List.of(lines));
    }
}
