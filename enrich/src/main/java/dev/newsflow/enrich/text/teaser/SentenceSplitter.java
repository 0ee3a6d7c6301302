package dev.newsflow.enrich.text.teaser;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a clean paragraph into sentences.
 *
 * <p>A boundary is a {@code . ! ? …} (or the CJK {@code 。！？}), possibly followed by closing quotes or brackets,
 * then white space and an upper-case letter, digit or opening quote. It is not a boundary after a title or fixed
 * abbreviation ("Dr.", "Mr.", "Jan.", "No.", an initial "J."), and after a dotted acronym ("U.S.", "3 p.m.") only
 * when the next word is a usual sentence opener ("The", "He", ...). Decimals ("3.5") never have the white space.
 *
 * <p>Why not {@code java.text.BreakIterator.getSentenceInstance}: it knows no abbreviations, so "Dr. Smith" and
 * "the U.S. Senate" are split, and every one of its decisions would need this same check; one scan is simpler and
 * several times faster on the hot path.
 */
final class SentenceSplitter {

    private SentenceSplitter() {
    }

    /** Sentences as [start, end) index pairs into {@code text}, trailing white space excluded. */
    static List<int[]> split(String text) {
        List<int[]> sentences = new ArrayList<>(4);
        int start = skipSpace(text, 0);
        int n = text.length();
        for (int i = start; i < n; i++) {
            char c = text.charAt(i);
            if (c == '。' || c == '！' || c == '？') {
                int end = closeRun(text, i + 1);
                sentences.add(new int[] {start, end});
                start = skipSpace(text, end);
                i = start - 1;
                continue;
            }
            if (c != '.' && c != '!' && c != '?' && c != '…') {
                continue;
            }
            int end = closeRun(text, i + 1);
            if (end >= n || !Character.isWhitespace(text.charAt(end))) {
                continue;
            }
            int next = skipSpace(text, end);
            if (next >= n || !opensSentence(text.charAt(next))) {
                continue;
            }
            if (c == '.' && !isBoundaryAfterDot(text, i, next)) {
                continue;
            }
            sentences.add(new int[] {start, end});
            start = next;
            i = next - 1;
        }
        int end = n;
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            sentences.add(new int[] {start, end});
        }
        return sentences;
    }

    private static boolean isBoundaryAfterDot(String text, int dot, int next) {
        int tokenStart = dot;
        while (tokenStart > 0 && !Character.isWhitespace(text.charAt(tokenStart - 1))) {
            tokenStart--;
        }
        String token = text.substring(tokenStart, dot + 1);
        if (Abbreviations.isTitleOrFixed(token)) {
            return false;
        }
        if (token.length() <= 4 && token.chars().limit(token.length() - 1L).allMatch(Character::isDigit)) {
            // "am 3. Oktober", "der 1. FC Köln": a German or Nordic ordinal, when the words around it say so
            return !Abbreviations.isOrdinal(wordBefore(text, tokenStart), wordAt(text, next));
        }
        if (Abbreviations.isDottedAcronym(token)) {
            int wordEnd = next;
            while (wordEnd < text.length() && Character.isLetter(text.charAt(wordEnd))) {
                wordEnd++;
            }
            return Abbreviations.isSentenceStarter(text.substring(next, wordEnd));
        }
        return true;
    }

    private static String wordBefore(String text, int tokenStart) {
        int end = tokenStart;
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
            start--;
        }
        return text.substring(start, end);
    }

    private static String wordAt(String text, int start) {
        int end = start;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return text.substring(start, end);
    }

    private static boolean opensSentence(char c) {
        return Character.isUpperCase(c) || Character.isDigit(c) || Character.isTitleCase(c)
                || c == '"' || c == '“' || c == '„' || c == '«' || c == '\'' || c == '‘' || c == '('
                || Character.getType(c) == Character.OTHER_LETTER;
    }

    private static int closeRun(String text, int i) {
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' || c == '”' || c == '’' || c == '\'' || c == ')' || c == '»' || c == '“' || c == ']'
                    || c == '.' || c == '!' || c == '?' || c == '…') {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private static int skipSpace(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
