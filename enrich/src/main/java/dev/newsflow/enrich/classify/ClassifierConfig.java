package dev.newsflow.enrich.classify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Settings of {@link TrainedCategorizer}.
 *
 * @param reviewThreshold primary confidence below which an article is flagged {@code low-confidence}; empty means
 *                        the threshold recommended by training, stored in the model
 * @param overrides       newsroom rules applied after the model
 */
public record ClassifierConfig(OptionalDouble reviewThreshold, NewsroomOverrides overrides) {

    /** Environment variable: review threshold in [0, 1]. */
    public static final String ENV_REVIEW_THRESHOLD = "NEWSFLOW_CLASSIFIER_REVIEW_THRESHOLD";
    /** Environment variable: path of a newsroom overrides properties file. */
    public static final String ENV_OVERRIDES = "NEWSFLOW_CLASSIFIER_OVERRIDES";

    public ClassifierConfig {
        if (reviewThreshold.isPresent() && !(reviewThreshold.getAsDouble() >= 0 && reviewThreshold.getAsDouble() <= 1)) {
            throw new IllegalArgumentException(ENV_REVIEW_THRESHOLD + " must be in [0, 1]: " + reviewThreshold.getAsDouble());
        }
    }

    public static ClassifierConfig defaults() {
        return new ClassifierConfig(OptionalDouble.empty(), NewsroomOverrides.none());
    }

    /** Reads {@value #ENV_REVIEW_THRESHOLD} and {@value #ENV_OVERRIDES}; fails naming the setting when invalid. */
    public static ClassifierConfig fromEnvironment(Map<String, String> env) {
        return new ClassifierConfig(reviewThresholdFromEnvironment(env), overridesFromEnvironment(env));
    }

    /** {@value #ENV_REVIEW_THRESHOLD}, if set. */
    public static OptionalDouble reviewThresholdFromEnvironment(Map<String, String> env) {
        String value = env.get(ENV_REVIEW_THRESHOLD);
        if (value == null || value.isBlank()) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(Double.parseDouble(value.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(ENV_REVIEW_THRESHOLD + " is not a number: " + value, e);
        }
    }

    /** The rules in the file {@value #ENV_OVERRIDES} names, else none. */
    public static NewsroomOverrides overridesFromEnvironment(Map<String, String> env) {
        String path = env.get(ENV_OVERRIDES);
        if (path == null || path.isBlank()) {
            return NewsroomOverrides.none();
        }
        try {
            return NewsroomOverrides.load(Path.of(path.trim()));
        } catch (IOException e) {
            throw new UncheckedIOException(ENV_OVERRIDES + ": cannot read " + path, e);
        }
    }
}
