package dev.newsflow.enrich.classify;

/**
 * The hashed unigram and bigram counts of one text, before weighting.
 *
 * @param indices        feature buckets, distinct
 * @param counts         occurrences of each bucket
 * @param tokenCount     number of tokens in the text
 * @param dense          for a short item, its {@link WordEmbeddings#meanVector mean word vector}; for an article, its
 *                       lead's; null if none of those words has a vector
 * @param leadTokenCount how many of the first tokens are the lead (headline and first paragraph, at most
 *                       {@link Vectorizer#LEAD_TOKENS}); a short item is all lead. Only counts made from the text
 *                       ({@link Vectorizer#count(String, long[], long[])}) know the lead; the other constructors take
 *                       the whole text as lead, so the categoriser's lead rule then holds any lexicon topic announced
 */
public record TermCounts(int[] indices, int[] counts, int tokenCount, float[] dense, int leadTokenCount) {

    public TermCounts(int[] indices, int[] counts, int tokenCount, float[] dense) {
        this(indices, counts, tokenCount, dense, tokenCount);
    }

    public TermCounts(int[] indices, int[] counts, int tokenCount) {
        this(indices, counts, tokenCount, null);
    }
}
