package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.enrich.EnrichApp;
import dev.newsflow.ingest.IngestApp;
import dev.newsflow.publish.PublishApp;
import dev.newsflow.runtime.Settings;
import dev.newsflow.runtime.StreamsStage;
import dev.newsflow.runtime.testing.KafkaBroker;
import dev.newsflow.runtime.testing.KafkaBrokerExtension;
import dev.newsflow.schemas.MediaTopic;
import dev.newsflow.schemas.Serdes;
import dev.newsflow.schemas.Topics;
import dev.newsflow.schemas.avro.DeadLetter;
import dev.newsflow.schemas.avro.Post;
import dev.newsflow.schemas.avro.PostEventType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole pipeline through a real broker: the HTTP API, both Streams stages and every output topic.
 */
@ExtendWith(KafkaBrokerExtension.class)
class PipelineIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String API_KEY = "it-key-0123456789abcdef";
    private static final String SPORT_BODY = """
            <figure><img src="https://league.example/img/penalty.jpg" alt="Hartley scores"><figcaption>Owen Hartley \
            scores the winner. Photo: Jo Reed</figcaption></figure>\
            <p>Harbour City reached the League Cup semi-finals on Tuesday night after a late penalty from captain \
            Owen Hartley sealed a 2-1 win over Redmoor at a packed Riverside Stadium.</p>\
            <p>The striker scored from the spot in the 88th minute after the goalkeeper brought down the winger, \
            and the home fans celebrated a first semi-final since 2012. The manager praised the squad's fitness \
            and said the team would rotate players before Saturday's league match against the champions.</p>\
            <p>Redmoor had equalised early in the second half through a header from a corner, and their coach \
            said the referee's decision was harsh but fair.</p><h2>The draw</h2>\
            <p>The draw for the semi-finals takes place on Sunday, <a href="https://league.example/draw">live on the \
            league's site</a>.</p><iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe><table><tr><th>Club</th><th>Goals</th></tr><tr><td>Harbour City</td><td>2</td></tr>            <tr><td>Redmoor</td><td colspan="999">1</td></tr></table><ul><li>Semi-finals<ul><li>first legs on 3 February</li>\
            </ul></li><li>Final in April</li></ul><pre>  City   2\n  Redmoor 1</pre><script>alert(1)</script>""";

    private static KafkaBroker broker;
    private static IngestApp ingest;
    private static StreamsStage enrich;
    private static StreamsStage publish;
    private static final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    static Path stateDir;

    @BeforeAll
    static void startPipeline(KafkaBroker kafka) throws Exception {
        broker = kafka;
        Settings settings = Settings.of(Map.of("api.keys", "it:" + API_KEY, "http.port", "0", "max.request.bytes", "65536"),
                Map.of("bootstrap.servers", kafka.bootstrapServers(),
                        "state.dir", stateDir.toString()));
        // publish first: ingest asks it where an article is (GET /v1/articles/<id>), and needs its address
        publish = PublishApp.start(settings);
        enrich = EnrichApp.start(settings);
        ingest = IngestApp.start(settings.with(Map.of("publish.url", publish.url()), Map.of()));
        Awaitility.await().atMost(WAIT).until(() -> enrich.state() == KafkaStreams.State.RUNNING
                && publish.state() == KafkaStreams.State.RUNNING);
    }

    @AfterAll
    static void stopPipeline() {
        publish.close();
        enrich.close();
        ingest.close();
    }

    @Test
    void shouldPublishAPostedArticleToItsCategoryTopicAndCurrentPostsWithATeaser() throws Exception {
        String id = "urn:it:" + UUID.randomUUID();

        HttpResponse<String> response = post(article(id, 1, "Harbour City reach League Cup semi-finals"));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).contains("\"id\":\"" + id + "\"", "\"partition\"", "\"offset\"");
        try (var sport = posts(Topics.postsFor(MediaTopic.SPORT)); var current = posts(Topics.POSTS_CURRENT)) {
            Post sportPost = sport.await(id, 1, WAIT).get(0).value();
            assertThat(sportPost.getCategories().get(0).getCode()).isEqualTo(MediaTopic.SPORT.code());
            assertThat(sportPost.getTeaser()).isNotBlank().startsWith("Harbour City reached");
            // the source's subheading and link reach the post, cleaned (EnrichedArticle v4)
            assertThat(sportPost.getBodyHtml()).startsWith("<p>").doesNotContain("<script", "alert").contains(
                    "<h2>The draw</h2>", "<a href=\"https://league.example/draw\" rel=\"nofollow\">live on the league's site</a>",
                    "<table><thead><tr><th>Club</th><th>Goals</th></tr></thead><tbody><tr><td>Harbour City</td><td>2</td>"
                            + "</tr><tr><td>Redmoor</td><td>1</td></tr></tbody></table>",
                    // a nested list inside its item, preformatted text with its lines and indents
                    "<ul><li>Semi-finals<ul><li>first legs on 3 February</li></ul></li><li>Final in April</li></ul>"
                            + "<pre>  City   2\n  Redmoor 1</pre>");
            assertThat(sportPost.getImage().getUrl()).isEqualTo("https://league.example/img/penalty.jpg"); // Post v7
            // the video the story embeds, where it stands: after the draw's paragraph (Post v8)
            assertThat(sportPost.getEmbeds()).singleElement().satisfies(e -> {
                assertThat(e.getProvider()).isEqualTo("youtube");
                assertThat(e.getUrl()).isEqualTo("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
                // three paragraphs, the subheading, then the draw's paragraph: counted as a site counts the body's blocks
                assertThat(e.getAfterParagraph()).isEqualTo(5);
            });
            assertThat(sportPost.getImage().getCaption()).isEqualTo("Owen Hartley scores the winner. Photo: Jo Reed");
            Post currentPost = current.await(id, 1, WAIT).get(0).value();
            assertThat(currentPost.getHeadline()).isEqualTo("Harbour City reach League Cup semi-finals");
            // the compacted topic says which section pages the post is on (Post v6)
            assertThat(currentPost.getSections()).contains(MediaTopic.SPORT.slug());
        }
    }

    @Test
    void shouldShowTheImageTheSenderNamedOverTheOneInTheBody() throws Exception {
        String id = "urn:it:" + UUID.randomUUID();
        String json = article(id, 1, "Harbour City reach League Cup semi-finals").replaceFirst("\\}$",
                ",\"image\":{\"url\":\"https://cms.example/pics/hartley.jpg\",\"caption\":\"Hartley <b>celebrates</b>\"}}");

        assertThat(post(json).statusCode()).isEqualTo(202);

        try (var current = posts(Topics.POSTS_CURRENT)) {
            Post post = current.await(id, 1, WAIT).get(0).value();
            assertThat(post.getImage().getUrl()).isEqualTo("https://cms.example/pics/hartley.jpg"); // RawArticle v2
            assertThat(post.getImage().getCaption()).isEqualTo("Hartley celebrates");
        }
    }

    @Test
    void shouldReplaceThePostWhenTheArticleIsUpdated() throws Exception {
        String id = "urn:it:" + UUID.randomUUID();

        assertThat(post(article(id, 1, "Harbour City reach semi-finals")).statusCode()).isEqualTo(202);
        assertThat(post(article(id, 2, "Corrected: Harbour City reach League Cup semi-finals")).statusCode()).isEqualTo(202);

        try (var current = posts(Topics.POSTS_CURRENT)) {
            List<ConsumerRecord<String, Post>> versions = current.await(id, 2, WAIT);
            assertThat(versions.get(1).value().getVersion()).isEqualTo(2);
            assertThat(versions.get(1).value().getHeadline()).startsWith("Corrected:");
            assertThat(versions.get(1).value().getUrl()).isEqualTo(versions.get(0).value().getUrl());
        }
    }

    @Test
    void shouldHoldAnEmbargoedArticleUntilItsEmbargoAndThenPublishIt() throws Exception {
        String id = "urn:it:" + UUID.randomUUID();
        // far enough ahead that the article is through enrich before it: the hold itself is what is checked
        Instant embargo = Instant.now().plusSeconds(15).truncatedTo(ChronoUnit.SECONDS);
        String held = article(id, 1, "Harbour City to announce new manager")
                .replace("\"source\":\"it\"", "\"source\":\"it\",\"embargoedUntil\":\"" + embargo + "\"");
        assertThat(post(held).statusCode()).isEqualTo(202);
        String state = Awaitility.await().atMost(WAIT).until(() -> get(publish.url() + "/articles/" + id).body(),
                body -> body.contains("\"state\":\"embargoed\"") || body.contains("\"state\":\"live\""));
        assertThat(state).as("held before its embargo, not published at once").contains("\"state\":\"embargoed\"");

        try (var all = posts(Topics.POSTS)) {
            // released by publish's wall-clock timer, never before the embargo
            Post post = all.await(id, 1, WAIT).get(0).value();
            assertThat(post.getPublishedAt()).isAfterOrEqualTo(embargo);
            assertThat(post.getChange()).isEqualTo(dev.newsflow.schemas.avro.PostChange.PUBLISHED);
        }
    }

    @Test
    void shouldTombstoneTheCurrentPostWhenTheArticleIsKilled() throws Exception {
        String id = "urn:it:" + UUID.randomUUID();
        assertThat(post(article(id, 1, "Harbour City reach semi-finals")).statusCode()).isEqualTo(202);

        HttpResponse<String> kill = send(HttpRequest.newBuilder(URI.create(ingest.url() + "/v1/articles/" + id + "?version=2"))
                .header("Authorization", "Bearer " + API_KEY).DELETE());

        assertThat(kill.statusCode()).isEqualTo(202);
        try (var current = posts(Topics.POSTS_CURRENT); var all = posts(Topics.POSTS)) {
            List<ConsumerRecord<String, Post>> records = current.await(id, 2, WAIT);
            assertThat(records.get(1).value()).isNull();
            assertThat(all.await(id, 2, WAIT)).extracting(r -> r.value().getEvent())
                    .containsExactly(PostEventType.UPSERT, PostEventType.DELETE);
        }
    }

    @Test
    void shouldAnswerWhetherAnArticleIsLiveHeldOrTakenDownFromPublishsState() throws Exception {
        String id = "urn:it:" + UUID.randomUUID();
        String heldId = "urn:it:" + UUID.randomUUID();
        String lookup = publish.url() + "/articles/";

        HttpResponse<String> unknown = get(lookup + id);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"state\":\"unknown\"", "dead-letters");

        assertThat(post(article(id, 1, "Harbour City sign a new striker")).statusCode()).isEqualTo(202);
        String embargo = Instant.now().plusSeconds(3_600).truncatedTo(ChronoUnit.SECONDS).toString();
        assertThat(post(article(heldId, 4, "Harbour City to name their new manager")
                .replace("\"source\":\"it\"", "\"source\":\"it\",\"embargoedUntil\":\"" + embargo + "\""))
                .statusCode()).isEqualTo(202);

        Awaitility.await().atMost(WAIT).until(() -> get(lookup + id).statusCode() == 200);
        // a CMS asks ingest, with its key, and hears publish's answer
        HttpResponse<String> viaIngest = send(HttpRequest.newBuilder(URI.create(ingest.url() + "/v1/articles/" + id))
                .header("Authorization", "Bearer " + API_KEY).GET());
        assertThat(viaIngest.statusCode()).isEqualTo(200);
        assertThat(viaIngest.body()).contains("\"state\":\"live\"", "\"requestId\"");
        assertThat(get(lookup + id).body()).contains("\"state\":\"live\"", "\"version\":1",
                "Harbour City sign a new striker", "\"code\":\"" + MediaTopic.SPORT.code() + "\"", Topics.postsFor(MediaTopic.SPORT));
        Awaitility.await().atMost(WAIT).until(() -> get(lookup + heldId).statusCode() == 200);
        // held under embargo: its number and release time, never its words
        assertThat(get(lookup + heldId).body()).contains("\"state\":\"embargoed\"", "\"version\":4", embargo)
                .doesNotContain("manager");

        assertThat(kill(id, 2).statusCode()).isEqualTo(202);
        Awaitility.await().atMost(WAIT).until(() -> get(lookup + id).body().contains("\"state\":\"killed\""));
        assertThat(get(lookup + id).body()).contains("\"unpublishedUpToVersion\":2", "\"takenDown\"")
                .doesNotContain("\"live\"", "\"headline\"");
    }

    @Test
    void shouldDeadLetterGarbageOnTheRawTopicWhileTheNextArticleGetsThrough() throws Exception {
        String garbageKey = "garbage-" + UUID.randomUUID();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW, garbageKey, "not avro at all".getBytes(StandardCharsets.UTF_8))).get();
        }
        String id = "urn:it:" + UUID.randomUUID();
        assertThat(post(article(id, 1, "Harbour City reach semi-finals")).statusCode()).isEqualTo(202);

        try (var dlq = new TopicTail<>(broker.bootstrapServers(), Topics.ENRICH_DLQ, Serdes.DEAD_LETTER.deserializer());
             var all = posts(Topics.POSTS)) {
            DeadLetter dead = dlq.await(garbageKey, 1, WAIT).get(0).value();
            assertThat(dead.getReason()).isEqualTo("undecodable-record");
            assertThat(dead.getStage()).isEqualTo("enrich");
            assertThat(dead.getSourceTopic()).isEqualTo(Topics.ARTICLES_RAW);
            assertThat(dead.getSourceOffset()).isGreaterThanOrEqualTo(0);
            assertThat(StandardCharsets.UTF_8.decode(dead.getValue()).toString()).isEqualTo("not avro at all");
            assertThat(all.await(id, 1, WAIT)).hasSize(1);
        }
        assertThat(get(enrich.url() + "/metrics").body())
                .contains("newsflow_dead_letters_total{reason=\"undecodable-record\",stage=\"enrich\"}");
    }

    @Test
    void shouldPrintAnArticlesPostEventsWithWhatHappenedAndTheTombstoneOnCurrent() throws Exception {
        String id = "urn:it:" + UUID.randomUUID();
        assertThat(post(article(id, 1, "Harbour City reach the final")).statusCode()).isEqualTo(202);
        assertThat(post(article(id, 2, "Harbour City reach the cup final")).statusCode()).isEqualTo(202);
        assertThat(kill(id, 3).statusCode()).isEqualTo(202);
        try (var current = posts(Topics.POSTS_CURRENT)) {
            current.await(id, 3, WAIT);
        }

        java.io.StringWriter events = new java.io.StringWriter();
        java.io.StringWriter currentPosts = new java.io.StringWriter();
        int exit = new picocli.CommandLine(new PostsCommand()).setOut(new java.io.PrintWriter(events))
                .execute("--bootstrap-servers", broker.bootstrapServers(), "--id", id);
        int exitCurrent = new picocli.CommandLine(new PostsCommand()).setOut(new java.io.PrintWriter(currentPosts))
                .execute("--bootstrap-servers", broker.bootstrapServers(), "--current", "--id", id);

        assertThat(exit).isZero();
        assertThat(exitCurrent).isZero();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<com.fasterxml.jackson.databind.JsonNode> lines = new java.util.ArrayList<>();
        for (String l : events.toString().lines().toList()) {
            lines.add(json.readTree(l));
        }
        assertThat(lines).extracting(n -> n.path("post").path("change").asText())
                .containsExactly("PUBLISHED", "UPDATED", "KILLED");
        assertThat(lines.get(1).path("post").path("headline").asText()).isEqualTo("Harbour City reach the cup final");
        assertThat(currentPosts.toString().lines().reduce((a, b) -> b).orElseThrow()).contains("\"post\":null");
    }

    @Test
    void shouldPrintDeadLettersForAnOperatorWithReasonSourceAndValue() throws Exception {
        String garbageKey = "garbage-" + UUID.randomUUID();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW, garbageKey, "still not avro".getBytes(StandardCharsets.UTF_8))).get();
        }
        try (var dlq = new TopicTail<>(broker.bootstrapServers(), Topics.ENRICH_DLQ, Serdes.DEAD_LETTER.deserializer())) {
            dlq.await(garbageKey, 1, WAIT);
        }
        java.io.StringWriter out = new java.io.StringWriter();

        int exit = new picocli.CommandLine(new DeadLettersCommand()).setOut(new java.io.PrintWriter(out))
                .execute("--bootstrap-servers", broker.bootstrapServers(), "--stage", "enrich", "--reason", "undecodable-record");

        assertThat(exit).isZero();
        com.fasterxml.jackson.databind.JsonNode line = out.toString().lines()
                .map(l -> {
                    try {
                        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(l);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })
                .filter(n -> garbageKey.equals(n.path("key").asText())).findFirst().orElseThrow();
        assertThat(line.get("reason").asText()).isEqualTo("undecodable-record");
        assertThat(line.get("stage").asText()).isEqualTo("enrich");
        assertThat(line.get("source").asText()).startsWith(Topics.ARTICLES_RAW + "/");
        assertThat(line.get("valueStart").asText()).isEqualTo("still not avro");
        assertThat(line.get("detail").asText()).isNotBlank();
    }

    @Test
    void shouldPrintTheNewestDeadLettersInTimeOrderAcrossPartitions() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        // their keys spread over the partitions
        List<String> keys = java.util.stream.IntStream.range(0, 6).mapToObj(i -> "late-" + run + "-" + i).toList();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < keys.size(); i++) {
                producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW, keys.get(i),
                        "not avro".getBytes(StandardCharsets.UTF_8))).get();
            }
        }
        // a dead letter is stamped when it is written, so "newest" is the order enrich wrote them in, which the
        // partitions' interleaving decides: the expected three are read off the topic's own timestamps
        List<ConsumerRecord<String, DeadLetter>> letters = new java.util.ArrayList<>();
        try (var dlq = new TopicTail<>(broker.bootstrapServers(), Topics.ENRICH_DLQ, Serdes.DEAD_LETTER.deserializer())) {
            for (String key : keys) {
                letters.addAll(dlq.await(key, 1, WAIT));
            }
        }
        List<String> newest = letters.stream()
                .sorted(java.util.Comparator.comparingLong((ConsumerRecord<String, DeadLetter> r) -> r.timestamp())
                        .thenComparingInt(ConsumerRecord::partition).thenComparingLong(ConsumerRecord::offset))
                .map(ConsumerRecord::key).toList().subList(3, 6);
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();

        int exit = new picocli.CommandLine(new DeadLettersCommand()).setOut(new java.io.PrintWriter(out))
                .setErr(new java.io.PrintWriter(err)).execute("--bootstrap-servers", broker.bootstrapServers(),
                        "--stage", "enrich", "--max", "3", "--newest");

        assertThat(exit).isZero();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> printed = new java.util.ArrayList<>();
        for (String l : out.toString().lines().toList()) {
            printed.add(json.readTree(l).path("key").asText());
        }
        assertThat(printed).containsExactlyElementsOf(newest);
        assertThat(err.toString()).contains("the newest 3 of");
    }

    @Test
    void shouldImportAnNdjsonFileAndPublishEveryGoodLine() throws Exception {
        String first = "urn:it:" + UUID.randomUUID();
        String second = "urn:it:" + UUID.randomUUID();
        Path file = Files.createTempFile(stateDir, "import-it", ".ndjson");
        // the second as a CMS text box sends it: plain text, a paragraph per line, a bullet list
        String plainBody = "Harbour City reached the League Cup semi-finals on Tuesday night after a late penalty from"
                + " their captain.\\nThe club confirmed three changes for Saturday:\\n - Reyes returns in midfield \\n"
                + " - Hartley is rested \\nThe manager said the squad was fit.";
        Files.write(file, List.of(article(first, 1, "Imported one"), "{\"uri\":\"no-headline\",\"version\":1}",
                "{\"uri\":\"%s\",\"version\":1,\"headline\":\"Imported two\",\"body\":\"%s\",\"bodyType\":\"plain\"}"
                        .formatted(second, plainBody)));
        java.io.StringWriter out = new java.io.StringWriter();

        int exit = new picocli.CommandLine(new ImportCommand()).setOut(new java.io.PrintWriter(out))
                .setErr(new java.io.PrintWriter(new java.io.StringWriter()))
                .execute("--bootstrap-servers", broker.bootstrapServers(), file.toString());

        assertThat(exit).as(out.toString()).isEqualTo(1); // one line rejected
        assertThat(out.toString()).contains("3 lines, 2 accepted, 1 rejected, 0 failed", ":2 rejected", "headline: is required");
        try (var all = posts(Topics.POSTS)) {
            assertThat(all.await(first, 1, WAIT)).hasSize(1);
            assertThat(all.await(second, 1, WAIT)).singleElement().satisfies(post -> assertThat(post.value().getBodyHtml())
                    .isEqualTo("<p>Harbour City reached the League Cup semi-finals on Tuesday night after a late"
                            + " penalty from their captain.</p><p>The club confirmed three changes for Saturday:</p>"
                            + "<ul><li>Reyes returns in midfield</li><li>Hartley is rested</li></ul>"
                            + "<p>The manager said the squad was fit.</p>"));
        }
    }

    @Test
    void shouldRefuseARequestWithoutAValidApiKey() throws Exception {
        HttpResponse<String> none = send(HttpRequest.newBuilder(URI.create(ingest.url() + "/v1/articles"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(article("x", 1, "x"))));
        HttpResponse<String> wrong = send(HttpRequest.newBuilder(URI.create(ingest.url() + "/v1/articles"))
                .header("Authorization", "Bearer not-the-key-000000000").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(article("x", 1, "x"))));

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).isPresent();
    }

    @Test
    void shouldNameEveryInvalidFieldInA400Problem() throws Exception {
        HttpResponse<String> response = post("{\"uri\":\"bad id!\",\"version\":0,\"body\":\"text\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"field\":\"uri\"", "\"field\":\"version\"", "\"field\":\"headline\"");
    }

    @Test
    void shouldRefuseABodyOverTheLimitWith413() throws Exception {
        String huge = article("urn:it:huge", 1, "Huge").replace("Harbour City reached", "x".repeat(70_000));

        HttpResponse<String> response = post(huge);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("too-large");
    }

    @Test
    void shouldBeReadyAndExposeMetricsOnEveryStage() throws Exception {
        for (String url : List.of(ingest.url(), enrich.url(), publish.url())) {
            assertThat(get(url + "/health/ready").statusCode()).as(url).isEqualTo(200);
            assertThat(get(url + "/health/live").statusCode()).as(url).isEqualTo(200);
            assertThat(get(url + "/metrics").body()).as(url).contains("# TYPE");
        }
        assertThat(get(publish.url() + "/status").body()).contains("newsflow publish", "UP");
        assertThat(get(enrich.url() + "/topology").body()).contains("enrich-article", "write-dead-letters");
        assertThat(get(publish.url() + "/topology").body()).contains("decide-post", "unpublished-versions");
        // lag asked of the brokers, so it is there even when the stage's own consumer is not
        assertThat(get(enrich.url() + "/metrics").body()).containsPattern(
                "newsflow_consumer_lag_records\\{[^}]*topic=\"news\\.articles\\.raw\"[^}]*} [0-9]");
        assertThat(get(publish.url() + "/metrics").body()).containsPattern(
                "newsflow_consumer_lag_records\\{[^}]*topic=\"news\\.articles\\.enriched\"[^}]*} [0-9]");
        // publish's changelogs hold held articles and the posts' state: killed words must leave them within hours
        try (Admin admin = Admin.create(
                Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            List<ConfigResource> changelogs = admin.listTopics().names().get().stream()
                    .filter(name -> name.startsWith("newsflow-publish-") && name.endsWith("-changelog"))
                    .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name))
                    .toList();
            assertThat(changelogs).hasSizeGreaterThanOrEqualTo(5);
            admin.describeConfigs(changelogs).all().get().forEach((topic, config) -> {
                assertThat(config.get("segment.ms").value()).as(topic.name()).isEqualTo("3600000");
                assertThat(config.get("max.compaction.lag.ms").value()).as(topic.name()).isEqualTo("3600000");
            });
        }
        // every topic a stage writes has its failed-write counter before the first failure, so increase() sees it
        assertThat(get(publish.url() + "/metrics").body()).containsPattern(
                "newsflow_production_failures_total\\{stage=\"publish\",topic=\"news\\.posts\\.sport\"} [0-9]")
                .containsPattern("newsflow_production_failures_total\\{stage=\"publish\",topic=\"newsflow-publish-[^\"]*-changelog\"} [0-9]");
        assertThat(get(enrich.url() + "/metrics").body()).containsPattern(
                "newsflow_production_failures_total\\{stage=\"enrich\",topic=\"news\\.articles\\.enriched\"} [0-9]");
    }

    private static String article(String id, long version, String headline) {
        return """
                {"uri":"%s","version":%d,"headline":"%s","body":"%s","bodyType":"html","source":"it"}"""
                .formatted(id, version, headline, SPORT_BODY.replace("\"", "\\\"").replace("\n", "\\n"));
    }

    private static TopicTail<Post> posts(String topic) {
        return new TopicTail<>(broker.bootstrapServers(), topic, Serdes.POST.deserializer());
    }

    private static HttpResponse<String> kill(String id, long version) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(ingest.url() + "/v1/articles/"
                        + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8) + "?version=" + version))
                .header("Authorization", "Bearer " + API_KEY).DELETE());
    }

    private static HttpResponse<String> post(String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(ingest.url() + "/v1/articles"))
                .header("Authorization", "Bearer " + API_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
