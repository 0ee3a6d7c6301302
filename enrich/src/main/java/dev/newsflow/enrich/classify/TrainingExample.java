package dev.newsflow.enrich.classify;

import dev.newsflow.schemas.MediaTopic;

/**
 * One labelled article reduced to what training and scoring need.
 *
 * @param tokens     token hashes of headline and body ({@link Tokenizer})
 * @param counts     hashed term counts of those tokens
 * @param topic      the topic the label maps to ({@link LabelMapping})
 * @param label      the data set's own label, kept for scoring
 * @param dataset    name of the data set (file) it came from
 * @param worldTopic our own Media Topic label for an AG {@code World} item ({@link WorldTopicLabels}), which the
 *                   World refiner learns from; null for every other item
 */
public record TrainingExample(long[] tokens, TermCounts counts, MediaTopic topic, String label, String dataset,
                              MediaTopic worldTopic) {

    public TrainingExample(long[] tokens, TermCounts counts, MediaTopic topic, String label, String dataset) {
        this(tokens, counts, topic, label, dataset, null);
    }

    /** The same example with other counts. */
    TrainingExample withCounts(TermCounts newCounts) {
        return new TrainingExample(tokens, newCounts, topic, label, dataset, worldTopic);
    }
}
