package dev.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpServer;
import dev.newsflow.runtime.HealthStatus;
import dev.newsflow.runtime.StageServer;
import dev.newsflow.schemas.Serdes;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /v1/articles/<id>}: ingest asks publish (here a stand-in HTTP server) and passes the answer on. */
class ArticleStatusApiTest {

    private static final String CMS_KEY = "cms-key-0123456789abcdef";
    private static final String WIRE_KEY = "wire-key-0123456789abcdef";
    private static final IngestLimits LIMITS = new IngestLimits(4_096, 16_384, 3, 2_000, 200, 300, 64);

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = JsonMapper.builder().build();
    private final List<String> askedPaths = new CopyOnWriteArrayList<>();
    private HttpServer publish;
    private StageServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (publish != null) {
            publish.stop(0);
        }
    }

    @Test
    void shouldPassOnPublishsAnswerWithTheRequestId() throws Exception {
        fakePublish(200, "{\"id\":\"urn:cms:1\",\"state\":\"live\",\"live\":{\"version\":2}}");
        start(publishUrl());

        HttpResponse<String> response = get("/v1/articles/urn:cms:1", CMS_KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("state").asText()).isEqualTo("live");
        assertThat(body.get("live").get("version").asInt()).isEqualTo(2);
        assertThat(body.has("requestId")).isTrue();
        assertThat(askedPaths).containsExactly("/articles/urn%3Acms%3A1");
    }

    @Test
    void shouldKeepTheSlashesOfAnIdAndPassOnAnUnknownArticlesNotFound() throws Exception {
        fakePublish(404, "{\"id\":\"wire/2026/a+1\",\"state\":\"unknown\",\"detail\":\"partitions [0] ... KAFKA_APPLICATION_SERVER\"}");
        start(publishUrl());

        HttpResponse<String> response = get("/v1/articles/wire/2026/a%2B1", CMS_KEY);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json.readTree(response.body()).get("state").asText()).isEqualTo("unknown");
        assertThat(askedPaths).containsExactly("/articles/wire/2026/a%2B1");
        // publish's words are for operators (partitions, settings): a CMS hears what it can act on
        assertThat(json.readTree(response.body()).get("detail").asText()).contains("not accepted", "dead letters");
    }

    @Test
    void shouldSayPublishHasStoppedAndAskALaterRetryWhenItsStreamsGaveUp() throws Exception {
        // publish's own answer while its Kafka Streams client is in ERROR
        fakePublish(503, "{\"error\":\"not-ready\",\"detail\":\"publish is error: its state can be read once"
                + " /health/ready answers 200\"}");
        start(publishUrl());

        HttpResponse<String> stopped = get("/v1/articles/a-1", CMS_KEY);

        assertThat(stopped.statusCode()).isEqualTo(503);
        assertThat(stopped.headers().firstValue("Retry-After")).hasValue("30"); // a restart, not a rebalance
        assertThat(json.readTree(stopped.body()).get("type").asText()).endsWith("/publish-stopped");
        assertThat(json.readTree(stopped.body()).get("detail").asText()).contains("being restarted");
    }

    @Test
    void shouldAskARetryWhilePublishIsNotReadyOrOutOfReach() throws Exception {
        fakePublish(503, "{\"error\":\"not-ready\"}");
        start(publishUrl());

        HttpResponse<String> notReady = get("/v1/articles/a-1", CMS_KEY);

        assertThat(notReady.statusCode()).isEqualTo(503);
        assertThat(notReady.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(json.readTree(notReady.body()).get("type").asText()).endsWith("/publish-not-ready");

        URI gone = publishUrl();
        publish.stop(0);
        publish = null;
        server.close();
        start(gone);

        HttpResponse<String> unreachable = get("/v1/articles/a-1", CMS_KEY);

        assertThat(unreachable.statusCode()).isEqualTo(502);
        assertThat(unreachable.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(json.readTree(unreachable.body()).get("detail").asText()).contains("did not answer")
                .doesNotContain(gone.toString()); // an internal address is no business of a CMS
    }

    @Test
    void shouldRefuseAnIdTheApiCouldNotHaveAcceptedWithoutAskingPublish() throws Exception {
        fakePublish(200, "{\"state\":\"live\"}");
        start(publishUrl());

        // a URL path would resolve "wire/../cms/1" onto another key's id
        HttpResponse<String> dotDot = get("/v1/articles/wire/..%2Fcms%2F1", WIRE_KEY);
        HttpResponse<String> tooLong = get("/v1/articles/" + "a".repeat(65), CMS_KEY);

        assertThat(List.of(dotDot.statusCode(), tooLong.statusCode())).containsOnly(400);
        assertThat(askedPaths).isEmpty();
    }

    @Test
    void shouldAnswer502WhenPublishAnswersSomethingElseThanAnArticle() throws Exception {
        fakePublish(200, "<html>a proxy's error page</html>");
        start(publishUrl());

        HttpResponse<String> response = get("/v1/articles/a-1", CMS_KEY);

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(json.readTree(response.body()).get("type").asText()).endsWith("/publish-error");
    }

    @Test
    void shouldAnswer501WhenNoOneToldIngestWherePublishIs() throws Exception {
        start(null);

        HttpResponse<String> response = get("/v1/articles/a-1", CMS_KEY);

        assertThat(response.statusCode()).isEqualTo(501);
        assertThat(json.readTree(response.body()).get("detail").asText()).contains("publish.url", "NEWSFLOW_PUBLISH_URL");
    }

    @Test
    void shouldAnswerOnlyForIdsTheKeyMayWriteAndOnlyWithAKey() throws Exception {
        fakePublish(200, "{\"state\":\"live\"}");
        start(publishUrl());

        assertThat(get("/v1/articles/urn:cms:1", WIRE_KEY).statusCode()).isEqualTo(403);
        assertThat(get("/v1/articles/urn:cms:1", null).statusCode()).isEqualTo(401);
        assertThat(askedPaths).isEmpty();
    }

    @Test
    void shouldAnswerBusyBeyondTheQuestionsInFlightAndGiveEachPlaceBack() throws Exception {
        java.util.concurrent.CountDownLatch answer = new java.util.concurrent.CountDownLatch(1);
        publish = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        publish.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        publish.createContext("/", exchange -> {
            askedPaths.add(exchange.getRequestURI().getRawPath());
            try {
                answer.await(20, java.util.concurrent.TimeUnit.SECONDS); // publish slow to answer
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] bytes = "{\"state\":\"live\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        publish.start();
        PublishStatus status = new PublishStatus(publishUrl(), Duration.ofSeconds(20));
        java.util.concurrent.ExecutorService askers = java.util.concurrent.Executors.newFixedThreadPool(PublishStatus.MAX_IN_FLIGHT);
        try {
            List<java.util.concurrent.Future<PublishStatus.Answer>> waiting = new java.util.ArrayList<>();
            for (int i = 0; i < PublishStatus.MAX_IN_FLIGHT; i++) {
                String id = "urn:cms:" + i;
                waiting.add(askers.submit(() -> status.ask(id)));
            }
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> askedPaths.size() == PublishStatus.MAX_IN_FLIGHT);

            PublishStatus.Answer busy = status.ask("urn:cms:one-more");

            assertThat(busy.status()).isEqualTo(503);
            assertThat(busy.reason()).isEqualTo("busy");
            answer.countDown();
            for (java.util.concurrent.Future<PublishStatus.Answer> each : waiting) {
                assertThat(each.get(10, java.util.concurrent.TimeUnit.SECONDS).status()).isEqualTo(200);
            }
            // every place is given back: more questions than places, one after another, are all answered
            for (int i = 0; i < PublishStatus.MAX_IN_FLIGHT + 8; i++) {
                assertThat(status.ask("urn:cms:again-" + i).status()).isEqualTo(200);
            }
        } finally {
            answer.countDown();
            askers.shutdownNow();
        }
    }

    private void fakePublish(int status, String body) throws IOException {
        publish = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        publish.createContext("/", exchange -> {
            askedPaths.add(exchange.getRequestURI().getRawPath());
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        publish.start();
    }

    private URI publishUrl() {
        return URI.create("http://127.0.0.1:" + publish.getAddress().getPort());
    }

    private void start(URI publishUrl) {
        ApiKeys keys = ApiKeys.parse("cms:" + CMS_KEY + ",wire:" + WIRE_KEY).withIdPrefixes(List.of("wire=wire/"));
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        IngestApi api = new IngestApi(new ArticleParser(LIMITS, Clock.systemUTC()),
                new ArticleWriter(new MockProducer<>(true, null, new StringSerializer(), Serdes.RAW_ARTICLE.serializer())),
                keys, RequestRateLimiter.unlimited(), LIMITS, Duration.ofSeconds(5), registry,
                new PublishStatus(publishUrl, Duration.ofSeconds(2)));
        server = StageServer.start("ingest", "127.0.0.1", 0, LIMITS.maxBatchBytes(), registry,
                () -> HealthStatus.up(Map.of()), () -> HealthStatus.up(Map.of()), api::routes);
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.localUrl() + path)).GET();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
