package dev.newsflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.newsflow.enrich.ArticleEnricher;
import dev.newsflow.enrich.EnrichApp;
import dev.newsflow.enrich.Enrichers;
import dev.newsflow.ingest.IngestApp;
import dev.newsflow.ingest.IngestConfig;
import dev.newsflow.publish.PublishApp;
import dev.newsflow.runtime.EmbeddedKafkaBroker;
import dev.newsflow.runtime.NamedThreads;
import dev.newsflow.runtime.Settings;
import dev.newsflow.runtime.StageConfig;
import dev.newsflow.runtime.StreamsStage;
import dev.newsflow.runtime.TopicSetup;
import dev.newsflow.schemas.Serdes;
import dev.newsflow.schemas.Topics;
import dev.newsflow.schemas.avro.Post;
import dev.newsflow.schemas.avro.PostEventType;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The whole pipeline on a laptop: an in-process KRaft broker, the three stages in this JVM, the bundled sample
 * articles pushed through the real HTTP API, and every post event printed as it is published.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run ingest + enrich + publish on an embedded Kafka broker and push the sample articles through.")
final class DemoCommand implements Callable<Integer> {

    private static final String SAMPLES = "/samples/articles.ndjson";
    private final ObjectMapper json = JsonMapper.builder().build();

    @Spec
    CommandSpec spec;

    @Option(names = "--once", description = "Exit 0 once every sample is published (1 if not within --timeout).")
    boolean once;

    @Option(names = "--json", description = "Print each post event as one JSON object per line on stdout.")
    boolean jsonOutput;

    @Option(names = "--port", defaultValue = "8080",
            description = "Ingest API port; enrich and publish take the next two. 0 picks free ports. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--timeout", defaultValue = "180", description = "Seconds --once waits for every post. Default: ${DEFAULT-VALUE}.")
    long timeoutSeconds;

    @Option(names = "--samples", paramLabel = "FILE", description = "NDJSON articles to push instead of the bundled samples.")
    Path samplesFile;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        // with --json, stdout carries only post events; everything for people goes to stderr
        PrintWriter info = jsonOutput ? spec.commandLine().getErr() : out;
        List<String> samples = readSamples();
        List<AutoCloseable> components = new ArrayList<>();
        Path stateDir = Files.createTempDirectory("newsflow-demo-state-");
        components.add(() -> deleteTree(stateDir)); // closed last
        try {
            // the models take seconds to load: do it while the broker starts
            CompletableFuture<ArticleEnricher> enricher = NamedThreads.supply("newsflow-demo-load-models", Enrichers::defaults);
            EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
            components.add(broker);
            String apiKey = "demo-" + HexFormat.of().formatHex(SecureRandom.getInstanceStrong().generateSeed(12));
            Settings base = Settings.of(Map.of(IngestConfig.API_KEYS, "demo:" + apiKey),
                    Map.of("bootstrap.servers", broker.bootstrapServers(), "state.dir", stateDir.toString()));
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                TopicSetup.ensure(admin, Topics.all(), Duration.ofSeconds(60));
            }
            // the three stages are independent once the topics exist: start them side by side
            Map<String, String> noTopicSetup = Map.of(StageConfig.TOPIC_SETUP, "false");
            // ingest answers GET /v1/articles/<id> by asking publish, whose port is known unless every port is free
            Map<String, String> ingestSettings = port == 0 ? Map.of(StageConfig.HTTP_PORT, "0")
                    : Map.of(StageConfig.HTTP_PORT, String.valueOf(port), IngestConfig.PUBLISH_URL, "http://127.0.0.1:" + nextPort(2));
            CompletableFuture<IngestApp> ingestStart = NamedThreads.supply("newsflow-demo-start-ingest", () -> IngestApp.start(
                    base.with(ingestSettings, Map.of()).with(noTopicSetup, Map.of())));
            CompletableFuture<StreamsStage> enrichStart = enricher.thenCompose(e -> NamedThreads.supply("newsflow-demo-start-enrich",
                    () -> EnrichApp.start(base.with(Map.of(StageConfig.HTTP_PORT, nextPort(1)), Map.of()).with(noTopicSetup, Map.of()), e)));
            CompletableFuture<StreamsStage> publishStart = NamedThreads.supply("newsflow-demo-start-publish", () -> PublishApp.start(
                    base.with(Map.of(StageConfig.HTTP_PORT, nextPort(2)), Map.of()).with(noTopicSetup, Map.of())));
            startedAll(components, ingestStart, enrichStart, publishStart);
            IngestApp ingest = ingestStart.join();
            StreamsStage enrich = enrichStart.join();
            StreamsStage publish = publishStart.join();

            info.printf("%nnewsflow demo is running on an embedded Kafka broker at %s%n", broker.bootstrapServers());
            info.printf("  ingest API   %s/v1/articles   (API key: %s)%n", ingest.url(), apiKey);
            info.printf("  health       %s/health/ready  %s/health/ready  %s/health/ready%n", ingest.url(), enrich.url(), publish.url());
            info.printf("  metrics      %s/metrics  %s/metrics  %s/metrics%n", ingest.url(), enrich.url(), publish.url());
            info.printf("  status pages %s/status  %s/status  %s/status%n%n", ingest.url(), enrich.url(), publish.url());
            info.printf("  try: curl -H 'Authorization: Bearer %s' -H 'Content-Type: application/json' %s/v1/articles -d '%s'%n",
                    apiKey, ingest.url(), "{\"uri\":\"urn:try:1\",\"version\":1,\"headline\":\"Harbour City sign a new striker\","
                            + "\"body\":\"Harbour City signed the striker on a three-year contract on Friday.\"}");
            if (port != 0) {
                info.printf("  then: curl -H 'Authorization: Bearer %s' %s/v1/articles/urn:try:1   (where the article is now)%n",
                        apiKey, ingest.url());
            }
            info.printf("  operators: curl %s/articles/urn:try:1   (live, embargoed, killed, unknown: publish's own answer)%n%n",
                    publish.url());
            info.flush();

            awaitRunning(enrich, publish);
            PostPrinter printer = new PostPrinter(broker.bootstrapServers(), out);
            components.add(printer);
            printer.start();

            List<Expected> expected = push(samples, ingest.url(), apiKey, info);
            printer.expect(expected);
            if (once) {
                boolean all = printer.awaitAll(Duration.ofSeconds(timeoutSeconds)) && printer.failure() == null;
                if (printer.failure() != null) {
                    throw new IllegalStateException("reading " + Topics.POSTS + " failed: " + printer.failure(),
                            printer.failure());
                }
                info.printf("%s %d of %d expected post events; first post %d ms after start; total %d ms%n",
                        all ? "Published all" : "Timed out after", printer.seen(), expected.size(),
                        printer.firstPostAtNanos() == 0 ? -1 : (printer.firstPostAtNanos() - started) / 1_000_000,
                        (System.nanoTime() - started) / 1_000_000);
                if (!all) {
                    info.printf("Missing: %s%n", printer.missing());
                }
                info.flush();
                return all ? 0 : 1;
            }
            info.printf("Samples pushed. Watching news.posts; Ctrl-C to stop.%n");
            info.flush();
            // Ctrl-C: close everything before the JVM's shutdown hooks finish, or the broker dies mid-write. A stage
            // that gives up (Streams ERROR) stops the demo too, with 70, as it stops a stage run on its own: a demo
            // that went on answering 202 while nothing was published showed only log lines
            int exitCode = Shutdown.awaitSignalThenClose(List.copyOf(components),
                    CompletableFuture.anyOf(enrich.gaveUp(), publish.gaveUp()).thenApply(String::valueOf));
            components.clear();
            return exitCode;
        } finally {
            Shutdown.closeAll(components);
        }
    }

    /**
     * Waits for every component to start and registers each that did for closing, then throws the first failure: a
     * stage that failed first must not leave its siblings running on a broker that is about to stop.
     */
    @SafeVarargs
    static void startedAll(List<AutoCloseable> components, CompletableFuture<? extends AutoCloseable>... starts) {
        RuntimeException first = null;
        for (CompletableFuture<? extends AutoCloseable> start : starts) {
            try {
                components.add(start.join());
            } catch (java.util.concurrent.CompletionException e) {
                if (first == null) {
                    first = e.getCause() instanceof RuntimeException r ? r : e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private String nextPort(int offset) {
        return String.valueOf(port == 0 ? 0 : port + offset);
    }

    private List<String> readSamples() throws IOException {
        if (samplesFile != null) {
            return Files.readAllLines(samplesFile, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        }
        try (InputStream in = DemoCommand.class.getResourceAsStream(SAMPLES)) {
            if (in == null) {
                throw new IllegalStateException("bundled samples missing: " + SAMPLES);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }

    private static void awaitRunning(StreamsStage... stages) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (StreamsStage stage : stages) {
            while (stage.state() != KafkaStreams.State.RUNNING) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("streams did not reach RUNNING within 60 s: " + stage.state());
                }
                TimeUnit.MILLISECONDS.sleep(50); // polling a state the client only reports by listener or getter
            }
        }
    }

    /** Pushes every sample through the real API; returns the post events they must produce. */
    private List<Expected> push(List<String> samples, String ingestUrl, String apiKey, PrintWriter info)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<Expected> expected = new ArrayList<>();
        for (String line : samples) {
            JsonNode article = json.readTree(line);
            // the API's names and its alias ("id" for "uri")
            String id = article.hasNonNull("uri") ? article.path("uri").asText() : article.path("id").asText();
            long version = article.path("version").asLong(0);
            String status = article.path("pubStatus").asText();
            boolean kill = "canceled".equalsIgnoreCase(status);
            boolean unpublish = kill || "withheld".equalsIgnoreCase(status); // a withhold is a DELETE too
            HttpRequest.Builder request = HttpRequest.newBuilder().timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + apiKey);
            if (kill) {
                request.uri(URI.create(ingestUrl + "/v1/articles/" + URLEncoder.encode(id, StandardCharsets.UTF_8)
                        + "?version=" + version)).DELETE();
            } else {
                request.uri(URI.create(ingestUrl + "/v1/articles")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(line));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                throw new IllegalStateException("ingest refused sample " + id + ": HTTP " + response.statusCode() + " " + response.body());
            }
            Expected next = new Expected(id, unpublish ? PostEventType.DELETE : PostEventType.UPSERT, unpublish ? -1 : version);
            // no event comes of a second unpublish of an article that is down (publish skips it as already-unpublished),
            // nor of the same version pushed twice (published once)
            boolean alreadyDown = expected.stream().filter(e -> e.id().equals(id)).reduce((a, b) -> b)
                    .map(last -> last.event() == PostEventType.DELETE).orElse(false);
            boolean pushedTwice = !unpublish && expected.contains(next);
            if (!(unpublish && alreadyDown) && !pushedTwice) {
                expected.add(next);
            }
        }
        info.printf("Pushed %d sample requests through %s%n", samples.size(), ingestUrl);
        info.flush();
        return expected;
    }

    /** A post event the demo waits for; version -1 matches any version. */
    record Expected(String id, PostEventType event, long version) {
        boolean matches(Post post) {
            return post.getId().equals(id) && post.getEvent() == event && (version < 0 || post.getVersion() == version);
        }
    }

    /** Follows news.posts (committed records only) and prints each event. */
    private final class PostPrinter implements AutoCloseable {

        private final KafkaConsumer<String, Post> consumer;
        private final PrintWriter out;
        private final Thread thread;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Expected> pending = new ArrayList<>();
        /** Met expectations by their position in {@code pending}: two equal ones (a kill, a republish, a kill) are two. */
        private final java.util.Set<Integer> done = ConcurrentHashMap.newKeySet();
        private final List<Post> early = new ArrayList<>();
        private final CountDownLatch allSeen = new CountDownLatch(1);
        private final AtomicLong firstPostAt = new AtomicLong();
        private volatile int expectedCount = -1;
        private volatile RuntimeException failure;

        PostPrinter(String bootstrap, PrintWriter out) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ConsumerConfig.GROUP_ID_CONFIG, "newsflow-demo-" + UUID.randomUUID());
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), Serdes.POST.deserializer());
            this.out = out;
            this.thread = new Thread(this::run, "newsflow-demo-printer");
        }

        void start() {
            consumer.subscribe(List.of(Topics.POSTS));
            thread.start();
        }

        synchronized void expect(List<Expected> expected) {
            pending.addAll(expected);
            expectedCount = expected.size();
            early.forEach(this::match);
            early.clear();
            checkDone();
        }

        private void run() {
            try {
                while (running.get()) {
                    for (ConsumerRecord<String, Post> record : consumer.poll(Duration.ofMillis(200))) {
                        firstPostAt.compareAndSet(0, System.nanoTime());
                        print(record.value());
                        synchronized (this) {
                            if (expectedCount < 0) {
                                early.add(record.value());
                            } else {
                                match(record.value());
                                checkDone();
                            }
                        }
                    }
                }
            } catch (RuntimeException e) {
                // said, not left to a bare "Timed out" minutes later: --once stops waiting at once
                failure = e;
                allSeen.countDown();
            } finally {
                consumer.close(Duration.ofSeconds(5));
            }
        }

        /** Why the reader stopped early (a post it could not read or print), or null. */
        RuntimeException failure() {
            return failure;
        }

        private void match(Post post) {
            for (int i = 0; i < pending.size(); i++) {
                Expected e = pending.get(i);
                if (!done.contains(i) && e.matches(post)) {
                    done.add(i);
                    return;
                }
            }
        }

        private void checkDone() {
            if (expectedCount >= 0 && done.size() >= expectedCount) {
                allSeen.countDown();
            }
        }

        boolean awaitAll(Duration timeout) throws InterruptedException {
            return allSeen.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        int seen() {
            return done.size();
        }

        long firstPostAtNanos() {
            return firstPostAt.get();
        }

        synchronized List<Expected> missing() {
            return java.util.stream.IntStream.range(0, pending.size()).filter(i -> !done.contains(i))
                    .mapToObj(pending::get).toList();
        }

        private void print(Post post) {
            if (jsonOutput) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("id", post.getId());
                line.put("event", post.getEvent().name().toLowerCase(java.util.Locale.ROOT));
                line.put("change", post.getChange().name().toLowerCase(java.util.Locale.ROOT));
                line.put("version", post.getVersion());
                line.put("categories", post.getCategories().stream().map(s -> {
                    Map<String, Object> c = new LinkedHashMap<>();
                    c.put("code", s.getCode());
                    c.put("label", s.getLabel());
                    c.put("confidence", Math.round(s.getConfidence() * 1000) / 1000.0);
                    return c;
                }).toList());
                line.put("headline", post.getHeadline());
                line.put("teaser", post.getTeaser());
                line.put("tags", post.getTags().stream().map(t -> t.getName()).toList());
                line.put("language", post.getLanguage());
                line.put("url", post.getUrl());
                if (post.getImage() != null) {
                    line.put("image", post.getImage().getUrl());
                }
                if (!post.getEmbeds().isEmpty()) {
                    line.put("embeds", post.getEmbeds().stream().map(e -> e.getUrl()).toList());
                }
                line.put("reviewRequired", post.getReviewRequired());
                try {
                    synchronized (out) {
                        out.println(json.writeValueAsString(line));
                        out.flush();
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("cannot print a post", e);
                }
                return;
            }
            String category = post.getCategories().isEmpty() ? "uncategorised"
                    : post.getCategories().get(0).getLabel() + String.format(" %.2f", post.getCategories().get(0).getConfidence());
            synchronized (out) {
                if (post.getEvent() == PostEventType.DELETE) {
                    out.printf("✗ %s  %s v%d  %s%n", post.getChange(), post.getId(), post.getVersion(),
                            post.getHeadline() != null ? post.getHeadline() : post.getUrl() != null ? post.getUrl()
                                    : "(never published here: sent so a site that has it drops it)");
                } else {
                    out.printf("● %s [%s]%s %s (v%d)%n    %s%n    tags: %s%n", post.getChange(), category,
                            post.getReviewRequired() ? " [review]" : "", post.getHeadline(), post.getVersion(),
                            post.getTeaser(), String.join(", ", post.getTags().stream().map(t -> t.getName()).toList()));
                    if (post.getImage() != null) {
                        out.printf("    image: %s%n", post.getImage().getUrl());
                    }
                    for (var embed : post.getEmbeds()) {
                        out.printf("    embed: %s %s (after paragraph %d)%n", embed.getProvider(), embed.getUrl(),
                                embed.getAfterParagraph());
                    }
                }
                out.flush();
            }
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(10_000);
        }
    }

    private static void deleteTree(Path root) {
        try (var walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp dir the OS cleans anyway; nothing an operator must act on
        }
    }
}
