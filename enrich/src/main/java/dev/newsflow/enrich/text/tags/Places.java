package dev.newsflow.enrich.text.tags;

import java.util.Locale;

/** The gazetteer's places, for the other text rules: "LONDON:" opens a dateline, "TRUMP:" a quote. */
public final class Places {

    private Places() {
    }

    /** Whether {@code name} (any case, one or more words) is a country, major city or region the gazetteer knows. */
    public static boolean isKnown(String name) {
        return Gazetteer.PLACES.contains(name.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * Whether {@code word} opens a sentence rather than continuing a name: a function word ("The", "A", "After",
     * "What") or "According". "CAIRO, Egypt The ..." is a dateline; "DALLAS, Texas Instruments said" is a firm.
     */
    public static boolean opensSentence(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return Gazetteer.STOP_WORDS.contains(lower) || lower.equals("according");
    }
}
