package dev.newsflow.enrich.text.extract;

import java.util.regex.Pattern;

/**
 * A byline as a reader sees it: the names, without the date, time, age or separator that page templates print
 * beside them ("Sarah Gooding March 9, 2017 13", "James Akinaka • 8h", "by Lucas Nolan22 Dec 2016651",
 * "Nicolas Perriault —"). A name in capitals stays as written: "BBC NEWS", "JOHN SMITH, AP" and "KATHY MCCORMACK"
 * cannot be title-cased without a dictionary.
 */
final class BylineText {

    private static final String MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";

    /** From the first date, time or relative age after the names to the end. */
    private static final Pattern TRAILING_DATE = Pattern.compile("(?i)(?:\\s*[•·|,–—-]\\s*|\\s+|(?<=\\p{L})(?=\\d))"
            + "(?:" + MONTH + "\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+" + MONTH + ",?\\s+\\d{4}"
            + "|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4}|\\d{1,2}:\\d{2}\\s*(?:am|pm)?|\\d+\\s*(?:h|hr|hrs|hours?|m|min|mins"
            + "|minutes?|d|days?)(?:\\s+ago)?\\b|updated\\b|published\\b|posted\\b).*$");

    /** Separators and punctuation a template leaves at either end. */
    private static final String LOOSE = "•·|,;:–—-";
    /**
     * Longer than any list of authors: a page's author field holding a whole text is cut to this, at a word, before it
     * is read (an unbounded one of 40,000 commas had taken the trailing-date pattern seconds).
     */
    static final int MAX_CHARS = 300;

    private BylineText() {
    }

    static String tidy(String byline) {
        if (byline == null) {
            return null;
        }
        String s = TRAILING_DATE.matcher(bounded(byline)).replaceFirst("");
        s = withoutLooseEnds(s);
        if (s.regionMatches(true, 0, "by ", 0, 3)) {
            s = s.substring(3).strip();
        }
        return s.isEmpty() ? null : s;
    }

    private static String bounded(String byline) {
        if (byline.length() <= MAX_CHARS) {
            return byline;
        }
        int cut = byline.lastIndexOf(' ', MAX_CHARS);
        int end = cut > 0 ? cut : Character.isHighSurrogate(byline.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
        return byline.substring(0, end); // never half a surrogate pair
    }

    /**
     * Without separators and white space at either end. A loop, not {@code [...]+$}: a regex tries that run from every
     * position in a long run of separators, in time that grows with the square of its length.
     */
    static String withoutLooseEnds(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isLoose(s.charAt(start))) {
            start++;
        }
        while (end > start && isLoose(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isLoose(char c) {
        return Character.isWhitespace(c) || LOOSE.indexOf(c) >= 0;
    }
}
