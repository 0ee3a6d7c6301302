package dev.newsflow.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.newsflow.enrich.EnrichConfig;
import dev.newsflow.ingest.IngestConfig;
import dev.newsflow.publish.PublishConfig;
import dev.newsflow.runtime.Settings;
import dev.newsflow.runtime.StageConfig;
import dev.newsflow.runtime.StreamsRunner;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * docker-compose.yml cannot be run where the build runs (no Docker engine), so the build reads it instead: every
 * name, port, command and setting in it must be one the stages actually have, as {@code docker compose up} would
 * otherwise be the first to find a misspelt variable or a health check probing the wrong port.
 */
class ComposeFileTest {

    private static final Path COMPOSE = Path.of("..", "docker-compose.yml");
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Z0-9_]+)(?:(:?[?-])([^}]*))?}");
    /** What an operator exports before {@code docker compose up}, as the file's header says. */
    private static final Map<String, String> OPERATOR_ENV = Map.of("NEWSFLOW_API_KEYS", "cms:0123456789abcdef0123");

    private static JsonNode compose;

    @BeforeAll
    static void read() throws IOException {
        compose = new ObjectMapper(new YAMLFactory()).readTree(COMPOSE.toFile());
    }

    private static JsonNode service(String stage) {
        JsonNode service = compose.path("services").path(stage);
        assertFalse(service.isMissingNode(), "docker-compose.yml has no service " + stage);
        return service;
    }

    /** The service's environment as the container sees it, after Compose's {@code ${VAR}} interpolation. */
    private static Map<String, String> environment(String stage) {
        Map<String, String> env = new LinkedHashMap<>();
        service(stage).path("environment").fields().forEachRemaining(e -> env.put(e.getKey(), interpolate(e.getValue().asText())));
        return env;
    }

    private static String interpolate(String value) {
        Matcher m = INTERPOLATION.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String given = OPERATOR_ENV.get(m.group(1));
            String replacement;
            if (given != null && !given.isEmpty()) {
                replacement = given;
            } else if (m.group(2) != null && m.group(2).endsWith("-")) {
                replacement = m.group(3);
            } else {
                assertTrue(m.group(2) != null && m.group(2).endsWith("?"),
                        "${" + m.group(1) + "} has no default and no error message: Compose would pass it empty");
                throw new AssertionError("the test's operator environment lacks " + m.group(1));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Settings settings(String stage) {
        return Settings.load(null, environment(stage));
    }

    private static AbstractConfig stageConfig(String stage) {
        Map<String, String> newsflow = settings(stage).newsflow();
        return switch (stage) {
            case "ingest" -> new IngestConfig(newsflow);
            case "enrich" -> new EnrichConfig(newsflow);
            case "publish" -> new PublishConfig(newsflow);
            default -> throw new AssertionError(stage);
        };
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest", "enrich", "publish"})
    void eachStageRunsTheCommandOfItsName(String stage) {
        List<String> command = strings(service(stage).path("command"));
        assertEquals(List.of(stage), command);
        assertTrue(new CommandLine(new NewsflowCommand()).getSubcommands().containsKey(stage),
                "newsflow has no subcommand " + stage);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest", "enrich", "publish"})
    void eachStageRunsTheImageJibBuilds(String stage) throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher parentVersion = Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL).matcher(pom);
        assertTrue(parentVersion.find());
        Matcher jibImage = Pattern.compile("<to><image>([^<]+)</image></to>").matcher(pom);
        assertTrue(jibImage.find(), "app/pom.xml configures no Jib image");
        String built = jibImage.group(1).replace("${project.version}", parentVersion.group(1));
        assertEquals(built, service(stage).path("image").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest", "enrich", "publish"})
    void everySettingIsOneTheStageReadsAndAccepts(String stage) {
        Settings settings = settings(stage);
        assertEquals(List.of(), UnknownSettings.warnings(settings.newsflow().keySet()));
        // and each one this stage's: NEWSFLOW_PUBLISH_URL on publish would be ignored there in silence
        Set<String> own = switch (stage) {
            case "ingest" -> IngestConfig.settingNames();
            case "enrich" -> EnrichConfig.settingNames();
            default -> PublishConfig.settingNames();
        };
        for (String key : settings.newsflow().keySet()) {
            assertTrue(own.contains(key) || UnknownSettings.OUTSIDE_STAGES.contains(key),
                    stage + " does not read " + key);
        }
        assertDoesNotThrow(() -> stageConfig(stage), "the stage refuses its compose settings");
        Set<String> clientSettings = new HashSet<>(ProducerConfig.configNames());
        clientSettings.addAll(ConsumerConfig.configNames());
        clientSettings.addAll(AdminClientConfig.configNames());
        if (!stage.equals("ingest")) { // the Kafka Streams stages
            clientSettings.addAll(StreamsConfig.configDef().names());
        }
        for (String key : settings.kafka().keySet()) {
            assertTrue(clientSettings.contains(key), stage + ": no Kafka client of this stage reads " + key);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest", "enrich", "publish"})
    void bootstrapServersNameTheBrokersListenerOnTheComposeNetwork(String stage) {
        String bootstrap = settings(stage).kafka().get("bootstrap.servers");
        assertNotNull(bootstrap, stage + " names no KAFKA_BOOTSTRAP_SERVERS: it would try localhost:9092");
        List<String> advertised = new ArrayList<>();
        for (String listener : environment("kafka").get("KAFKA_ADVERTISED_LISTENERS").split(",")) {
            advertised.add(listener.substring(listener.indexOf("://") + 3));
        }
        assertTrue(advertised.contains(bootstrap), bootstrap + " is not among the broker's " + advertised);
        assertTrue(bootstrap.startsWith("kafka:"), "stages reach the broker by its service name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest", "enrich", "publish"})
    void eachStageStartsOnlyOnceTheBrokerIsHealthy(String stage) {
        // enrich and publish wait for ingest, which creates the topics; ingest waits for the broker
        String waitsFor = stage;
        Set<String> seen = new HashSet<>();
        while (!waitsFor.equals("kafka")) {
            assertTrue(seen.add(waitsFor), "depends_on goes round in a circle at " + waitsFor);
            JsonNode dependsOn = service(waitsFor).path("depends_on");
            assertEquals(1, dependsOn.size(), waitsFor + " should wait for exactly one service");
            String next = dependsOn.fieldNames().next();
            assertEquals("service_healthy", dependsOn.path(next).path("condition").asText(),
                    waitsFor + " starts when " + next + " has merely started");
            waitsFor = next;
            service(waitsFor);
        }
        assertFalse(service("kafka").path("healthcheck").isMissingNode(), "the broker has no health check");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest", "enrich", "publish"})
    void healthCheckProbesThisStagesReadinessOnItsOperatorsPort(String stage) {
        List<String> test = strings(service(stage).path("healthcheck").path("test"));
        assertTrue(test.contains(NewsflowCommand.class.getName()), "the health check runs " + test);
        assertTrue(test.contains("@/app/jib-classpath-file"), "Jib writes the class path to /app/jib-classpath-file");
        int health = test.indexOf("health");
        assertTrue(health > 0 && new CommandLine(new NewsflowCommand()).getSubcommands().containsKey("health"));
        URI probe = URI.create(test.get(health + 1));
        AbstractConfig config = stageConfig(stage);
        int opsPort = config instanceof IngestConfig ingest && ingest.opsPort().isPresent()
                ? ingest.opsPort().getAsInt() : config.getInt(StageConfig.HTTP_PORT);
        assertEquals(opsPort, probe.getPort(), stage + "'s health check probes another port");
        assertEquals("/health/ready", probe.getPath());
        assertEquals("127.0.0.1", probe.getHost());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest", "enrich", "publish"})
    void publishedPortIsTheOneTheStageServes(String stage) {
        int httpPort = stageConfig(stage).getInt(StageConfig.HTTP_PORT);
        List<String> ports = strings(service(stage).path("ports"));
        assertEquals(1, ports.size(), stage + " publishes " + ports);
        String published = ports.get(0);
        assertEquals(String.valueOf(httpPort), published.substring(published.lastIndexOf(':') + 1));
        if (!stage.equals("ingest")) { // operator endpoints: never beyond this host
            assertTrue(published.startsWith("127.0.0.1:"), stage + " publishes its operator port to every interface");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"enrich", "publish"})
    void streamsStagesKeepTheirStateOnAVolumeAndGetTimeToClose(String stage) {
        String stateDir = settings(stage).kafka().get("state.dir");
        assertNotNull(stateDir, stage + "'s state would be in /tmp inside the container, lost on every restart");
        List<String> volumes = strings(service(stage).path("volumes"));
        String volume = volumes.stream().filter(v -> v.endsWith(":" + stateDir)).findFirst()
                .orElseThrow(() -> new AssertionError(stateDir + " is not a volume of " + stage + ": " + volumes));
        assertTrue(compose.path("volumes").has(volume.substring(0, volume.indexOf(':'))), "undeclared volume " + volume);
        Duration grace = Duration.parse("PT" + service(stage).path("stop_grace_period").asText("10s").toUpperCase());
        assertTrue(grace.compareTo(StreamsRunner.CLOSE_TIMEOUT) > 0,
                stage + " would be killed mid-close: grace " + grace + ", Streams close " + StreamsRunner.CLOSE_TIMEOUT);
    }

    @Test
    void ingestAsksThePublishServiceOnItsPort() {
        URI publishUrl = ((IngestConfig) stageConfig("ingest")).publishUrl();
        assertEquals("publish", publishUrl.getHost());
        assertEquals(stageConfig("publish").getInt(StageConfig.HTTP_PORT), publishUrl.getPort());
    }

    @Test
    void onlyIngestCreatesTopicsSoTheOthersNeverRaceIt() {
        assertEquals(List.of("ingest"), Stream.of("ingest", "enrich", "publish")
                .filter(stage -> stageConfig(stage).getBoolean(StageConfig.TOPIC_SETUP)).toList());
    }

    @Test
    void aMissingApiKeyStopsComposeWithAMessage() {
        String raw = service("ingest").path("environment").path("NEWSFLOW_API_KEYS").asText();
        Matcher m = INTERPOLATION.matcher(raw);
        assertTrue(m.matches(), raw);
        assertEquals(":?", m.group(2), "an unset NEWSFLOW_API_KEYS must stop compose, not start an open API");
    }
}
