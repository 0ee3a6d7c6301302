package dev.newsflow.enrich.text.teaser;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts user-perceived characters (extended grapheme clusters). Java's {@code \X} follows UAX #29 including emoji
 * ZWJ sequences, flags and skin tones; {@code BreakIterator.getCharacterInstance} in Java 17 does not (it counts a
 * family emoji as seven). Text with no surrogate, combining mark or joiner takes a fast path: one char, one cluster.
 */
final class Graphemes {

    private static final Pattern CLUSTER = Pattern.compile("\\X");

    private Graphemes() {
    }

    /** Number of grapheme clusters in {@code text[0, end)}; {@code end} must be a cluster boundary. */
    static int count(CharSequence text, int end) {
        if (isSimple(text, end)) {
            return end;
        }
        Matcher m = CLUSTER.matcher(text).region(0, end);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    static int count(CharSequence text) {
        return count(text, text.length());
    }

    /** The end index of the longest prefix of at most {@code limit} clusters. */
    static int prefixEnd(CharSequence text, int limit) {
        if (isSimple(text, text.length())) {
            return Math.min(limit, text.length());
        }
        Matcher m = CLUSTER.matcher(text);
        int n = 0;
        int end = 0;
        while (n < limit && m.find()) {
            end = m.end();
            n++;
        }
        return end;
    }

    private static boolean isSimple(CharSequence text, int end) {
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            // below U+0300 nothing combines; CR LF is the one multi-char cluster there and never survives cleaning
            if (c >= 0x300 || c == '\r') {
                return false;
            }
        }
        return true;
    }
}
