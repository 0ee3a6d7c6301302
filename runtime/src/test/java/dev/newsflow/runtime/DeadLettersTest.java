package dev.newsflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.schemas.Serdes;
import dev.newsflow.schemas.avro.DeadLetter;
import dev.newsflow.schemas.avro.RawArticle;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

    @Test
    void shouldNeverLetAKeyBreakTheLogLine() {
        String forged = "a-1\n12:00:00.000 INFO  [main] everything is fine";

        assertThat(DeadLetters.printableKey(forged.getBytes(StandardCharsets.UTF_8))).doesNotContain("\n");
        assertThat(DeadLetters.printableKey((forged + "x".repeat(300)).getBytes(StandardCharsets.UTF_8)))
                .doesNotContain("\n").endsWith("…").hasSize(201);
    }

    @Test
    void shouldSayTheRootCauseOfAWrappedFailure() {
        Exception wrapped = new IllegalStateException("cannot enrich a-1",
                new UncheckedIOException("reading the model", new java.io.IOException("disk quota exceeded")));

        assertThat(DeadLetters.describe(wrapped))
                .isEqualTo("cannot enrich a-1 (cause: java.io.IOException: disk quota exceeded)");
        assertThat(DeadLetters.describe(new IllegalArgumentException("plain"))).isEqualTo("plain");
    }

    @Test
    void shouldCutAHugeValueSoTheDeadLetterItselfCanBeWritten() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        byte[] huge = new byte[DeadLetters.MAX_CARRIED_VALUE_BYTES * 3];

        DeadLetter letter = new DeadLetters("enrich", registry).create("a-1".getBytes(StandardCharsets.UTF_8), huge,
                DeadLetterReason.RECORD_TOO_LARGE, new IllegalArgumentException("too big"),
                Optional.of(DeadLetters.origin("news.articles.raw", 2, 41)), Instant.EPOCH);

        assertThat(letter.getValue().remaining()).isEqualTo(DeadLetters.MAX_CARRIED_VALUE_BYTES);
        assertThat(letter.getDetail()).startsWith("too big; value cut to its first").contains(huge.length + " bytes");
        assertThat(letter.getSourceTopic()).isEqualTo("news.articles.raw");
        assertThat(letter.getSourcePartition()).isEqualTo(2);
        assertThat(letter.getSourceOffset()).isEqualTo(41);
        assertThat(registry.counter("newsflow.dead.letters", "stage", "enrich", "reason", "record-too-large").count())
                .isEqualTo(1.0);
    }

    @Test
    void shouldDeadLetterARecordLargerThanAStageReadsBeforeDecodingIt() {
        KeyedDecoder<RawArticle> decoder = new KeyedDecoder<>(Serdes.RAW_ARTICLE, RawArticle::getUri,
                new DeadLetters("enrich", new SimpleMeterRegistry()));

        Outcome<RawArticle> outcome = decoder.decode("a-1".getBytes(StandardCharsets.UTF_8),
                new byte[KeyedDecoder.MAX_VALUE_BYTES + 1], Optional.empty(), Instant.EPOCH);

        assertThat(outcome.isOk()).isFalse();
        assertThat(outcome.deadLetter().getReason()).isEqualTo("record-too-large");
    }
}
