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
                        "How long to wait for topics and partition leaders at start.");
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
