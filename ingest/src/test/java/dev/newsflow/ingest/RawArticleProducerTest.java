package dev.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.runtime.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RawArticleProducerTest {

    @Test
    void shouldSettleAWriteWithinTheDefaultAckTimeout() {
        long longest = RawArticleProducer.longestWriteMs(Settings.of(Map.of(), Map.of("bootstrap.servers", "x:9092")));

        assertThat(longest).isEqualTo(20_000L);
        assertThat(new IngestConfig(Map.of("api.keys", "cms:0123456789abcdef")).ackTimeout().toMillis()).isGreaterThanOrEqualTo(longest);
    }

    @Test
    void shouldWriteEveryArticleDurablyAndOnceWhateverTheOperatorSet() {
        java.util.Properties props = RawArticleProducer.properties(Settings.of(Map.of(), Map.of("bootstrap.servers",
                "x:9092", "acks", "1", "enable.idempotence", "false", "linger.ms", "50")), "ingest");

        assertThat(props).containsEntry("acks", "all").containsEntry("enable.idempotence", "true")
                .containsEntry("linger.ms", "50"); // what is negotiable stays the operator's
    }

    @Test
    void shouldReadTheUsersProducerTimeouts() {
        long longest = RawArticleProducer.longestWriteMs(Settings.of(Map.of(),
                Map.of("bootstrap.servers", "x:9092", "delivery.timeout.ms", "120000")));

        assertThat(longest).isEqualTo(125_000L);
    }
}
