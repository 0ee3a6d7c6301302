package dev.newsflow.publish;

import java.util.ArrayList;
import java.util.List;

/**
 * The digests of the sender's words publish has seen for an article's live version, the live one first: stored per
 * article in {@code source-digests} as {@code version|current|seen,seen,...}. Words seen before but not live are a
 * replay or a late retry of text since corrected, and must neither come back nor be called an update.
 *
 * @param seen at most {@link #MAX_SEEN}, oldest first, including {@code current}
 */
record SeenTexts(long version, String current, List<String> seen) {

    static final int MAX_SEEN = 16;

    SeenTexts {
        seen = List.copyOf(seen);
    }

    static SeenTexts first(long version, String digest) {
        return new SeenTexts(version, digest, List.of(digest));
    }

    /** The stored value, or null when there is none or it is not readable (state from before this format). */
    static SeenTexts parse(String stored) {
        if (stored == null) {
            return null;
        }
        String[] parts = stored.split("\\|", 3);
        if (parts.length != 3 || parts[1].isEmpty()) {
            return null;
        }
        try {
            return new SeenTexts(Long.parseLong(parts[0]), parts[1], List.of(parts[2].split(",")));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    String format() {
        return version + "|" + current + "|" + String.join(",", seen);
    }

    boolean knows(String digest) {
        return seen.contains(digest);
    }

    /** {@code digest} is now the live one; the oldest are forgotten past {@link #MAX_SEEN}. */
    SeenTexts live(String digest) {
        List<String> next = new ArrayList<>(seen);
        if (!next.contains(digest)) {
            next.add(digest);
        }
        while (next.size() > MAX_SEEN) {
            next.remove(0);
        }
        return new SeenTexts(version, digest, next);
    }
}
