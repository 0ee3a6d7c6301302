package dev.newsflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StageServerTest {

    @Test
    void shouldShowCountersWithReadableTagsAndEscapeEverything() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("stage", "ingest");
        registry.counter("newsflow.ingest.requests", "provider", "<cms>", "reason", "invalid").increment(3);

        String page = StageServer.statusPage("ingest", HealthStatus.up(Map.of()),
                HealthStatus.down(Map.of("error", "<script>")), registry);

        assertThat(page).contains("provider=&lt;cms&gt;, reason=invalid").doesNotContain("tag(", "<script>", "<cms>")
                .contains("DOWN")
                .contains("newsflow_ingest_requests_total").doesNotContain("newsflow.ingest.requests");
    }
}
