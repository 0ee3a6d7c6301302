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
                HealthStatus.down(Map.of("error", "<script>")), registry, new CounterRates(registry, java.time.Clock.systemUTC()));

        assertThat(page).contains("provider=&lt;cms&gt;, reason=invalid").doesNotContain("tag(", "<script>", "<cms>")
                .contains("DOWN")
                .contains("newsflow_ingest_requests_total").doesNotContain("newsflow.ingest.requests");
    }

    @Test
    void shouldSayWhichVersionIsRunningAsTheBuildWroteIt() {
        // from a resource the build filters: a manifest entry is missing in the module jars and in Jib's image
        assertThat(NewsflowVersion.get()).matches("\\d+\\.\\d+\\.\\d+.*");
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        String page = StageServer.statusPage("enrich", HealthStatus.up(Map.of()), HealthStatus.up(Map.of()), registry,
                new CounterRates(registry, java.time.Clock.systemUTC()));

        assertThat(page).contains(" · version " + NewsflowVersion.get() + "</p>");
    }

    @Test
    void shouldPutWhatNeedsAttentionFirstWithItsLastMinuteAndLeaveCountersAtZeroToMetrics() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.counter("newsflow.dead.letters", "stage", "enrich", "reason", "undecodable-record").increment(5);
        registry.counter("newsflow.dead.letters", "stage", "enrich", "reason", "null-value"); // at 0
        registry.counter("newsflow.articles.in", "stage", "enrich").increment(100);
        ManualClock clock = new ManualClock(java.time.Instant.parse("2026-11-29T03:00:00Z"));
        CounterRates rates = new CounterRates(registry, clock);
        rates.sample();
        clock.advance(java.time.Duration.ofSeconds(60));
        registry.counter("newsflow.dead.letters", "stage", "enrich", "reason", "undecodable-record").increment(2);

        String page = StageServer.statusPage("enrich", HealthStatus.up(Map.of()), HealthStatus.up(Map.of()), registry, rates);

        String attention = page.substring(page.indexOf("Needs attention"), page.indexOf("<h2>Health"));
        assertThat(attention).contains("newsflow_dead_letters_total", "reason=undecodable-record", "7 since start",
                "2 in the last 60 s", "newsflow dead-letters --newest").doesNotContain("null-value");
        assertThat(page).contains("newsflow_articles_in_total").contains("counters still at 0 are not shown")
                .doesNotContain("reason=null-value");
    }

    @Test
    void shouldSayWhenNothingNeedsAttention() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.counter("newsflow.articles.in", "stage", "publish").increment(3);

        String page = StageServer.statusPage("publish", HealthStatus.up(Map.of()), HealthStatus.up(Map.of()), registry,
                new CounterRates(registry, java.time.Clock.systemUTC()));

        assertThat(page).contains("Nothing: no dead letters");
    }

    @Test
    void shouldTellJettyToRefuseABodyThatDrips() {
        StageServer server = StageServer.start("test", "127.0.0.1", 0, 1024, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                () -> HealthStatus.up(Map.of()), () -> HealthStatus.up(Map.of()), app -> { });
        StageServer bare = StageServer.startBare("test", "127.0.0.1", 0, 1024, app -> { });
        try {
            assertThat(server.minRequestDataRate()).isEqualTo(StageServer.MIN_REQUEST_BYTES_PER_SECOND);
            assertThat(bare.minRequestDataRate()).isEqualTo(StageServer.MIN_REQUEST_BYTES_PER_SECOND);
        } finally {
            server.close();
            bare.close();
        }
    }
}
