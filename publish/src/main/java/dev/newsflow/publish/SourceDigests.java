package dev.newsflow.publish;

/**
 * What an article's {@code source-digests} entry holds: the words seen of its live version, and of a version held
 * for its embargo. A held version is corrected in place as a live one is (a CMS that fixes an embargoed story
 * without a new number), and a late retry of its first words must not be the copy released, nor come back after.
 * Stored as {@code <live>} or {@code <live>;<held>}, each a {@link SeenTexts} (either may be empty); an entry
 * written before held versions were kept is a live one alone.
 */
record SourceDigests(SeenTexts live, SeenTexts held) {

    static final SourceDigests NONE = new SourceDigests(null, null);

    static SourceDigests parse(String stored) {
        if (stored == null) {
            return NONE;
        }
        int split = stored.indexOf(';');
        return split < 0 ? new SourceDigests(SeenTexts.parse(stored), null)
                : new SourceDigests(SeenTexts.parse(stored.substring(0, split)), SeenTexts.parse(stored.substring(split + 1)));
    }

    /** The stored value, or null when there is nothing to keep. */
    String format() {
        if (held == null) {
            return live == null ? null : live.format();
        }
        return (live == null ? "" : live.format()) + ";" + held.format();
    }

    /** The live version's words, if they are of {@code version}. */
    SeenTexts liveOf(long version) {
        return live != null && live.version() == version ? live : null;
    }

    /** The held version's words, if they are of {@code version}. */
    SeenTexts heldOf(long version) {
        return held != null && held.version() == version ? held : null;
    }

    SourceDigests withLive(SeenTexts texts) {
        return new SourceDigests(texts, held);
    }

    SourceDigests withHeld(SeenTexts texts) {
        return new SourceDigests(live, texts);
    }
}
