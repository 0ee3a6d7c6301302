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
    private static final Pattern LOOSE_ENDS = Pattern.compile("^[\\s•·|,;:–—-]+|[\\s•·|,;:–—-]+$");

    private BylineText() {
    }

    static String tidy(String byline) {
        if (byline == null) {
            return null;
        }
        String s = TRAILING_DATE.matcher(byline).replaceFirst("");
        s = LOOSE_ENDS.matcher(s).replaceAll("");
        if (s.regionMatches(true, 0, "by ", 0, 3)) {
            s = s.substring(3).strip();
        }
        return s.isEmpty() ? null : s;
    }
}
