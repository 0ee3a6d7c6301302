package dev.newsflow.enrich.classify;

import dev.newsflow.schemas.MediaTopic;

/**
 * One category decision.
 *
 * @param topic      the Media Topic
 * @param confidence in [0, 1]
 * @param decidedBy  the model version, or the id of the override rule that decided it
 */
public record CategoryScore(MediaTopic topic, double confidence, String decidedBy) {
    public CategoryScore {
        if (confidence < 0.0 || confidence > 1.0 || Double.isNaN(confidence)) {
            throw new IllegalArgumentException("confidence must be in [0, 1]: " + confidence);
        }
    }
}
