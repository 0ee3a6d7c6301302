package dev.newsflow.enrich;

import java.text.BreakIterator;
import java.util.Locale;

/**
 * How long a text is for a reader: its words and its reading time.
 *
 * <p>Words are runs of letters and digits, joined by one apostrophe, dot or hyphen between two of them ("don't",
 * "U.S", "well-known" are one word), and so are the groups of a number ("1,250,000"; "45 000" with a no-break or
 * thin space). Chinese and Japanese are written without spaces between words, so each Han,
 * Hiragana or Katakana character counts as one word, as word processors count them, and is read at
 * {@value #CHINESE_CHARS_PER_MINUTE} (Chinese) or {@value #JAPANESE_CHARS_PER_MINUTE} (Japanese) characters a minute
 * rather than {@value #WORDS_PER_MINUTE} words (Korean, written with spaces, counts as words). Thai, also written
 * without spaces, is cut into words by the JDK's dictionary-based {@link BreakIterator}; Lao, Khmer and Burmese, which
 * the JDK has no dictionary for, still count a run as one word.
 *
 * @param words         words, each Chinese or Japanese character one
 * @param unspacedChars of those, the Chinese and Japanese characters
 * @param kana          whether a tenth or more of them are Hiragana or Katakana: Japanese, read faster than Chinese
 */
record TextLength(int words, int unspacedChars, boolean kana) {

    /** Adult silent reading speed for news prose, words per minute. */
    static final int WORDS_PER_MINUTE = 230;
    /**
     * Characters a minute in the International Reading Speed Texts (Trauzettel-Klosinski, Dietz et al. 2012): Chinese
     * 255, Japanese 357; a text whose Chinese and Japanese characters are a tenth or more kana is read as Japanese.
     */
    static final int CHINESE_CHARS_PER_MINUTE = 255;
    static final int JAPANESE_CHARS_PER_MINUTE = 357;

    TextLength(int words, int unspacedChars) {
        this(words, unspacedChars, false);
    }

    /**
     * A loop rather than a regular expression: the pattern {@code [\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*} recursed once
     * per joined piece in java.util.regex and threw StackOverflowError on a 4 KB run such as "a-a-a-...", which took
     * the stream thread down.
     */
    static TextLength of(String text) {
        int words = 0;
        int unspaced = 0;
        int kana = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int width = Character.charCount(c);
            if (isThai(c)) {
                int end = i + width;
                while (end < text.length() && isThai(text.codePointAt(end))) {
                    end += Character.charCount(text.codePointAt(end));
                }
                words += thaiWords(text, i, end);
                inWord = false;
                i = end;
                continue;
            }
            Character.UnicodeScript unspacedScript = unspacedScript(c);
            if (unspacedScript != null) {
                words++;
                unspaced++;
                kana += unspacedScript != Character.UnicodeScript.HAN ? 1 : 0;
                inWord = false;
            } else if (isWordChar(c)) {
                if (!inWord) {
                    words++;
                    inWord = true;
                }
            } else if (!(inWord && isJoiner(c) && i + width < text.length()
                    && isWordChar(text.codePointAt(i + width)) && unspacedScript(text.codePointAt(i + width)) == null)
                    && !(inWord && isDigitGroupSeparator(c) && i > 0 && Character.isDigit(text.charAt(i - 1))
                    && i + width + 3 <= text.length() && isDigitGroup(text, i + width))) {
                inWord = false;
            }
            i += width;
        }
        // Japanese writes a third or more in kana; a Chinese text quoting one Japanese name does not make it Japanese
        return new TextLength(words, unspaced, kana * 10 >= unspaced && kana > 0);
    }

    /** Whole minutes, rounded, at least one for any text; zero for none. */
    int readingMinutes() {
        if (words == 0) {
            return 0;
        }
        double minutes = (double) (words - unspacedChars) / WORDS_PER_MINUTE
                + (double) unspacedChars / (kana ? JAPANESE_CHARS_PER_MINUTE : CHINESE_CHARS_PER_MINUTE);
        return Math.max(1, (int) Math.round(minutes));
    }

    /** The Thai block: letters, and the vowel and tone marks (not letters) that belong inside its words. */
    private static boolean isThai(int c) {
        return c >= 0x0E00 && c <= 0x0E7F;
    }

    /**
     * Words of a run of Thai, found by the JDK's Thai dictionary, in pieces of at most {@value #THAI_PIECE} characters:
     * its dictionary search grows faster than the run (700,000 characters without a space took over three minutes and
     * 80 GB of allocations). A word cut at a piece's end counts twice, one in a thousand characters at most.
     */
    private static int thaiWords(String text, int from, int to) {
        int count = 0;
        for (int start = from; start < to; start += THAI_PIECE) {
            count += thaiWordsOfPiece(text, start, Math.min(to, start + THAI_PIECE));
        }
        return count;
    }

    static final int THAI_PIECE = 1_000;

    /** A break iterator is made per piece: they are not thread-safe. */
    private static int thaiWordsOfPiece(String text, int from, int to) {
        BreakIterator words = BreakIterator.getWordInstance(THAI);
        words.setText(text.substring(from, to));
        int count = 0;
        for (int start = words.first(), end = words.next(); end != BreakIterator.DONE; start = end, end = words.next()) {
            count += isWordChar(text.codePointAt(from + start)) ? 1 : 0;
        }
        return count;
    }

    private static final Locale THAI = Locale.forLanguageTag("th");

    /** {@code [\p{L}\p{N}]}: letters, and numbers of every kind ("½", "Ⅻ"), not only digits. */
    private static boolean isWordChar(int c) {
        if (Character.isLetter(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    /** Han, Hiragana or Katakana: the script of {@code c} when it is one written without spaces, else null. */
    private static Character.UnicodeScript unspacedScript(int c) {
        if (c < 0x2E80) {
            return null; // below the CJK blocks: skips the script lookup for Latin, Cyrillic, Greek, Arabic, ...
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA ? script : null;
    }

    /** "1,250,000", "45 000" (a no-break or narrow no-break space, as French and others group digits): one number. */
    private static boolean isDigitGroupSeparator(int c) {
        return c == ',' || c == '\u00a0' || c == '\u202f' || c == '\u2009';
    }

    /** Three digits at {@code at}, not a fourth: the next group of a grouped number. */
    private static boolean isDigitGroup(String text, int at) {
        for (int k = at; k < at + 3; k++) {
            if (!Character.isDigit(text.charAt(k))) {
                return false;
            }
        }
        return at + 3 == text.length() || !Character.isDigit(text.charAt(at + 3));
    }

    private static boolean isJoiner(int c) {
        return c == '\'' || c == '’' || c == '.' || c == '-';
    }
}
