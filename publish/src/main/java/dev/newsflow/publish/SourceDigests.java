package dev.newsflow.publish;

/**
 * An article's entries in {@code source-digests}: the words seen of its live version (under the article id), and of
 * a version held for its embargo (under {@link #heldKey}). A held version is corrected in place as a live one is (a
 * CMS that fixes an embargoed story without a new number), and a late retry of its first words must not be the copy
 * released, nor come back after. Two keys rather than one value of two parts: a publish from before held words were
 * kept reads the live entry as it always did, and never sees the other (a rollback stays correct).
 */
record SourceDigests(SeenTexts live, SeenTexts held) {

    /** Ids never hold a control character (ingest refuses them), so this key is no article's own. */
    static String heldKey(String id) {
        return id + "\u0000held";
    }

    /** The live version's words, if they are of {@code version}. */
    SeenTexts liveOf(long version) {
        return live != null && live.version() == version ? live : null;
    }

    /** The held version's words, if they are of {@code version}. */
    SeenTexts heldOf(long version) {
        return held != null && held.version() == version ? held : null;
    }
}
