package dev.newsflow.enrich.classify;

/**
 * The hashed unigram and bigram counts of one text, before weighting.
 *
 * @param indices    feature buckets, distinct
 * @param counts     occurrences of each bucket
 * @param tokenCount number of tokens in the text
 * @param dense      for a short item, its {@link WordEmbeddings#meanVector mean word vector}; else null
 */
public record TermCounts(int[] indices, int[] counts, int tokenCount, float[] dense) {

    public TermCounts(int[] indices, int[] counts, int tokenCount) {
        this(indices, counts, tokenCount, null);
    }
}
