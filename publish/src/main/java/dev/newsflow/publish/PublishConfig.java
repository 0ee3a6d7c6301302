package dev.newsflow.publish;

import dev.newsflow.runtime.StageConfig;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** The publish stage's settings (environment: {@code NEWSFLOW_SITE_BASE_URL}, ...). */
public final class PublishConfig extends StageConfig {

    public static final String SITE_BASE_URL = "site.base.url";
    public static final String ROUTE_MIN_CONFIDENCE = "route.min.confidence";
    public static final String EMBARGO_CHECK_MS = "embargo.check.interval.ms";
    public static final String ENRICH_APPLICATION_ID = "enrich.application.id";

    static final ConfigDef DEFINITION = baseDefinition(8082)
            .define(SITE_BASE_URL, Type.STRING, "https://news.example.com", (name, value) -> {
                        String v = String.valueOf(value);
                        if (!v.startsWith("https://") && !v.startsWith("http://")) {
                            throw new org.apache.kafka.common.config.ConfigException(name, value, "must be an http(s) URL");
                        }
                    }, Importance.HIGH, "Base of every post's canonical URL.")
            .define(ROUTE_MIN_CONFIDENCE, Type.DOUBLE, 0.35, Range.between(0.0, 1.0), Importance.MEDIUM,
                    "A post goes to a secondary category's topic only at this confidence or above; always to its primary.")
            .define(EMBARGO_CHECK_MS, Type.LONG, 1_000L, Range.between(100, 60_000), Importance.LOW,
                    "How often held embargoed articles are checked for release.")
            .define(ENRICH_APPLICATION_ID, Type.STRING, "newsflow-enrich", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "enrich's Kafka Streams application id (its consumer group): an embargoed version is released once"
                    + " what was sent before its embargo has been through enrich and publish. Set it when enrich runs"
                    + " under another id (KAFKA_APPLICATION_ID), as for a replay.");

    /** Every setting this stage reads, for telling a misspelt NEWSFLOW_ variable from one another stage reads. */
    public static java.util.Set<String> settingNames() {
        return DEFINITION.names();
    }

    public PublishConfig(Map<String, String> settings) {
        super(DEFINITION, settings);
    }

    public String siteBaseUrl() {
        return getString(SITE_BASE_URL);
    }

    public double routeMinConfidence() {
        return getDouble(ROUTE_MIN_CONFIDENCE);
    }

    public String enrichApplicationId() {
        return getString(ENRICH_APPLICATION_ID);
    }

    public Duration embargoCheckInterval() {
        return Duration.ofMillis(getLong(EMBARGO_CHECK_MS));
    }
}
