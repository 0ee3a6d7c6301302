package dev.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.runtime.Settings;
import dev.newsflow.runtime.StageConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestAppTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private int get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void shouldServeTheOperatorEndpointsOnTheirOwnPortAndOnlyTheApiOnTheApiPort() throws Exception {
        // no topic setup: nothing here needs a broker, and none listens at 127.0.0.1:1
        Settings settings = Settings.of(Map.of(IngestConfig.API_KEYS, "cms:0123456789abcdef", StageConfig.HTTP_HOST, "127.0.0.1",
                StageConfig.HTTP_PORT, "0", IngestConfig.OPS_PORT, "0", StageConfig.TOPIC_SETUP, "false"),
                Map.of("bootstrap.servers", "127.0.0.1:1"));

        try (IngestApp app = IngestApp.start(settings)) {
            assertThat(app.opsUrl()).isNotEqualTo(app.url());
            assertThat(get(app.opsUrl() + "/metrics")).isEqualTo(200);
            assertThat(get(app.opsUrl() + "/health/live")).isEqualTo(200);
            assertThat(get(app.opsUrl() + "/status")).isEqualTo(200);
            assertThat(get(app.url() + "/metrics")).isEqualTo(404);
            assertThat(get(app.url() + "/status")).isEqualTo(404);
            assertThat(http.send(HttpRequest.newBuilder(URI.create(app.url() + "/v1/articles"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json").build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401); // the API is there
        }
    }

    @Test
    void shouldServeEverythingOnOnePortByDefault() throws Exception {
        Settings settings = Settings.of(Map.of(IngestConfig.API_KEYS, "cms:0123456789abcdef", StageConfig.HTTP_HOST, "127.0.0.1",
                StageConfig.HTTP_PORT, "0", StageConfig.TOPIC_SETUP, "false"), Map.of("bootstrap.servers", "127.0.0.1:1"));

        try (IngestApp app = IngestApp.start(settings)) {
            assertThat(app.opsUrl()).isEqualTo(app.url());
            assertThat(get(app.url() + "/metrics")).isEqualTo(200);
        }
    }
}
