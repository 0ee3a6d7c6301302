package dev.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class IngestConfigTest {

    @Test
    void shouldGiveTheImporterTheApisLimitsWithoutAskingForApiKeys() {
        Map<String, String> settings = Map.of("max.body.chars", "5000", "ack.timeout.ms", "7000", "http.port", "9999");

        assertThat(IngestConfig.limitsOf(settings).maxBodyChars()).isEqualTo(5000);
        assertThat(IngestConfig.limitsOf(settings).maxRequestBytes()).isEqualTo(IngestLimits.defaults().maxRequestBytes());
        assertThat(IngestConfig.ackTimeoutOf(settings)).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void shouldCheckTheImportersLimitsLikeTheApis() {
        assertThatThrownBy(() -> IngestConfig.limitsOf(Map.of("max.body.chars", "10")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("max.body.chars");
    }
}
