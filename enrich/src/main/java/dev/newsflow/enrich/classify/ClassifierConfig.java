package dev.newsflow.enrich.classify;

import java.util.OptionalDouble;

/**
 * Settings of {@link TrainedCategorizer}.
 *
 * @param reviewThreshold primary confidence below which an article is flagged {@code low-confidence}; empty means
 *                        the threshold recommended by training, stored in the model
 * @param overrides       newsroom rules applied after the model
 */
public record ClassifierConfig(OptionalDouble reviewThreshold, NewsroomOverrides overrides) {

    public ClassifierConfig {
        if (reviewThreshold.isPresent() && !(reviewThreshold.getAsDouble() >= 0 && reviewThreshold.getAsDouble() <= 1)) {
            throw new IllegalArgumentException("the review threshold must be in [0, 1]: " + reviewThreshold.getAsDouble());
        }
    }

    public static ClassifierConfig defaults() {
        return new ClassifierConfig(OptionalDouble.empty(), NewsroomOverrides.none());
    }
}
