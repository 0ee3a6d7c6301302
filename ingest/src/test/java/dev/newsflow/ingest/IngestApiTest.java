package dev.newsflow.ingest;

import static dev.newsflow.ingest.ArticleJson.aKill;
import static dev.newsflow.ingest.ArticleJson.anArticle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.newsflow.runtime.HealthStatus;
import dev.newsflow.runtime.StageServer;
import dev.newsflow.schemas.Serdes;
import dev.newsflow.schemas.Topics;
import dev.newsflow.schemas.avro.PubStatus;
import dev.newsflow.schemas.avro.RawArticle;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IngestApiTest {

    private static final String CMS_KEY = "cms-key-0123456789abcdef";
    private static final String WIRE_KEY = "wire-key-0123456789abcdef";
    private static final Instant NOW = Instant.parse("2026-11-28T09:30:00Z");
    /** Small limits: 4 KB per article, 3 lines per batch. */
    private static final IngestLimits LIMITS = new IngestLimits(4_096, 16_384, 3, 2_000, 200, 300, 64);
    private static final String NDJSON = "application/x-ndjson";

    private final ObjectMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private MockProducer<String, RawArticle> producer;
    private StageServer server;
    private PrometheusMeterRegistry registry;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldRefuseARequestWithoutAKey() throws Exception {
        start(ackingProducer());

        HttpResponse<String> response = send(post("/v1/articles", "application/json", anArticle("a-1").json()).build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith(Problem.MEDIA_TYPE));
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void shouldRefuseAWrongKey() throws Exception {
        start(ackingProducer());

        HttpResponse<String> bearer = send(post("/v1/articles", "application/json", anArticle("a-1").json())
                .header("Authorization", "Bearer not-the-key-0123456789").build());
        HttpResponse<String> apiKey = send(post("/v1/articles", "application/json", anArticle("a-1").json())
                .header("X-Api-Key", "not-the-key-0123456789").build());

        assertThat(bearer.statusCode()).isEqualTo(401);
        assertThat(apiKey.statusCode()).isEqualTo(401);
        assertThat(bearer.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void shouldAcceptTheKeyAsBearerTokenOrApiKeyHeader() throws Exception {
        start(ackingProducer());

        HttpResponse<String> bearer = send(post("/v1/articles", "application/json", anArticle("a-1").json())
                .header("Authorization", "Bearer " + CMS_KEY).build());
        HttpResponse<String> apiKey = send(post("/v1/articles", "application/json", anArticle("a-2").json())
                .header("X-Api-Key", CMS_KEY).build());
        // an empty X-Api-Key, as a gateway or a client template adds, does not hide the Bearer token
        HttpResponse<String> both = send(post("/v1/articles", "application/json", anArticle("a-3").json())
                .header("X-Api-Key", "").header("Authorization", "Bearer " + CMS_KEY).build());

        assertThat(bearer.statusCode()).isEqualTo(202);
        assertThat(apiKey.statusCode()).isEqualTo(202);
        assertThat(both.statusCode()).isEqualTo(202);
        assertThat(producer.history()).extracting(r -> r.value().getProvider()).containsExactly("cms", "cms", "cms");
    }

    @Test
    void shouldAnswer202WithWhereKafkaStoredTheArticle() throws Exception {
        start(ackingProducer());

        HttpResponse<String> response = send(authorized(post("/v1/articles", "application/json",
                anArticle("a-1").with("version", 4).json())));

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("id").asText()).isEqualTo("a-1");
        assertThat(body.get("version").asLong()).isEqualTo(4L);
        assertThat(body.get("status").asText()).isEqualTo("accepted");
        assertThat(body.get("topic").asText()).isEqualTo(Topics.ARTICLES_RAW);
        assertThat(body.has("partition")).isTrue();
        assertThat(body.get("offset").asLong()).isEqualTo(0L);
        assertThat(producer.history()).singleElement().satisfies(record -> {
            assertThat(record.topic()).isEqualTo(Topics.ARTICLES_RAW);
            assertThat(record.key()).isEqualTo("a-1");
            assertThat(record.value().getUri()).isEqualTo("a-1");
            assertThat(record.value().getReceivedAt()).isEqualTo(NOW);
        });
    }

    @Test
    void shouldReportIgnoredFieldsInTheAnswer() throws Exception {
        start(ackingProducer());

        HttpResponse<String> response = send(authorized(post("/v1/articles", "application/json",
                anArticle("a-1").with("slugline", "x").json())));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(json.readTree(response.body()).get("ignoredFields").get(0).asText()).isEqualTo("slugline");
    }

    @Test
    void shouldNotLetAClientForgeALogLineThroughTheErrorsItsJsonCauses() throws Exception {
        start(ackingProducer());
        try (LogCapture captured = new LogCapture(IngestApi.class)) {
            // Jackson's message about a duplicate field quotes the field's name, newline and all
            // (JSON escapes, which Jackson decodes into a newline, a line separator and a right-to-left override)
            String forged = "x\\n04:52:00.000 WARN  [main] d.n.runtime.DeadLetters - FORGED articleId=urn:cms:1\\u2028\\u202e";
            HttpResponse<String> response = send(authorized(post("/v1/articles", "application/json",
                    "{\"" + forged + "\":1,\"" + forged + "\":2}")));

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(captured.messages()).filteredOn(m -> m.startsWith("Refused article"))
                    .singleElement().asString().contains("x?04:52:00.000 WARN", "FORGED").doesNotContain("\n", "\u2028", "\u202e");
        }
    }

    @Test
    void shouldAnswer400WithAProblemNamingEveryBadField() throws Exception {
        start(ackingProducer());

        HttpResponse<String> response = send(authorized(post("/v1/articles", "application/json",
                anArticle("a 1").without("headline").with("urgency", 12).json())));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith(Problem.MEDIA_TYPE));
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(400);
        assertThat(body.get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("uri", "headline", "urgency");
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void shouldAnswer413ForAnArticleOverTheRequestLimit() throws Exception {
        start(ackingProducer());

        String big = anArticle("a-1").with("body", "b".repeat((int) LIMITS.maxRequestBytes())).json();
        HttpResponse<String> response = send(authorized(post("/v1/articles", "application/json", big)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void shouldAnswer413ForAChunkedBodyOverTheLimitWithoutReadingItAll() throws Exception {
        start(ackingProducer());
        // no Content-Length: the body is sent chunked, so only reading it can tell its size
        byte[] endless = ("{\"body\":\"" + "b".repeat((int) LIMITS.maxBatchBytes() * 2)).getBytes(StandardCharsets.UTF_8);

        for (String[] target : new String[][] {{"/v1/articles", "application/json"}, {"/v1/articles:batch", NDJSON}}) {
            HttpResponse<String> response = send(authorized(HttpRequest.newBuilder(uri(target[0]))
                    .header("Content-Type", target[1])
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(endless)))));

            assertThat(response.statusCode()).as(target[0]).isEqualTo(413);
        }
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void shouldCountEveryRefusalByItsReason() throws Exception {
        start(ackingProducer());

        send(authorized(post("/v1/articles", "application/json", anArticle("a-1").without("body").json())));
        send(authorized(post("/v1/articles", "text/plain", anArticle("a-1").json())));
        send(authorized(post("/v1/articles", "application/json",
                anArticle("a-1").with("body", "b".repeat((int) LIMITS.maxRequestBytes())).json())));
        send(authorized(post("/v1/articles:batch", NDJSON, "\n\n")));
        send(authorized(post("/v1/articles", "application/json", anArticle("a-2").json())));

        for (String reason : List.of("invalid", "unsupported-media-type", "too-large", "empty-batch")) {
            assertThat(registry.counter("newsflow.ingest.requests", "result", "rejected", "provider", "cms", "reason", reason)
                    .count()).as(reason).isEqualTo(1.0);
        }
        assertThat(registry.counter("newsflow.ingest.requests", "result", "accepted", "provider", "cms", "reason", "none")
                .count()).isEqualTo(1.0);
    }

    @Test
    void shouldAnswer415ForABodyThatIsNotJson() throws Exception {
        start(ackingProducer());

        HttpResponse<String> response = send(authorized(post("/v1/articles", "text/plain", anArticle("a-1").json())));

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(json.readTree(response.body()).get("detail").asText()).contains("application/json");
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void shouldAnswer503WithRetryAfterWhenKafkaFailsTheWrite() throws Exception {
        start(new MockProducer<>(false, null, new StringSerializer(), Serdes.RAW_ARTICLE.serializer()));
        CompletableFuture<Boolean> failed = CompletableFuture.supplyAsync(() -> {
            await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == 1);
            return producer.errorNext(new TimeoutException("no broker"));
        });

        HttpResponse<String> response = send(authorized(post("/v1/articles", "application/json", anArticle("a-1").json())));

        assertThat(failed.get()).isTrue();
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("5");
        assertThat(json.readTree(response.body()).get("detail").asText()).contains("TimeoutException");
    }

    @Test
    void shouldAnswer413ToASingleArticleKafkaFindsTooLargeNotAskForARetry() throws Exception {
        start(refusingAsTooLarge(id -> true));

        HttpResponse<String> response = send(authorized(post("/v1/articles", "application/json", anArticle("big").json())));

        // permanent: a 503 would have the CMS retry it for ever
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Retry-After")).isEmpty();
        assertThat(json.readTree(response.body()).get("detail").asText()).contains("too large");
        assertThat(registry.counter("newsflow.ingest.requests", "result", "rejected", "provider", "cms", "reason",
                "too-large").count()).isEqualTo(1.0);
    }

    @Test
    void shouldAnswerBusyWhileRequestBodiesInFlightFillTheBudgetAndAcceptAgainOnceTheyAreDone() throws Exception {
        start(new MockProducer<>(false, null, new StringSerializer(), Serdes.RAW_ARTICLE.serializer()),
                Duration.ofSeconds(30));
        // a chunked body declares no length, so each holds the batch limit (16 KB) of the budget (4 x 16 KB), and
        // one key at most half of it
        List<CompletableFuture<HttpResponse<String>>> held = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            byte[] line = lines(anArticle("held-" + i).json()).getBytes(StandardCharsets.UTF_8);
            held.add(http.sendAsync(HttpRequest.newBuilder(uri("/v1/articles:batch")).header("Content-Type", NDJSON)
                    .header("Authorization", "Bearer " + (i < 2 ? CMS_KEY : WIRE_KEY))
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(line))).build(),
                    HttpResponse.BodyHandlers.ofString()));
            int sent = i + 1;
            await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == sent); // waiting on Kafka
            if (i == 1) {
                // the CMS holds its half: its next request waits, the wire's are still taken
                HttpResponse<String> ownShare = send(authorized(post("/v1/articles", "application/json", anArticle("a-0").json())));
                assertThat(ownShare.statusCode()).isEqualTo(503);
            }
        }

        HttpResponse<String> busy = send(post("/v1/articles", "application/json", anArticle("a-1").json())
                .header("Authorization", "Bearer " + WIRE_KEY).build());

        assertThat(busy.statusCode()).isEqualTo(503);
        assertThat(busy.headers().firstValue("Retry-After")).contains("5");
        assertThat(json.readTree(busy.body()).get("detail").asText()).contains("too many request bodies in flight");
        assertThat(registry.counter("newsflow.ingest.requests", "result", "failed", "provider", "cms", "reason", "busy")
                .count()).isEqualTo(1.0);
        assertThat(registry.counter("newsflow.ingest.requests", "result", "failed", "provider", "wire", "reason", "busy")
                .count()).isEqualTo(1.0);
        assertThat(producer.history()).hasSize(4); // the busy ones were never written
        for (int i = 0; i < 4; i++) {
            producer.completeNext();
        }
        for (CompletableFuture<HttpResponse<String>> response : held) {
            assertThat(response.get(10, java.util.concurrent.TimeUnit.SECONDS).statusCode()).isEqualTo(202);
        }
        // the budget is given back: the next request is taken
        CompletableFuture<Boolean> acked = CompletableFuture.supplyAsync(() -> {
            await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == 5);
            return producer.completeNext();
        });
        assertThat(send(authorized(post("/v1/articles", "application/json", anArticle("a-2").json()))).statusCode())
                .isEqualTo(202);
        assertThat(acked.get()).isTrue();
    }

    @Test
    void shouldRefuseABodyThatDripsWith408AndFreeItsPlace() throws Exception {
        start(new MockProducer<>(false, null, new StringSerializer(), Serdes.RAW_ARTICLE.serializer()),
                Duration.ofSeconds(30));
        java.util.concurrent.ScheduledExecutorService client = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", URI.create(server.localUrl()).getPort())) {
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/articles HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + CMS_KEY + "\r\nContent-Type:"
                    + " application/json\r\nContent-Length: 4000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // a byte every 100 ms, far below the slowest rate a body may arrive at, until the server answers
            client.scheduleWithFixedDelay(() -> {
                try {
                    out.write(' ');
                    out.flush();
                } catch (IOException closed) {
                    throw new java.io.UncheckedIOException(closed);
                }
            }, 100, 100, java.util.concurrent.TimeUnit.MILLISECONDS);
            String answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);

            assertThat(answer).isEqualTo("HTTP/1.1 408");
        } finally {
            client.shutdownNow();
        }
        assertThat(registry.counter("newsflow.ingest.requests", "result", "failed", "provider", "cms", "reason",
                "too-slow").count()).isEqualTo(1.0);
        assertThat(producer.history()).isEmpty();
        // its place in the body budget is free again: the key's whole half of it (two chunked batches of the 16 KB
        // limit, held while Kafka is slow) is there to take, which a leaked 4 KB would not leave
        List<CompletableFuture<HttpResponse<String>>> held = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            byte[] line = lines(anArticle("after-" + i).json()).getBytes(StandardCharsets.UTF_8);
            held.add(http.sendAsync(HttpRequest.newBuilder(uri("/v1/articles:batch")).header("Content-Type", NDJSON)
                    .header("Authorization", "Bearer " + CMS_KEY)
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(line))).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == 2);
        producer.completeNext();
        producer.completeNext();
        for (CompletableFuture<HttpResponse<String>> response : held) {
            assertThat(response.get(10, java.util.concurrent.TimeUnit.SECONDS).statusCode()).isEqualTo(202);
        }
    }

    @Test
    void shouldAnswer503WhenSendItselfThrows() throws Exception {
        MockProducer<String, RawArticle> throwing = ackingProducer();
        throwing.sendException = new TimeoutException("metadata not available");
        start(throwing);

        HttpResponse<String> response = send(authorized(post("/v1/articles", "application/json", anArticle("a-1").json())));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void shouldAnswer503WhenKafkaDoesNotAcknowledgeInTime() throws Exception {
        start(new MockProducer<>(false, null, new StringSerializer(), Serdes.RAW_ARTICLE.serializer()),
                Duration.ofMillis(100));

        HttpResponse<String> response = send(authorized(post("/v1/articles", "application/json", anArticle("a-1").json())));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void shouldAcceptABatchWhereEveryLineIsGood() throws Exception {
        start(ackingProducer());

        HttpResponse<String> response = send(authorized(post("/v1/articles:batch", NDJSON,
                lines(anArticle("a-1").json(), "", anArticle("a-2").json()))));

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("accepted").asInt()).isEqualTo(2);
        assertThat(body.get("results").findValuesAsText("line")).containsExactly("1", "3");
        assertThat(producer.history()).extracting(ProducerRecord::key).containsExactly("a-1", "a-2");
    }

    @Test
    void shouldAnswer207WithPerLineResultsForAMixedBatch() throws Exception {
        start(ackingProducer());

        HttpResponse<String> response = send(authorized(post("/v1/articles:batch", NDJSON,
                lines(anArticle("a-1").json(), "{not json", anArticle("a-3").without("body").json()))));

        assertThat(response.statusCode()).isEqualTo(207);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("accepted").asInt()).isEqualTo(1);
        assertThat(body.get("rejected").asInt()).isEqualTo(2);
        JsonNode results = body.get("results");
        assertThat(results.get(0).get("status").asText()).isEqualTo("accepted");
        assertThat(results.get(0).get("id").asText()).isEqualTo("a-1");
        assertThat(results.get(1).get("line").asInt()).isEqualTo(2);
        assertThat(results.get(1).get("status").asText()).isEqualTo("rejected");
        assertThat(results.get(2).get("errors").findValuesAsText("field")).containsExactly("body");
        assertThat(results.get(2).get("id").asText()).isEqualTo("a-3"); // which story to fix
        assertThat(results.get(1).has("id")).isFalse();                 // not JSON: no id to name
        assertThat(producer.history()).extracting(ProducerRecord::key).containsExactly("a-1");
    }

    @Test
    void shouldAnswer400WhenEveryLineOfABatchIsBad() throws Exception {
        start(ackingProducer());

        HttpResponse<String> response = send(authorized(post("/v1/articles:batch", NDJSON, lines("[]", "{}"))));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("rejected").asInt()).isEqualTo(2);
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void shouldAnswer413ForABatchOverTheLineLimit() throws Exception {
        start(ackingProducer());
        String batch = IntStream.rangeClosed(1, LIMITS.maxBatchLines() + 1)
                .mapToObj(i -> anArticle("a-" + i).json()).collect(Collectors.joining("\n"));

        HttpResponse<String> response = send(authorized(post("/v1/articles:batch", NDJSON, batch)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void shouldAnswer503ForABatchKafkaDidNotAcknowledge() throws Exception {
        MockProducer<String, RawArticle> throwing = ackingProducer();
        throwing.sendException = new TimeoutException("metadata not available");
        start(throwing);

        HttpResponse<String> response = send(authorized(post("/v1/articles:batch", NDJSON,
                lines(anArticle("a-1").json(), anArticle("a-2").json()))));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(json.readTree(response.body()).get("failed").asInt()).isEqualTo(2);
    }

    @Test
    void shouldStopSendingABatchOnceKafkaCannotTakeAWrite() throws Exception {
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        start(new MockProducer<>(true, null, new StringSerializer(), Serdes.RAW_ARTICLE.serializer()) {
            @Override
            public synchronized java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata> send(
                    ProducerRecord<String, RawArticle> record, org.apache.kafka.clients.producer.Callback callback) {
                attempts.incrementAndGet(); // each attempt would block for max.block.ms against a real producer
                throw new TimeoutException("Topic news.articles.raw not present in metadata after 5000 ms");
            }
        });

        HttpResponse<String> response = send(authorized(post("/v1/articles:batch", NDJSON, lines(
                anArticle("a-1").json(), anArticle("a-2").json(), anArticle("a-3").json()))));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json.readTree(response.body()).get("failed").asInt()).isEqualTo(3);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void shouldRefuseABatchLineKafkaFindsTooLargeInsteadOfAskingForARetry() throws Exception {
        start(refusingAsTooLarge("big"::equals));

        HttpResponse<String> response = send(authorized(post("/v1/articles:batch", NDJSON,
                lines(anArticle("a-1").json(), anArticle("big").json()))));

        assertThat(response.statusCode()).isEqualTo(207);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("rejected").asInt()).isEqualTo(1);
        assertThat(body.get("results").get(1).get("errors").findValuesAsText("message").get(0)).contains("too large");
        assertThat(producer.history()).extracting(ProducerRecord::key).containsExactly("a-1");
    }

    @Test
    void shouldAnswer415ForABatchThatIsNotNdjson() throws Exception {
        start(ackingProducer());

        HttpResponse<String> response = send(authorized(post("/v1/articles:batch", "application/json", anArticle("a-1").json())));

        assertThat(response.statusCode()).isEqualTo(415);
    }

    @Test
    void shouldWriteACanceledRecordForADelete() throws Exception {
        start(ackingProducer());

        HttpResponse<String> response = send(authorized(HttpRequest.newBuilder(uri("/v1/articles/a-1?version=3")).DELETE()));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(json.readTree(response.body()).get("status").asText()).isEqualTo("kill-accepted");
        assertThat(producer.history()).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("a-1");
            assertThat(record.value().getPubStatus()).isEqualTo(PubStatus.CANCELED);
            assertThat(record.value().getVersion()).isEqualTo(3L);
        });
    }

    @Test
    void shouldRefuseAKillGivenTwoVersionsAndLogEveryTakedownHoweverItCame() throws Exception {
        start(ackingProducer());
        try (LogCapture captured = new LogCapture(IngestApi.class)) {
            HttpResponse<String> twice = send(authorized(HttpRequest.newBuilder(uri("/v1/articles/a-1?version=1&version=5")).DELETE()));
            send(authorized(post("/v1/articles", "application/json", anArticle("a-2").with("pubStatus", "withheld").json())));
            send(authorized(post("/v1/articles:batch", NDJSON, lines(anArticle("a-3").with("pubStatus", "canceled").json()))));

            assertThat(twice.statusCode()).isEqualTo(400);
            assertThat(json.readTree(twice.body()).get("errors").findValuesAsText("field")).containsExactly("version");
            assertThat(producer.history()).extracting(ProducerRecord::key).containsExactly("a-2", "a-3");
            assertThat(captured.messages())
                    .anySatisfy(m -> assertThat(m).startsWith("Refused kill").contains("given more than once"))
                    .anySatisfy(m -> assertThat(m).startsWith("Accepted withhold articleId=a-2").contains("via=POST /v1/articles"))
                    .anySatisfy(m -> assertThat(m).startsWith("Accepted kill articleId=a-3").contains("via=POST /v1/articles:batch"));
        }
    }

    @Test
    void shouldKillAnArticleWhoseIdHoldsSlashes() throws Exception {
        start(ackingProducer());
        String id = "wire/2026/a-1";
        assertThat(ArticleParser.ID.matcher(id).matches()).isTrue();

        HttpResponse<String> response = send(authorized(HttpRequest.newBuilder(uri("/v1/articles/" + id + "?version=2")).DELETE()));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(producer.history()).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(id);
            assertThat(record.value().getPubStatus()).isEqualTo(PubStatus.CANCELED);
        });
    }

    @Test
    void shouldAnswer400ForADeleteWithABadVersion() throws Exception {
        start(ackingProducer());

        HttpResponse<String> response = send(authorized(HttpRequest.newBuilder(uri("/v1/articles/a-1?version=latest")).DELETE()));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("errors").findValuesAsText("field")).containsExactly("version");
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void shouldLetOnlyTheKeysNamedInApiUnpublishKeysKillOrWithhold() throws Exception {
        start(ackingProducer(), Duration.ofSeconds(5), RequestRateLimiter.unlimited(), List.of("cms"));

        HttpResponse<String> wireDelete = send(HttpRequest.newBuilder(uri("/v1/articles/a-1")).DELETE()
                .header("Authorization", "Bearer " + WIRE_KEY).build());
        HttpResponse<String> wirePost = send(post("/v1/articles", "application/json", aKill("a-2").json())
                .header("Authorization", "Bearer " + WIRE_KEY).build());
        HttpResponse<String> wireBatch = send(post("/v1/articles:batch", NDJSON,
                lines(aKill("a-3").json(), anArticle("a-4").json())).header("Authorization", "Bearer " + WIRE_KEY).build());
        HttpResponse<String> cmsDelete = send(authorized(HttpRequest.newBuilder(uri("/v1/articles/a-1")).DELETE()));

        assertThat(wireDelete.statusCode()).isEqualTo(403);
        assertThat(wireDelete.body()).contains("unpublish-not-allowed").contains("'wire'").doesNotContain(WIRE_KEY);
        assertThat(wirePost.statusCode()).isEqualTo(403);
        assertThat(wireBatch.statusCode()).isEqualTo(207);
        assertThat(json.readTree(wireBatch.body()).get("results").get(0).get("errors").findValuesAsText("field"))
                .containsExactly("pubStatus");
        assertThat(cmsDelete.statusCode()).isEqualTo(202);
        assertThat(producer.history()).extracting(r -> r.value().getUri()).containsExactly("a-4", "a-1");
        assertThat(registry.counter("newsflow.ingest.requests", "result", "forbidden", "provider", "wire",
                "reason", "unpublish-not-allowed").count()).isEqualTo(3.0); // DELETE, POST and the batch line
    }

    @Test
    void shouldShowTheSeriesOperatorsAlertOnAtZeroBeforeTheFirstRequest() {
        start(ackingProducer());

        for (String[] series : List.of(new String[] {"failed", "wire", "kafka-timeout"}, new String[] {"failed", "cms", "busy"},
                new String[] {"forbidden", "wire", "unpublish-not-allowed"}, new String[] {"rate-limited", "cms", "rate-limited"},
                new String[] {"unauthorized", "none", "no-valid-key"}, new String[] {"accepted", "cms", "none"})) {
            // find, not counter(): counter() would create the series the test looks for
            assertThat(registry.find("newsflow.ingest.requests").tag("result", series[0]).tag("provider", series[1])
                    .tag("reason", series[2]).counter()).as(String.join("/", series)).isNotNull()
                    .satisfies(c -> assertThat(c.count()).isZero());
        }
        assertThat(registry.find("newsflow.articles.in").counter()).isNotNull().satisfies(c -> assertThat(c.count()).isZero());
    }

    @Test
    void shouldRefuseAKillOrABatchWithoutAKey() throws Exception {
        start(ackingProducer());

        assertThat(send(HttpRequest.newBuilder(uri("/v1/articles/a-1")).DELETE().build()).statusCode()).isEqualTo(401);
        assertThat(send(post("/v1/articles:batch", NDJSON, aKill("a-1").json()).build()).statusCode()).isEqualTo(401);
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void shouldAcceptAKillLineInABatch() throws Exception {
        start(ackingProducer());

        HttpResponse<String> response = send(authorized(post("/v1/articles:batch", NDJSON, aKill("a-1").json())));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(json.readTree(response.body()).get("results").get(0).get("status").asText()).isEqualTo("kill-accepted");
        assertThat(producer.history()).singleElement()
                .satisfies(record -> assertThat(record.value().getPubStatus()).isEqualTo(PubStatus.CANCELED));
    }

    @Test
    void shouldAnswer429WithRetryAfterWhenOneKeyGoesOverItsRateAndLeaveOtherKeysAndKillsAlone() throws Exception {
        // 2 requests per hour: the window cannot roll over during the test
        start(ackingProducer(), Duration.ofSeconds(5), new RequestRateLimiter(2, Duration.ofHours(1)));

        var statuses = IntStream.range(0, 4)
                .mapToObj(i -> sendUnchecked(authorized(post("/v1/articles", "application/json", anArticle("a-" + i).json()))))
                .toList();
        HttpResponse<String> otherKey = send(post("/v1/articles", "application/json", anArticle("w-1").json())
                .header("X-Api-Key", WIRE_KEY).build());
        HttpResponse<String> kill = send(authorized(HttpRequest.newBuilder(uri("/v1/articles/a-0")).DELETE()));

        assertThat(statuses).extracting(HttpResponse::statusCode).containsExactly(202, 202, 429, 429);
        HttpResponse<String> refused = statuses.get(2);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("3600");
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith(Problem.MEDIA_TYPE));
        assertThat(json.readTree(refused.body()).path("type").asText()).endsWith("rate-limited");
        assertThat(otherKey.statusCode()).isEqualTo(202);
        assertThat(kill.statusCode()).as("a kill is never rate limited").isEqualTo(202);
        assertThat(producer.history()).hasSize(4);
        assertThat(registry.scrape()).contains("result=\"rate-limited\"");
    }

    private HttpResponse<String> sendUnchecked(HttpRequest request) {
        try {
            return send(request);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Acknowledges every write but those of the ids {@code tooLarge} names, which Kafka refuses as too large. */
    private static MockProducer<String, RawArticle> refusingAsTooLarge(java.util.function.Predicate<String> tooLarge) {
        return new MockProducer<>(true, null, new StringSerializer(), Serdes.RAW_ARTICLE.serializer()) {
            @Override
            public synchronized java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata> send(
                    ProducerRecord<String, RawArticle> record, org.apache.kafka.clients.producer.Callback callback) {
                if (tooLarge.test(record.key())) {
                    callback.onCompletion(null, new org.apache.kafka.common.errors.RecordTooLargeException("too large"));
                    return CompletableFuture.failedFuture(new org.apache.kafka.common.errors.RecordTooLargeException("too large"));
                }
                return super.send(record, callback);
            }
        };
    }

    private MockProducer<String, RawArticle> ackingProducer() {
        return new MockProducer<>(true, null, new StringSerializer(), Serdes.RAW_ARTICLE.serializer());
    }

    private void start(MockProducer<String, RawArticle> mock) {
        start(mock, Duration.ofSeconds(5));
    }

    private void start(MockProducer<String, RawArticle> mock, Duration ackTimeout) {
        start(mock, ackTimeout, RequestRateLimiter.unlimited());
    }

    private void start(MockProducer<String, RawArticle> mock, Duration ackTimeout, RequestRateLimiter rateLimiter) {
        start(mock, ackTimeout, rateLimiter, List.of());
    }

    private void start(MockProducer<String, RawArticle> mock, Duration ackTimeout, RequestRateLimiter rateLimiter,
                       List<String> unpublishers) {
        start(mock, ackTimeout, rateLimiter, ApiKeys.parse("cms:" + CMS_KEY + ",wire:" + WIRE_KEY).withUnpublishers(unpublishers));
    }

    private void start(MockProducer<String, RawArticle> mock, Duration ackTimeout, RequestRateLimiter rateLimiter,
                       ApiKeys keys) {
        producer = mock;
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        IngestApi api = new IngestApi(new ArticleParser(LIMITS, Clock.fixed(NOW, ZoneOffset.UTC)),
                new ArticleWriter(mock), keys,
                rateLimiter, LIMITS,
                ackTimeout, registry);
        server = StageServer.start("ingest", "127.0.0.1", 0, Math.max(LIMITS.maxBatchBytes(), LIMITS.maxRequestBytes()),
                registry, () -> HealthStatus.up(Map.of()), () -> HealthStatus.up(Map.of()), api::routes);
    }

    private URI uri(String path) {
        return URI.create(server.localUrl() + path);
    }

    private HttpRequest.Builder post(String path, String contentType, String body) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpRequest authorized(HttpRequest.Builder request) {
        return request.header("Authorization", "Bearer " + CMS_KEY).build();
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    private HttpRequest.Builder postBytes(String path, String contentType, byte[] body) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private static byte[] latin1(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Test
    void shouldRefuseABodyThatIsNotUtf8InsteadOfStoringItGarbled() throws Exception {
        start(ackingProducer());

        HttpResponse<String> response = send(authorized(postBytes("/v1/articles", "application/json",
                latin1(anArticle("a-1").with("headline", "Caf\u00e9 opens").json()))));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("errors").get(0).get("message").asText()).isEqualTo("not valid UTF-8");
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void shouldReadPastAByteOrderMarkAndRefuseADeclaredCharsetThatIsNotUtf8() throws Exception {
        start(ackingProducer());

        HttpResponse<String> withMark = send(authorized(post("/v1/articles", "application/json",
                "\uFEFF" + anArticle("a-1").json())));
        HttpResponse<String> latin = send(authorized(post("/v1/articles", "application/json; charset=ISO-8859-1",
                anArticle("a-2").json())));
        HttpResponse<String> utf8 = send(authorized(post("/v1/articles", "application/json; charset=\"UTF-8\"",
                anArticle("a-3").json())));

        assertThat(withMark.statusCode()).isEqualTo(202);
        assertThat(latin.statusCode()).isEqualTo(415);
        assertThat(utf8.statusCode()).isEqualTo(202);
        assertThat(producer.history()).extracting(ProducerRecord::key).containsExactly("a-1", "a-3");
    }

    @Test
    void shouldRefuseOnlyTheBatchLineThatIsNotUtf8AndReportIgnoredFieldsPerLine() throws Exception {
        start(ackingProducer());
        java.io.ByteArrayOutputStream batch = new java.io.ByteArrayOutputStream();
        batch.writeBytes(("\uFEFF" + anArticle("a-1").with("slugline", "cup").json() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        batch.writeBytes(latin1(anArticle("a-2").with("headline", "Caf\u00e9").json() + "\r\n"));

        HttpResponse<String> response = send(authorized(postBytes("/v1/articles:batch", NDJSON, batch.toByteArray())));

        assertThat(response.statusCode()).isEqualTo(207);
        JsonNode results = json.readTree(response.body()).get("results");
        assertThat(results.get(0).get("status").asText()).isEqualTo("accepted");
        assertThat(results.get(0).get("ignoredFields").get(0).asText()).isEqualTo("slugline");
        assertThat(results.get(1).get("line").asInt()).isEqualTo(2);
        assertThat(results.get(1).get("errors").get(0).get("message").asText()).isEqualTo("not valid UTF-8");
        assertThat(producer.history()).extracting(ProducerRecord::key).containsExactly("a-1");
    }

    @Test
    void shouldAnswer405ForAMethodTheEndpointDoesNotTake() throws Exception {
        start(ackingProducer());

        HttpResponse<String> response = send(authorized(HttpRequest.newBuilder(uri("/v1/articles")).GET()));

        assertThat(response.statusCode()).isEqualTo(405);
    }

    @Test
    void shouldAnswer500WithoutRetryAdviceWhenKafkaRefusesTheWriteForGood() throws Exception {
        MockProducer<String, RawArticle> refusing = ackingProducer();
        refusing.sendException = new org.apache.kafka.common.errors.TopicAuthorizationException("no WRITE on news.articles.raw");
        start(refusing);

        HttpResponse<String> one = send(authorized(post("/v1/articles", "application/json", anArticle("a-1").json())));
        HttpResponse<String> batch = send(authorized(post("/v1/articles:batch", NDJSON,
                lines(anArticle("a-2").json(), anArticle("a-3").json()))));

        assertThat(one.statusCode()).isEqualTo(500);
        assertThat(one.headers().firstValue("Retry-After")).isEmpty();
        assertThat(json.readTree(one.body()).get("detail").asText()).contains("a retry will fail the same way");
        assertThat(batch.statusCode()).isEqualTo(500);
        assertThat(batch.headers().firstValue("Retry-After")).isEmpty();
        JsonNode results = json.readTree(batch.body()).get("results");
        assertThat(results.get(0).get("detail").asText()).contains("TopicAuthorizationException");
        assertThat(results.get(1).get("detail").asText()).startsWith("not sent").contains("refused an earlier line");
    }

    @Test
    void shouldEchoASaneRequestIdOrMakeOneAndPutItInTheAnswer() throws Exception {
        start(ackingProducer());

        HttpResponse<String> given = send(authorized(post("/v1/articles", "application/json", anArticle("a-1").json())
                .header("X-Request-Id", "cms-7f3a:42")));
        HttpResponse<String> insane = send(authorized(post("/v1/articles", "application/json", "{}")
                .header("X-Request-Id", "x".repeat(200))));

        assertThat(given.headers().firstValue("X-Request-Id")).hasValue("cms-7f3a:42");
        assertThat(json.readTree(given.body()).get("requestId").asText()).isEqualTo("cms-7f3a:42");
        String made = insane.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(made).matches("[0-9a-f-]{36}");
        assertThat(json.readTree(insane.body()).get("requestId").asText()).isEqualTo(made); // in the problem too
    }

    @Test
    void shouldHoldAKeyToItsOwnIdPrefixesForWritesUpdatesAndKills() throws Exception {
        start(ackingProducer(), Duration.ofSeconds(5), RequestRateLimiter.unlimited(),
                ApiKeys.parse("cms:" + CMS_KEY + ",wire:" + WIRE_KEY).withIdPrefixes(List.of("wire=urn:wire:", "wire=ap:")));

        HttpResponse<String> own = send(post("/v1/articles", "application/json", anArticle("urn:wire:1").json())
                .header("Authorization", "Bearer " + WIRE_KEY).build());
        HttpResponse<String> cmsStory = send(post("/v1/articles", "application/json", anArticle("urn:cms:7").json())
                .header("Authorization", "Bearer " + WIRE_KEY).build());
        HttpResponse<String> kill = send(HttpRequest.newBuilder(uri("/v1/articles/urn:cms:7")).DELETE()
                .header("Authorization", "Bearer " + WIRE_KEY).build());
        HttpResponse<String> batch = send(post("/v1/articles:batch", NDJSON, lines(anArticle("ap:2").json(),
                anArticle("urn:cms:8").json())).header("Authorization", "Bearer " + WIRE_KEY).build());
        HttpResponse<String> cms = send(authorized(post("/v1/articles", "application/json", anArticle("urn:wire:9").json())));

        assertThat(own.statusCode()).isEqualTo(202);
        assertThat(cmsStory.statusCode()).isEqualTo(403);
        assertThat(json.readTree(cmsStory.body()).get("detail").asText()).contains("urn:wire:").contains("api.id.prefixes");
        assertThat(kill.statusCode()).isEqualTo(403);
        assertThat(batch.statusCode()).isEqualTo(207);
        JsonNode refused = json.readTree(batch.body()).get("results").get(1);
        assertThat(refused.get("status").asText()).isEqualTo("rejected");
        assertThat(refused.get("errors").findValuesAsText("field")).containsExactly("uri");
        assertThat(cms.statusCode()).isEqualTo(202); // a key with no prefixes writes any id
        assertThat(producer.history()).extracting(r -> r.value().getUri()).containsExactly("urn:wire:1", "ap:2", "urn:wire:9");
        assertThat(registry.counter("newsflow.ingest.requests", "result", "forbidden", "provider", "wire",
                "reason", "id-not-allowed").count()).isEqualTo(3.0);
    }

    @Test
    void shouldAnswer503WhileTheStageIsStillStartingAndWriteNothing() throws Exception {
        producer = ackingProducer();
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        IngestApi api = new IngestApi(new ArticleParser(LIMITS, Clock.fixed(NOW, ZoneOffset.UTC)),
                new ArticleWriter(producer), ApiKeys.parse("cms:" + CMS_KEY), RequestRateLimiter.unlimited(), LIMITS,
                Duration.ofSeconds(5), registry);
        java.util.concurrent.atomic.AtomicBoolean accepting = new java.util.concurrent.atomic.AtomicBoolean(false);
        server = StageServer.start("ingest", "127.0.0.1", 0, LIMITS.maxBatchBytes(), registry,
                () -> HealthStatus.up(Map.of()), () -> HealthStatus.up(Map.of()), app -> api.routes(app, accepting::get));

        HttpResponse<String> starting = send(authorized(post("/v1/articles", "application/json", anArticle("a-1").json())));
        accepting.set(true);
        HttpResponse<String> started = send(authorized(post("/v1/articles", "application/json", anArticle("a-2").json())));

        assertThat(starting.statusCode()).isEqualTo(503);
        assertThat(starting.headers().firstValue("Retry-After")).isPresent();
        assertThat(json.readTree(starting.body()).get("type").asText()).endsWith("/starting");
        assertThat(started.statusCode()).isEqualTo(202);
        assertThat(producer.history()).extracting(ProducerRecord::key).containsExactly("a-2");
    }

    @Test
    void shouldTagARefusedRequestWithItsIdToo() throws Exception {
        start(ackingProducer());

        HttpResponse<String> unauthorized = send(post("/v1/articles", "application/json", anArticle("a-1").json())
                .header("X-Request-Id", "cms-1").build());

        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(unauthorized.headers().firstValue("X-Request-Id")).hasValue("cms-1");
        assertThat(json.readTree(unauthorized.body()).get("requestId").asText()).isEqualTo("cms-1");
    }

    /** The formatted lines a class logs while open: what an operator would read. */
    private static final class LogCapture implements AutoCloseable {
        private final ch.qos.logback.classic.Logger logger;
        private final ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender =
                new ch.qos.logback.core.read.ListAppender<>();

        LogCapture(Class<?> source) {
            logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(source);
            appender.start();
            logger.addAppender(appender);
        }

        List<String> messages() {
            return appender.list.stream().map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage).toList();
        }

        @Override
        public void close() {
            logger.detachAppender(appender);
        }
    }
}
