package dev.newsflow.enrich.text.teaser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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

    /** For a text of unknown language: a number with a dot is an ordinal when the words around it say so. */
    static final SentenceSplitter ANY_LANGUAGE = new SentenceSplitter(true);
    /** For a language that writes ordinals otherwise ("3rd", "3e", "3.º"): "I am 12. My mother ..." is two. */
    private static final SentenceSplitter NO_DOT_ORDINALS = new SentenceSplitter(false);

    /**
     * Languages that write an ordinal as a number with a dot ("am 3. Oktober", "den 3. oktober", "3. lokakuuta",
     * "3. října", "október 3."). The words that show an ordinal are German ones, but a dot ordinal in these never
     * ends a sentence before them either.
     */
    private static final Set<String> DOT_ORDINAL_LANGUAGES = Set.of(
            "de", "da", "nb", "nn", "no", "is", "fo", "fi", "et", "lv", "cs", "sk", "sl", "hr", "sr", "bs", "hu", "tr",
            "pl");

    private final boolean dotOrdinals;

    private SentenceSplitter(boolean dotOrdinals) {
        this.dotOrdinals = dotOrdinals;
    }

    /** The splitter for a text in {@code language} (an ISO 639-1 code, maybe with a region), or in one not known. */
    static SentenceSplitter forLanguage(String language) {
        if (language == null || language.length() < 2 || "und".equals(language)) {
            return ANY_LANGUAGE;
        }
        String primary = language.substring(0, 2).toLowerCase(Locale.ROOT);
        return DOT_ORDINAL_LANGUAGES.contains(primary) ? ANY_LANGUAGE : NO_DOT_ORDINALS;
    }

    /** Sentences as [start, end) index pairs into {@code text}, trailing white space excluded. */
    List<int[]> split(String text) {
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

    private boolean isBoundaryAfterDot(String text, int dot, int next) {
        int tokenStart = dot;
        while (tokenStart > 0 && !Character.isWhitespace(text.charAt(tokenStart - 1))) {
            tokenStart--;
        }
        String token = text.substring(tokenStart, dot + 1);
        if (Abbreviations.isTitleOrFixed(token)) {
            return false;
        }
        if (dotOrdinals && token.length() <= 4 && token.chars().limit(token.length() - 1L).allMatch(Character::isDigit)) {
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
