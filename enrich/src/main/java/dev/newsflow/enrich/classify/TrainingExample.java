package dev.newsflow.enrich.classify;

import dev.newsflow.schemas.MediaTopic;

/**
 * One labelled article reduced to what training and scoring need.
 *
 * @param tokens  token hashes of headline and body ({@link Tokenizer})
 * @param counts  hashed term counts of those tokens
 * @param topic   the topic the label maps to ({@link LabelMapping})
 * @param label   the data set's own label, kept for scoring
 * @param dataset name of the data set (file) it came from
 */
public record TrainingExample(long[] tokens, TermCounts counts, MediaTopic topic, String label, String dataset) {
}
