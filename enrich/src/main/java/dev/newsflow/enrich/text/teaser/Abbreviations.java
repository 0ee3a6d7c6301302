package dev.newsflow.enrich.text.teaser;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/** Words that end with a full stop without ending a sentence, and the words a teaser may not end on. */
final class Abbreviations {

    /** Never end a sentence: titles, months, "No.", company forms (lower case, without the final dot). */
    private static final Set<String> ALWAYS = words(
            "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "cmdr", "adm",
            "maj", "st", "mt", "ft", "rev", "hon", "rt", "pres", "supt", "insp", "det", "jr", "sr", "messrs", "mme", "mlle",
            "sra", "srta", "sres", "dra", "dña", "lic", "ing", "profa", "dott", "sig", "avv",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
            "no", "nos", "nr", "vol", "art", "fig", "vs", "v", "approx", "ca", "cf", "dept", "est", "inc", "ltd",
            "corp", "co", "bros", "ave", "blvd", "rd", "hr", "hrs", "min", "mins", "sec", "mio", "mrd", "bzw", "dh",
            "z.b", "u.a", "d.h", "e.g", "i.e");

    /** Dotted forms that may end a sentence ("... in the U.S. The next day"), so judged by the next word. */
    private static final Set<String> SENTENCE_STARTERS = words(
            "the", "a", "an", "he", "she", "it", "they", "we", "i", "in", "on", "at", "but", "and", "this", "that",
            "there", "his", "her", "their", "its", "after", "when", "while", "police", "officials", "however",
            "meanwhile", "der", "die", "das", "le", "la", "les", "el", "los", "il");

    /** Function words a teaser must not end on before the ellipsis (English, German, French, Spanish, Italian, Dutch, Portuguese). */
    private static final Set<String> STOP_WORDS = words(
            "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "for", "with", "by", "from",
            "as", "into", "onto", "than", "that", "which", "who", "whom", "whose", "is", "are", "was", "were", "be",
            "been", "has", "have", "had", "its", "his", "her", "their", "our", "my", "your", "this", "these", "those",
            "if", "so", "not", "no", "after", "before", "over", "under", "about", "between", "while", "when", "where",
            "would", "will", "could", "should", "can", "may", "might", "must", "said", "says", "also", "very", "more",
            "most", "such", "per", "via", "mr", "mrs", "ms", "dr",
            // words a clause cannot end on: "killed at least…", "unless…", "if Japan did…"
            "least", "unless", "whether", "because", "although", "though", "until", "since", "against", "during",
            "through", "within", "without", "upon", "among", "amid", "despite", "including", "did", "does", "do",
            "across", "towards", "toward", "onto", "beyond", "behind", "near", "around", "throughout", "front",
            "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "und", "oder", "mit",
            "von", "zu", "zum", "zur", "im", "am", "auf", "für", "aus", "bei", "nach", "dass", "ist", "sind", "wird",
            "le", "la", "les", "un", "une", "des", "du", "de", "et", "ou", "à", "au", "aux", "en", "dans", "sur",
            "pour", "par", "avec", "que", "qui", "est",
            "el", "los", "las", "una", "y", "o", "del", "con", "por", "para", "en", "que", "es",
            "il", "lo", "gli", "di", "e", "da", "con", "per", "che", "è",
            "het", "een", "en", "van", "op", "met", "voor",
            "o", "os", "as", "um", "uma", "do", "da", "dos", "das", "em", "no", "na", "com");

    /**
     * A number with a dot is an ordinal, not a sentence's end, in German and the Nordic languages ("am 3. Oktober",
     * "der 1. FC Köln", "auf den 12. Platz", "zum 2. Mal"): known by the month or ordinal noun after it, or the
     * article or preposition before it (words English never puts there).
     */
    // months and nouns English does not share ("April", "Stock", "Minute" open English sentences: "closed at 150.
    // April sales"); "am 3. April" is known by the word before it
    private static final Set<String> AFTER_ORDINAL = words(
            "januar", "jänner", "februar", "feber", "märz", "marts", "mai", "maj", "juni", "juli", "oktober",
            "dezember", "desember",
            "mal", "platz", "liga", "bundesliga", "fc", "runde", "spieltag", "jahrhundert", "weltkrieg", "klasse",
            "etage", "stelle", "lesung", "amtszeit", "halbzeit", "etappe", "woche");
    private static final Set<String> BEFORE_ORDINAL = words(
            "am", "vom", "zum", "zur", "im", "beim", "bis", "ab", "seit", "der", "die", "das", "den", "dem", "des",
            "sein", "seine", "seinem", "seinen", "seiner", "ihr", "ihre", "ihrem", "ihren", "ihrer", "jeden",
            "jedem", "jeder", "dieser", "diesem", "diesen", "ins", "fürs", "aufs");

    /** Words after a number that belong to it ("3 p.m.", "5 percent", "10 km"). */
    private static final Set<String> NUMBER_UNITS = words(
            "p.m.", "a.m.", "pm", "am", "%", "percent", "per", "cent", "million", "billion", "trillion", "bn", "m",
            "km", "kg", "mph", "km/h", "gmt", "utc", "bst", "cet", "et", "pt", "°c", "°f", "degrees", "uhr", "h",
            "mio.", "mrd.", "euros", "dollars", "pounds", "points", "years", "year", "people", "000");

    private Abbreviations() {
    }

    private static Set<String> words(String... words) {
        return Set.copyOf(Arrays.asList(words));
    }

    /** True for a token such as "Dr." or "Jan." that never ends a sentence. */
    static boolean isTitleOrFixed(String tokenWithDot) {
        String bare = strip(tokenWithDot);
        return ALWAYS.contains(bare) || isInitial(bare);
    }

    /**
     * True when {@code number}, a number of up to three digits written with a dot, is an ordinal: the word before it
     * ({@code previous}) or after it ({@code next}) says so.
     */
    static boolean isOrdinal(String previous, String next) {
        return BEFORE_ORDINAL.contains(previous.toLowerCase(Locale.ROOT))
                || AFTER_ORDINAL.contains(next.toLowerCase(Locale.ROOT));
    }

    /** True for dotted acronyms such as "U.S.", "p.m.", "a.m.". */
    static boolean isDottedAcronym(String token) {
        int dots = 0;
        int letters = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '.') {
                dots++;
            } else if (Character.isLetter(c)) {
                letters++;
            } else {
                return false;
            }
        }
        return dots >= 2 && letters >= 2 && letters <= dots + 1 && token.endsWith(".");
    }

    static boolean isSentenceStarter(String word) {
        return SENTENCE_STARTERS.contains(word.toLowerCase(Locale.ROOT));
    }

    static boolean isStopWord(String word) {
        return STOP_WORDS.contains(word.toLowerCase(Locale.ROOT));
    }

    static boolean isNumberUnit(String word) {
        return NUMBER_UNITS.contains(word.toLowerCase(Locale.ROOT));
    }

    private static boolean isInitial(String bare) {
        return bare.length() == 1 && Character.isLetter(bare.charAt(0));
    }

    private static String strip(String token) {
        String t = token.endsWith(".") ? token.substring(0, token.length() - 1) : token;
        int start = 0;
        while (start < t.length() && !Character.isLetter(t.charAt(start))) {
            start++;
        }
        return t.substring(start).toLowerCase(Locale.ROOT);
    }
}
