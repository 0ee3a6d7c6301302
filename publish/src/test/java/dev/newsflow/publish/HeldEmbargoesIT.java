package dev.newsflow.publish;

import static dev.newsflow.publish.PublishIts.freePort;
import static dev.newsflow.publish.PublishIts.get;

import static dev.newsflow.publish.EnrichedArticles.anArticle;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.runtime.Settings;
import dev.newsflow.runtime.StreamsStage;
import dev.newsflow.runtime.testing.KafkaBroker;
import dev.newsflow.runtime.testing.KafkaBrokerExtension;
import dev.newsflow.schemas.MediaTopic;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /embargoes} through a real broker: the held versions, the next due first, and never their words. */
@ExtendWith(KafkaBrokerExtension.class)
class HeldEmbargoesIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path state;

    @Test
    void shouldListTheHeldVersionsNextDueFirstWithoutTheirWords(KafkaBroker kafka) throws Exception {
        int port = freePort();
        String run = UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (StreamsStage publish = PublishApp.start(settings(kafka, port, run))) {
            Awaitility.await().atMost(WAIT).until(() -> publish.state() == KafkaStreams.State.RUNNING);
            PublishIts.send(kafka, List.of(
                    anArticle("urn:held:" + run + ":late").inCategory(MediaTopic.SPORT, 0.9)
                            .embargoedUntil(now.plus(3, ChronoUnit.HOURS)).build(),
                    anArticle("urn:held:" + run + ":soon").inCategory(MediaTopic.SPORT, 0.9)
                            .embargoedUntil(now.plus(1, ChronoUnit.HOURS)).build(),
                    anArticle("urn:held:" + run + ":live").inCategory(MediaTopic.SPORT, 0.9).build()));

            Awaitility.await().atMost(WAIT).untilAsserted(() -> {
                HttpResponse<String> answer = get("http://127.0.0.1:" + port + "/embargoes?limit=1000");
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                List<String> ours = new ArrayList<>();
                for (JsonNode held : json.readTree(answer.body()).get("held")) {
                    if (held.get("id").asText().startsWith("urn:held:" + run)) {
                        ours.add(held.get("id").asText() + "@" + held.get("embargoedUntil").asText());
                    }
                }
                assertThat(ours).containsExactly("urn:held:" + run + ":soon@" + now.plus(1, ChronoUnit.HOURS),
                        "urn:held:" + run + ":late@" + now.plus(3, ChronoUnit.HOURS));
                assertThat(answer.body()).doesNotContain("Headline of").contains("\"passed\":false");
            });
            assertThat(get("http://127.0.0.1:" + port + "/embargoes?limit=0").statusCode()).isEqualTo(400);
            JsonNode one = json.readTree(get("http://127.0.0.1:" + port + "/embargoes?limit=1").body());
            assertThat(one.get("held")).hasSize(1);
            assertThat(one.get("more").asBoolean()).isTrue();
        }
    }

    private Settings settings(KafkaBroker kafka, int port, String run) {
        return Settings.of(Map.of("http.port", String.valueOf(port), "http.host", "127.0.0.1"),
                Map.of("bootstrap.servers", kafka.bootstrapServers(), "state.dir", state.toString(),
                        "application.id", "newsflow-publish-embargoes-" + run));
    }
}
