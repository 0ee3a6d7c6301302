package dev.newsflow.enrich.text.extract;

/** Which algorithm finds the main content of a whole page; fragments and plain text never use one. */
public enum ContentEngine {
    /** Readability4J, a port of an older Mozilla Readability, as it is: the baseline to compare against. */
    READABILITY4J,
    /** {@link ScoringContentFinder}: Readability's scoring, rewritten for jsoup, plus chrome removal. */
    NEWSFLOW;

    /** The engine {@link MainTextExtractor#MainTextExtractor()} uses. */
    public static final ContentEngine DEFAULT = NEWSFLOW;

    ContentFinder newFinder() {
        return switch (this) {
            case READABILITY4J -> new Readability4JContentFinder();
            case NEWSFLOW -> new ScoringContentFinder();
        };
    }
}
