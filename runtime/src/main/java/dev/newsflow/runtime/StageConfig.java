package dev.newsflow.runtime;

import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

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
                .define(TOPIC_REPLICATION_FACTOR, Type.INT, -1, replicas(), Importance.HIGH,
                        "Copies of each topic newsflow creates; -1 leaves it to the broker's default.replication.factor."
                                + " Use 3 in production.")
                .define(TOPIC_MIN_INSYNC_REPLICAS, Type.INT, -1, replicas(), Importance.HIGH,
                        "min.insync.replicas of each topic newsflow creates; -1 leaves it to the broker. Use 2 with 3"
                                + " copies, so an acknowledged article is on two brokers.");
    }

    /**
     * Read from a stage's raw settings, for those that have no stage config at hand (the importer, Streams settings);
     * validated by the same definition, so a bad value fails with the same message naming the setting.
     */
    public static TopicSetup.Replication replication(Map<String, String> settings) {
        // only these two: a setting the caller does not use (the importer and http.port) must not fail it
        Map<String, String> replication = new java.util.HashMap<>();
        for (String key : java.util.List.of(TOPIC_REPLICATION_FACTOR, TOPIC_MIN_INSYNC_REPLICAS)) {
            if (settings.containsKey(key)) {
                replication.put(key, settings.get(key));
            }
        }
        return new StageConfig(baseDefinition(0), replication).replication();
    }

    /** How many copies of each topic to create; empty where the broker's default is meant (-1). */
    public TopicSetup.Replication replication() {
        int factor = getInt(TOPIC_REPLICATION_FACTOR);
        int minInsync = getInt(TOPIC_MIN_INSYNC_REPLICAS);
        return new TopicSetup.Replication(factor == -1 ? Optional.empty() : Optional.of((short) factor),
                minInsync == -1 ? Optional.empty() : Optional.of(minInsync));
    }

    /** -1 (the broker's default) or a positive count of replicas a topic can have. */
    private static ConfigDef.Validator replicas() {
        return ConfigDef.LambdaValidator.with((name, value) -> {
            int n = (Integer) value;
            if (n != -1 && (n < 1 || n > Short.MAX_VALUE)) {
                throw new ConfigException(name, value, "a positive number of replicas, or -1 for the broker's default");
            }
        }, () -> "-1, or 1 to " + Short.MAX_VALUE);
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
