package dev.newsflow.ingest;

/**
 * Bounds on everything a client can send.
 *
 * @param maxRequestBytes one article's request body
 * @param maxBatchBytes   one NDJSON batch's request body
 * @param maxBatchLines   articles in one batch
 * @param maxBodyChars    an article's body
 * @param maxHeadlineChars an article's headline
 * @param maxTeaserChars  the editor's teaser
 * @param maxIdChars      the article id
 */
public record IngestLimits(long maxRequestBytes, long maxBatchBytes, int maxBatchLines, int maxBodyChars,
                           int maxHeadlineChars, int maxTeaserChars, int maxIdChars) {

    public static IngestLimits defaults() {
        return new IngestLimits(2L * 1024 * 1024, 16L * 1024 * 1024, 500, 1_000_000, 500, 1_000, 256);
    }
}
