package dev.newsflow.publish;

import static dev.newsflow.publish.PublishIts.freePort;
import static dev.newsflow.publish.PublishIts.get;

import static dev.newsflow.publish.EnrichedArticles.anArticle;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.runtime.Settings;
import dev.newsflow.runtime.StreamsStage;
import dev.newsflow.runtime.testing.KafkaBroker;
import dev.newsflow.runtime.testing.KafkaBrokerExtension;
import dev.newsflow.schemas.MediaTopic;
import dev.newsflow.schemas.Topics;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two publish instances sharing the work, each naming itself in {@code application.server}: asked either one, an
 * article is found, directly or by a redirect to the instance that keeps it.
 */
@ExtendWith(KafkaBrokerExtension.class)
class ArticleLookupIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path stateA;
    @TempDir
    Path stateB;

    @Test
    void shouldFindEveryArticleFromEitherInstanceFollowingARedirectToTheOneThatKeepsIt(KafkaBroker kafka)
            throws Exception {
        int portA = freePort();
        int portB = freePort();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add("urn:lookup:" + i + "/" + i); // a slash too: the redirect keeps it
        }
        // fixed ids on every partition: whichever partitions each instance gets, both answer some directly
        assertThat(ids.stream().map(id -> Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8)))
                % Topics.PARTITIONS).distinct().count()).isEqualTo(Topics.PARTITIONS);
        try (StreamsStage a = PublishApp.start(settings(kafka, portA, stateA, run));
             StreamsStage b = PublishApp.start(settings(kafka, portB, stateB, run))) {
            Awaitility.await().atMost(WAIT).until(() -> a.state() == KafkaStreams.State.RUNNING
                    && b.state() == KafkaStreams.State.RUNNING);
            PublishIts.send(kafka, ids.stream().map(id -> anArticle(id).inCategory(MediaTopic.SPORT, 0.9).build()).toList());

            Map<String, Integer> firstAnswers = new HashMap<>();
            Awaitility.await().atMost(WAIT).untilAsserted(() -> {
                for (String id : ids) {
                    HttpResponse<String> first = get("http://127.0.0.1:" + portA + "/articles/" + id);
                    HttpResponse<String> answer = first;
                    if (first.statusCode() == 307) {
                        String location = first.headers().firstValue("Location").orElseThrow();
                        assertThat(location).startsWith("http://127.0.0.1:" + portB + "/articles/");
                        answer = get(location);
                    }
                    assertThat(answer.statusCode()).as("answer for %s: %s", id, answer.body()).isEqualTo(200);
                    assertThat(answer.body()).contains("\"state\":\"live\"", "Headline of " + id);
                    firstAnswers.put(id, first.statusCode());
                }
                // the 12 ids hash onto both instances' partitions: both paths were taken (inside the wait: a pass
                // during a rebalance may see one instance own every partition)
                assertThat(firstAnswers.values()).contains(200, 307);
            });
            // a redirected question (hop=1) to an instance that does not keep the article is never sent on again
            String elsewhere = firstAnswers.entrySet().stream().filter(e -> e.getValue() == 307).findFirst()
                    .orElseThrow().getKey();
            HttpResponse<String> hop = get("http://127.0.0.1:" + portA + "/articles/" + elsewhere + "?hop=1");
            assertThat(hop.statusCode()).isEqualTo(503);
            assertThat(hop.body()).contains("has no settled owner"); // the hop guard, not a store being restored
        }
    }

    private static Settings settings(KafkaBroker kafka, int port, Path stateDir, String run) {
        return Settings.of(Map.of("http.port", String.valueOf(port), "http.host", "127.0.0.1"),
                Map.of("bootstrap.servers", kafka.bootstrapServers(), "state.dir", stateDir.toString(),
                        // an application of its own: the pipeline tests' publish must not share these partitions
                        "application.id", "newsflow-publish-lookup-" + run,
                        "application.server", "127.0.0.1:" + port));
    }
}
