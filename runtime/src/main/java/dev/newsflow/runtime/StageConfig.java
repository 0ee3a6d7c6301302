package dev.newsflow.runtime;

import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * Typed, validated newsflow settings of one stage. Built on Kafka's own {@link ConfigDef}: every field carries its
 * type, default, validator and description, and a bad value fails at start with a message that names the setting.
 */
public class StageConfig extends AbstractConfig {

    public static final String HTTP_PORT = "http.port";
    public static final String HTTP_HOST = "http.host";
    public static final String TOPIC_SETUP = "topics.create";
    public static final String TOPIC_SETUP_TIMEOUT_MS = "topics.create.timeout.ms";
    public static final String TOPIC_REPLICATION_FACTOR = "topics.replication.factor";
    public static final String TOPIC_MIN_INSYNC_REPLICAS = "topics.min.insync.replicas";

    protected StageConfig(ConfigDef definition, Map<String, String> settings) {
        super(definition, settings, false);
    }

    /** The settings every stage has; a stage adds its own to the returned definition. */
    public static ConfigDef baseDefinition(int defaultPort) {
        return new ConfigDef()
                .define(HTTP_PORT, Type.INT, defaultPort, Range.between(0, 65535), Importance.HIGH,
                        "Port of the stage's HTTP server (health, metrics, and for ingest the API); 0 picks a free port.")
                .define(HTTP_HOST, Type.STRING, "0.0.0.0", Importance.MEDIUM, "Address the HTTP server binds to.")
                .define(TOPIC_SETUP, Type.BOOLEAN, true, Importance.MEDIUM,
                        "Create missing topics at start (with the settings in Topics) and wait for their leaders.")
                .define(TOPIC_SETUP_TIMEOUT_MS, Type.LONG, 60_000L, Range.atLeast(1_000), Importance.LOW,
                        "How long to wait for topics and partition leaders at start.")
                .define(TOPIC_REPLICATION_FACTOR, Type.INT, -1, Range.between(-1, Short.MAX_VALUE), Importance.HIGH,
                        "Copies of each topic newsflow creates; -1 leaves it to the broker's default.replication.factor."
                                + " Use 3 in production.")
                .define(TOPIC_MIN_INSYNC_REPLICAS, Type.INT, -1, Range.atLeast(-1), Importance.HIGH,
                        "min.insync.replicas of each topic newsflow creates; -1 leaves it to the broker. Use 2 with 3"
                                + " copies, so an acknowledged article is on two brokers.");
    }

    /** Read from raw settings too, for commands (the importer) that have no stage config of their own. */
    public static TopicSetup.Replication replication(Map<String, ?> settings) {
        return new TopicSetup.Replication(
                positive(settings, TOPIC_REPLICATION_FACTOR).map(Integer::shortValue),
                positive(settings, TOPIC_MIN_INSYNC_REPLICAS));
    }

    private static java.util.Optional<Integer> positive(Map<String, ?> settings, String key) {
        Object value = settings.get(key);
        if (value == null || value.toString().isBlank()) {
            return java.util.Optional.empty();
        }
        try {
            int parsed = Integer.parseInt(value.toString().strip());
            if (parsed == 0 || parsed < -1 || parsed > Short.MAX_VALUE) {
                throw new NumberFormatException();
            }
            return parsed == -1 ? java.util.Optional.empty() : java.util.Optional.of(parsed);
        } catch (NumberFormatException e) {
            throw new org.apache.kafka.common.config.ConfigException(key, value, "a positive number of replicas, or -1 for the broker's default");
        }
    }

    public int httpPort() {
        return getInt(HTTP_PORT);
    }

    public String httpHost() {
        return getString(HTTP_HOST);
    }

    public boolean createTopics() {
        return getBoolean(TOPIC_SETUP);
    }

    public long topicSetupTimeoutMs() {
        return getLong(TOPIC_SETUP_TIMEOUT_MS);
    }
}
