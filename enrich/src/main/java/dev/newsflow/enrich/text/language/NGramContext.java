package dev.newsflow.enrich.text.language;

import java.util.HashSet;
import java.util.Set;

/**
 * The features OpenNLP's language model was trained on, computed in one pass: the distinct lower-case character
 * n-grams (length 1 to 3) of the text after removing URLs, e-mail addresses, {@code @handles} and {@code #tags},
 * digits and emoji, shrinking runs of whitespace to one space and runs of three or more equal characters to two.
 * Mirrors {@code DefaultLanguageDetectorContextGenerator} with the normalisers of {@code LanguageDetectorFactory}.
 */
final class NGramContext {

    private static final int MAX_GRAM = 3;

    private NGramContext() {
    }

    static String[] of(String text) {
        String normal = normalise(text);
        Set<String> grams = new HashSet<>(normal.length() * 3);
        for (int length = 1; length <= MAX_GRAM; length++) {
            for (int i = 0; i + length <= normal.length(); i++) {
                grams.add(normal.substring(i, i + length));
            }
        }
        return grams.toArray(new String[0]);
    }

    static String normalise(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            if (startsToken(text, i) && isDroppedToken(text, i)) {
                i = tokenEnd(text, i);
                appendSpace(out);
                continue;
            }
            if (Character.isDigit(cp) || isEmoji(cp)) {
                appendSpace(out);
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                appendSpace(out);
            } else {
                int lower = Character.toLowerCase(cp);
                int len = out.length();
                boolean thirdRepeat = len >= 2 && out.charAt(len - 1) == lower && out.charAt(len - 2) == lower
                        && Character.isBmpCodePoint(lower);
                if (!thirdRepeat) {
                    out.appendCodePoint(lower);
                }
            }
            i += width;
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        int start = 0;
        while (start < end && out.charAt(start) == ' ') {
            start++;
        }
        return out.substring(start, end);
    }

    private static void appendSpace(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
            out.append(' ');
        }
    }

    private static boolean startsToken(String text, int i) {
        return i == 0 || Character.isWhitespace(text.charAt(i - 1)) || text.charAt(i - 1) == '(';
    }

    private static boolean isDroppedToken(String text, int i) {
        char c = text.charAt(i);
        if ((c == '@' || c == '#') && i + 1 < text.length() && Character.isLetterOrDigit(text.charAt(i + 1))) {
            return true;
        }
        if (text.startsWith("http://", i) || text.startsWith("https://", i) || text.startsWith("www.", i)) {
            return true;
        }
        int end = tokenEnd(text, i);
        // an '@' and then a '.' inside this token: look no further than its end
        int at = indexOf(text, '@', i, end);
        if (at <= i || at >= end - 1) {
            return false;
        }
        int dot = indexOf(text, '.', at, end);
        return dot > at && dot < end - 1;
    }

    private static int indexOf(String text, char c, int from, int to) {
        for (int j = from; j < to; j++) {
            if (text.charAt(j) == c) {
                return j;
            }
        }
        return -1;
    }

    private static int tokenEnd(String text, int i) {
        int j = i;
        while (j < text.length() && !Character.isWhitespace(text.charAt(j))) {
            j++;
        }
        return j;
    }

    private static boolean isEmoji(int cp) {
        int type = Character.getType(cp);
        return type == Character.OTHER_SYMBOL || type == Character.SURROGATE
                || (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) || cp == 0x200D || cp == 0xFE0F;
    }
}
