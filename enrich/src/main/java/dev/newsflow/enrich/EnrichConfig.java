package dev.newsflow.enrich;

import dev.newsflow.enrich.classify.ClassifierConfig;
import dev.newsflow.enrich.classify.NewsroomOverrides;
import dev.newsflow.enrich.text.teaser.TeaserLimits;
import dev.newsflow.runtime.StageConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** The enrich stage's settings (environment: {@code NEWSFLOW_TEASER_LIMIT}, {@code NEWSFLOW_CLASSIFIER_OVERRIDES}, ...). */
public final class EnrichConfig extends StageConfig {

    public static final String TEASER_LIMIT = "teaser.limit";
    public static final String REVIEW_THRESHOLD = "classifier.review.threshold";
    public static final String OVERRIDES = "classifier.overrides";

    static final ConfigDef DEFINITION = baseDefinition(8081)
            .define(TEASER_LIMIT, Type.INT, TeaserLimits.DEFAULT_LIMIT, Range.between(40, 1_000), Importance.MEDIUM,
                    "Teaser length in user-perceived characters.")
            .define(REVIEW_THRESHOLD, Type.DOUBLE, null, (name, value) -> {
                        if (value != null && ((Double) value < 0 || (Double) value > 1)) {
                            throw new org.apache.kafka.common.config.ConfigException(name, value, "must be in [0, 1]");
                        }
                    }, Importance.MEDIUM,
                    "Primary-category confidence below which an article is flagged for review; empty: the model's own.")
            .define(OVERRIDES, Type.STRING, "", Importance.MEDIUM,
                    "Path of a newsroom overrides file (rules applied after the model); empty: none.");

    /** Every setting this stage reads, for telling a misspelt NEWSFLOW_ variable from one another stage reads. */
    public static java.util.Set<String> settingNames() {
        return DEFINITION.names();
    }

    public EnrichConfig(Map<String, String> settings) {
        super(DEFINITION, settings);
    }

    public TeaserLimits teaserLimits() {
        // one teaser per article: the schemas carry no per-channel teasers, so no per-channel setting pretends to
        return new TeaserLimits(getInt(TEASER_LIMIT), java.util.Map.of());
    }

    public ClassifierConfig classifierConfig() {
        return classifierConfig(this);
    }

    /**
     * The classifier's settings alone, from the same definition the stage validates them with: for {@code newsflow
     * classify}, which needs no Kafka or HTTP settings.
     */
    public static ClassifierConfig classifierConfigOf(Map<String, String> settings) {
        ConfigDef classifier = new ConfigDef();
        for (String key : java.util.List.of(REVIEW_THRESHOLD, OVERRIDES)) {
            classifier.define(DEFINITION.configKeys().get(key));
        }
        return classifierConfig(new org.apache.kafka.common.config.AbstractConfig(classifier, settings, false));
    }

    private static ClassifierConfig classifierConfig(org.apache.kafka.common.config.AbstractConfig config) {
        Double threshold = config.getDouble(REVIEW_THRESHOLD);
        String overrides = config.getString(OVERRIDES);
        try {
            return new ClassifierConfig(threshold == null ? OptionalDouble.empty() : OptionalDouble.of(threshold),
                    overrides.isBlank() ? NewsroomOverrides.none() : NewsroomOverrides.load(Path.of(overrides)));
        } catch (IOException e) {
            throw new UncheckedIOException(OVERRIDES + ": cannot read " + overrides, e);
        }
    }
}
