package dev.newsflow.runtime;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Raw settings in three layers: defaults in code (each stage's {@code ConfigDef}), then an optional properties
 * file ({@code NEWSFLOW_CONFIG} or {@code --config}), then the environment, which wins.
 *
 * <p>Environment names map mechanically, as the common Kafka images do: {@code KAFKA_BOOTSTRAP_SERVERS} becomes the
 * Kafka client setting {@code bootstrap.servers}; {@code NEWSFLOW_HTTP_PORT} becomes the newsflow setting
 * {@code http.port}. In a properties file, Kafka client settings carry the prefix {@code kafka.}.
 */
public final class Settings {

    public static final String CONFIG_FILE_ENV = "NEWSFLOW_CONFIG";
    private static final String KAFKA_PREFIX = "kafka.";
    /** JVM and launcher variables of the Kafka images, not client settings. */
    private static final Set<String> NOT_CLIENT_SETTINGS = Set.of(
            "KAFKA_HEAP_OPTS", "KAFKA_OPTS", "KAFKA_JVM_PERFORMANCE_OPTS", "KAFKA_LOG4J_OPTS", "KAFKA_JMX_OPTS",
            "KAFKA_GC_LOG_OPTS", "KAFKA_DEBUG", "KAFKA_HOME", "KAFKA_VERSION");
    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(password|secret|jaas|api\\.keys|token|credential).*");

    private final Map<String, String> newsflow;
    private final Map<String, String> kafka;

    private Settings(Map<String, String> newsflow, Map<String, String> kafka) {
        this.newsflow = Map.copyOf(newsflow);
        this.kafka = Map.copyOf(kafka);
    }

    /** Loads the file named by {@code configFile} (or by {@code NEWSFLOW_CONFIG}), then overlays the environment. */
    public static Settings load(Path configFile, Map<String, String> env) {
        Map<String, String> newsflow = new TreeMap<>();
        Map<String, String> kafka = new TreeMap<>();
        Path file = configFile != null ? configFile
                : env.containsKey(CONFIG_FILE_ENV) ? Path.of(env.get(CONFIG_FILE_ENV)) : null;
        if (file != null) {
            readFile(file).forEach((k, v) -> {
                String key = k.toString().trim();
                if (isCredential(key)) {
                    // a config file is copied, committed and attached to tickets; a secret there leaks with it
                    throw new IllegalArgumentException(file + ": " + key + " is a secret and is read from the "
                            + "environment only: set " + envNameOf(key) + " instead, and remove it from the file");
                }
                if (key.startsWith(KAFKA_PREFIX)) {
                    kafka.put(key.substring(KAFKA_PREFIX.length()), v.toString().trim());
                } else {
                    newsflow.put(key, v.toString().trim());
                }
            });
        }
        env.forEach((name, value) -> {
            if (name.startsWith("KAFKA_") && !NOT_CLIENT_SETTINGS.contains(name)) {
                kafka.put(envToKey(name.substring("KAFKA_".length())), value);
            } else if (name.startsWith("NEWSFLOW_") && !name.equals(CONFIG_FILE_ENV)) {
                newsflow.put(envToKey(name.substring("NEWSFLOW_".length())), value);
            }
        });
        return new Settings(newsflow, kafka);
    }

    /** The environment variable a file key maps from ({@code kafka.sasl.jaas.config}: KAFKA_SASL_JAAS_CONFIG). */
    public static String envNameOf(String fileKey) {
        String name = fileKey.startsWith(KAFKA_PREFIX) ? "KAFKA_" + fileKey.substring(KAFKA_PREFIX.length())
                : "NEWSFLOW_" + fileKey;
        return name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** Settings from explicit maps, for tests and the in-process demo. */
    public static Settings of(Map<String, String> newsflow, Map<String, String> kafka) {
        return new Settings(newsflow, kafka);
    }

    /** A copy with more settings laid over these (the overlay wins). */
    public Settings with(Map<String, String> newsflowOverlay, Map<String, String> kafkaOverlay) {
        Map<String, String> n = new TreeMap<>(newsflow);
        n.putAll(newsflowOverlay);
        Map<String, String> k = new TreeMap<>(kafka);
        k.putAll(kafkaOverlay);
        return new Settings(n, k);
    }

    /** The newsflow settings ({@code http.port}, {@code api.keys}, ...). */
    public Map<String, String> newsflow() {
        return newsflow;
    }

    /** Kafka client settings ({@code bootstrap.servers}, {@code security.protocol}, ...). */
    public Map<String, String> kafka() {
        return kafka;
    }

    /** Kafka client settings as {@link Properties}, ready to lay the stage's own settings over. */
    public Properties kafkaProperties() {
        Properties props = new Properties();
        props.putAll(kafka);
        return props;
    }

    /**
     * Whether a setting's value must never be logged: any key the Kafka clients define as a password
     * ({@code ssl.keystore.key}, {@code ssl.key.password}, {@code sasl.jaas.config}, ... whatever the version adds),
     * with or without a client prefix ({@code producer.}, {@code main.consumer.}), and any key that looks secret.
     */
    static boolean isSecret(String key) {
        return SECRET_KEY.matcher(key).matches() || isKafkaPassword(key);
    }

    /**
     * Whether a setting is a credential a config file must not hold: our API keys, any key the Kafka clients define
     * as a password, the JAAS configuration (it embeds the password), or a key named like a password or secret.
     * Narrower than {@link #isSecret}, which also masks what merely looks secret in logs: an OAuth token endpoint URL
     * or client id is not a credential, and a file may hold it.
     */
    public static boolean isCredential(String key) {
        return CREDENTIAL_KEY.matcher(key).matches() || isKafkaPassword(key);
    }

    private static final Pattern CREDENTIAL_KEY = Pattern.compile("(?i).*(password|secret|jaas|api\\.keys).*");

    private static boolean isKafkaPassword(String key) {
        for (int dot = -1; ; dot = key.indexOf('.', dot + 1)) {
            if (KAFKA_PASSWORDS.contains(key.substring(dot + 1))) {
                return true;
            }
            if (key.indexOf('.', dot + 1) < 0) {
                return false;
            }
        }
    }

    private static final Set<String> KAFKA_PASSWORDS = kafkaPasswordKeys();

    private static Set<String> kafkaPasswordKeys() {
        Set<String> keys = new java.util.HashSet<>();
        for (org.apache.kafka.common.config.ConfigDef def : List.of(org.apache.kafka.clients.producer.ProducerConfig.configDef(),
                org.apache.kafka.clients.consumer.ConsumerConfig.configDef(),
                org.apache.kafka.clients.admin.AdminClientConfig.configDef(),
                org.apache.kafka.streams.StreamsConfig.configDef())) {
            def.configKeys().forEach((name, key) -> {
                if (key.type() == org.apache.kafka.common.config.ConfigDef.Type.PASSWORD) {
                    keys.add(name);
                }
            });
        }
        return Set.copyOf(keys);
    }

    /** For logs: every value whose key is secret is masked ({@link #isSecret}). */
    public static Map<String, String> masked(Map<String, ?> settings) {
        Map<String, String> out = new TreeMap<>();
        settings.forEach((k, v) -> out.put(k, isSecret(k) ? "[hidden]" : String.valueOf(v)));
        return out;
    }

    @Override
    public String toString() {
        return "Settings{newsflow=" + masked(newsflow) + ", kafka=" + masked(kafka) + "}";
    }

    private static String envToKey(String suffix) {
        return suffix.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    private static Properties readFile(Path file) {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            props.load(reader);
            return props;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read config file " + file + " (" + CONFIG_FILE_ENV + ")", e);
        }
    }
}
