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
}
