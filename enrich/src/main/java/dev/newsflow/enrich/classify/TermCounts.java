package dev.newsflow.enrich.classify;

/**
 * The hashed unigram and bigram counts of one text, before weighting.
 *
 * @param indices    feature buckets, distinct
 * @param counts     occurrences of each bucket
 * @param tokenCount number of tokens in the text
 */
public record TermCounts(int[] indices, int[] counts, int tokenCount) {
}
