package dev.newsflow.runtime;

import dev.newsflow.schemas.Topics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What every stage does first: log its effective settings (secrets masked), ensure the topics, make its registry. */
public final class StageStartup {

    private static final Logger log = LoggerFactory.getLogger(StageStartup.class);

    private StageStartup() {
    }

    /** @return the stage's metrics registry, every meter tagged with {@code stage} */
    public static PrometheusMeterRegistry prepare(String stage, StageConfig config, Settings settings) {
        log.info("Starting stage={} settings={}", stage, Settings.masked(config.values()));
        log.info("Kafka client settings stage={} kafka={}", stage, Settings.masked(settings.kafka()));
        if (config.createTopics()) {
            try (Admin admin = Admin.create(settings.kafkaProperties())) {
                TopicSetup.ensure(admin, Topics.all(), Duration.ofMillis(config.topicSetupTimeoutMs()));
            }
        }
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("stage", stage);
        return registry;
    }
}
