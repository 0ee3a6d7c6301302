package dev.newsflow.runtime;

/** Client input shown in a log line: bounded, and without control characters that could forge another line. */
public final class LogValues {

    private LogValues() {
    }

    /**
     * Control characters (C0, DEL and C1: NEL, U+0085, ends a line too), the Unicode line and paragraph separators (a new line to many log viewers) and the
     * bidirectional overrides and isolates (which make a line read as something else).
     */
    private static final java.util.regex.Pattern UNPRINTABLE =
            java.util.regex.Pattern.compile("[\\p{Cc}\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069]");

    /** Control characters, separators and bidi controls as '?', then cut to {@code maxChars} with "…"; null stays null. */
    public static String printable(String text, int maxChars) {
        if (text == null) {
            return null;
        }
        // replaced before cutting, for long values too: a newline must not start a forged log line
        String printable = UNPRINTABLE.matcher(text).replaceAll("?");
        return printable.length() > maxChars ? printable.substring(0, maxChars) + "…" : printable;
    }
}
