package dev.newsflow.cli;

import dev.newsflow.runtime.Settings;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every command that talks to Kafka shares. */
final class ConfigOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file (newsflow settings, and Kafka client settings prefixed 'kafka.'). Default: $NEWSFLOW_CONFIG.")
    Path configFile;

    @Option(names = "--bootstrap-servers", paramLabel = "HOSTS",
            description = "Kafka bootstrap servers; overrides KAFKA_BOOTSTRAP_SERVERS and the file.")
    String bootstrapServers;

    Settings load() {
        Settings settings = Settings.load(configFile, System.getenv());
        if (bootstrapServers != null) {
            settings = settings.with(Map.of(), Map.of("bootstrap.servers", bootstrapServers));
        }
        UnknownSettings.warnings(settings.newsflow().keySet())
                .forEach(w -> org.slf4j.LoggerFactory.getLogger(ConfigOptions.class).warn("Settings: {}", w));
        if (!settings.kafka().containsKey("bootstrap.servers")) {
            settings = settings.with(Map.of(), Map.of("bootstrap.servers", "localhost:9092"));
        }
        return settings;
    }
}
