package dev.newsflow.runtime;

/** Client input shown in a log line: bounded, and without control characters that could forge another line. */
public final class LogValues {

    private LogValues() {
    }

    /** Control characters as '?', then cut to {@code maxChars} with "…"; null stays null. */
    public static String printable(String text, int maxChars) {
        if (text == null) {
            return null;
        }
        // replaced before cutting, for long values too: a newline must not start a forged log line
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > maxChars ? printable.substring(0, maxChars) + "…" : printable;
    }
}
