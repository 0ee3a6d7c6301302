package dev.newsflow.enrich.classify;

import java.util.Arrays;

/**
 * Turns text into a sequence of 64-bit token hashes without building strings: lower-cased runs of letters and
 * digits, apostrophes inside a word dropped ({@code don't} is {@code dont}), every digit folded to {@code 0} so
 * that figures generalise. The model features and the lexicons both match on these hashes.
 */
public final class Tokenizer {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /** Per ASCII char: the folded char of a token, or 0 for a separator. */
    private static final char[] ASCII_FOLD = new char[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_FOLD[c] = Character.isDigit(c) ? '0' : Character.isLetter(c) ? Character.toLowerCase(c) : 0;
        }
    }

    private Tokenizer() {
    }

    /** Token hashes of {@code text}, in order. */
    public static long[] tokenize(CharSequence text) {
        long[] out = new long[Math.max(16, text.length() / 5)];
        int n = 0;
        long h = FNV_OFFSET;
        int len = 0;
        for (int i = 0, end = text.length(); i <= end; i++) {
            char c = i < end ? text.charAt(i) : ' ';
            char folded = fold(c);
            if (folded != 0) {
                h = (h ^ folded) * FNV_PRIME;
                len++;
            } else if (isInnerApostrophe(c, text, i, end, len)) {
                continue;
            } else if (len > 0) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, n * 2);
                }
                out[n++] = mix(h);
                h = FNV_OFFSET;
                len = 0;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /**
     * How many tokens {@link #tokenize} finds in the first {@code end} characters of {@code text}, at most
     * {@code max}: the length of the prefix of {@code tokenize(text)} that is {@code tokenize(text.subSequence(0,
     * end))} when a separator is at {@code end}, without hashing or allocating.
     */
    static int countTokens(CharSequence text, int end, int max) {
        int n = 0;
        int len = 0;
        for (int i = 0; i <= end && n < max; i++) {
            char c = i < end ? text.charAt(i) : ' ';
            if (fold(c) != 0) {
                len++;
            } else if (isInnerApostrophe(c, text, i, end, len)) {
                continue;
            } else if (len > 0) {
                n++;
                len = 0;
            }
        }
        return n;
    }

    /** An apostrophe inside a word ("don't", "l'été") joins it instead of splitting it. */
    private static boolean isInnerApostrophe(char c, CharSequence text, int i, int end, int len) {
        return (c == '\'' || c == '\u2019') && len > 0 && i + 1 < end && Character.isLetter(text.charAt(i + 1));
    }

    /** Words longer than this also give a feature for their first {@value #STEM_LENGTH} characters. */
    static final int STEM_LENGTH = 5;
    private static final long STEM_SALT = 0x2545F4914F6CDD1DL;

    /**
     * Truncation stems: for each word longer than {@value #STEM_LENGTH} characters, the hash of its first
     * {@value #STEM_LENGTH} (so {@code shareholders} and {@code shares} share {@code share}), in a hash space of
     * their own. A cheap stand-in for stemming that helps short items, where each word counts: in cross-validation
     * AG accuracy rose from 0.870 to 0.873 with BBC unchanged (4 and 6 characters did worse on BBC).
     */
    public static long[] stems(CharSequence text) {
        long[] out = new long[Math.max(16, text.length() / 8)];
        int n = 0;
        long h = FNV_OFFSET;
        long stem = 0;
        int len = 0;
        for (int i = 0, end = text.length(); i <= end; i++) {
            char c = i < end ? text.charAt(i) : ' ';
            char folded = fold(c);
            if (folded != 0) {
                h = (h ^ folded) * FNV_PRIME;
                if (++len == STEM_LENGTH) {
                    stem = h;
                }
            } else if (isInnerApostrophe(c, text, i, end, len)) {
                continue;
            } else if (len > 0) {
                if (len > STEM_LENGTH) {
                    if (n == out.length) {
                        out = Arrays.copyOf(out, n * 2);
                    }
                    out[n++] = mix(stem ^ STEM_SALT);
                }
                h = FNV_OFFSET;
                len = 0;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private static final long BIGRAM_SALT = 0x3C6EF372FE94F82BL;

    /**
     * The features besides words: {@link #stems}, and for a short item (fewer than
     * {@link CategoryModel#DEFAULT_SHORT_TEXT_TOKENS} tokens) also its word bigrams. Bigrams help the NB-scaled
     * short-item model a little (AG accuracy +0.2 point on each half of the data) and are not used for articles,
     * where they were measured worse (BBC 0.973 against 0.977). Character 3-5-grams of words for short items were
     * measured too and cost AG 1.3 points. Short items also get the GloVe cluster ids of their words
     * ({@link WordEmbeddings#withClusterFeatures}).
     */
    public static long[] features(CharSequence text, long[] tokens) {
        long[] stems = stems(text);
        if (tokens.length >= CategoryModel.DEFAULT_SHORT_TEXT_TOKENS || tokens.length == 0) {
            return stems;
        }
        long[] out = Arrays.copyOf(stems, stems.length + tokens.length - 1);
        for (int i = 0; i + 1 < tokens.length; i++) {
            out[stems.length + i] = combine(tokens[i], tokens[i + 1]) ^ BIGRAM_SALT;
        }
        return WordEmbeddings.bundled().withClusterFeatures(tokens, surfaceFeatures(text, out));
    }

    private static final long CASED_SALT = 0xCA5EL;

    /**
     * {@code features} followed by the surface features of a short item (round 4, docs/classifier.md): every run of
     * characters that are neither letters nor digits, except a single space, as it is ({@code " (" ", "} {@code ") - "}
     * {@code "  "} {@code " quot;"}), and every word that contains a capital letter, case and digits kept, with inner
     * {@code . & ' -} ({@code IBM}, {@code Corp.}, {@code AT&T}, {@code EDS.N}). Both are what the lower-cased,
     * digit-folded tokens lose: how a wire service formats its copy and how it spells names. On AG, with everything
     * else as shipped, 5-fold CV of the short model rose 0.8918 to 0.8946 on half A and 0.8883 to 0.8918 on half B.
     */
    static long[] surfaceFeatures(CharSequence text, long[] features) {
        int end = text.length();
        long[] out = Arrays.copyOf(features, features.length + 64); // grows on demand: a short item may be a long run of punctuation
        int n = features.length;
        for (int i = 0; i < end; ) { // runs of non-word characters
            if (Character.isLetterOrDigit(text.charAt(i))) {
                i++;
                continue;
            }
            long h = 0x9E37L;
            int j = i;
            while (j < end && !Character.isLetterOrDigit(text.charAt(j))) {
                h = mix(h * 31 + text.charAt(j));
                j++;
            }
            if (j > i + 1 || text.charAt(i) != ' ') {
                if (n == out.length) {
                    out = Arrays.copyOf(out, n * 2);
                }
                out[n++] = h; // its own seed (0x9E37) keeps it apart from words and cased words
            }
            i = j;
        }
        for (int i = 0; i < end; ) { // words with a capital letter, as written
            if (!Character.isLetterOrDigit(text.charAt(i))) {
                i++;
                continue;
            }
            long h = CASED_SALT;
            boolean upper = false;
            int j = i;
            while (j < end) {
                char d = text.charAt(j);
                if (!Character.isLetterOrDigit(d) && d != '.' && d != '&' && d != '\'' && d != '-') {
                    break;
                }
                upper |= Character.isUpperCase(d);
                h = mix(h * 31 + d);
                j++;
            }
            if (upper) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, n * 2);
                }
                out[n++] = h;
            }
            i = j;
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** The hash of one word or phrase as {@link #tokenize} would give it; a phrase gives its n-gram key. */
    public static long termKey(String term) {
        long[] tokens = tokenize(term);
        if (tokens.length == 0) {
            throw new IllegalArgumentException("term has no word characters: '" + term + "'");
        }
        long key = tokens[0];
        for (int i = 1; i < tokens.length; i++) {
            key = combine(key, tokens[i]);
        }
        return key;
    }

    /** The key of the n-gram made of {@code left} followed by {@code right}. */
    public static long combine(long left, long right) {
        return mix(left * 0x9E3779B97F4A7C15L + right);
    }

    /** MurmurHash3 finaliser: spreads the bits so that low bits make a good bucket index. */
    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    /** The char as it counts in a token (lower case, digits as 0), or 0 for a separator. */
    private static char fold(char c) {
        if (c < 128) {
            return ASCII_FOLD[c]; // ASCII fast path: most news text is ASCII
        }
        if (Character.isLetterOrDigit(c)) {
            return Character.isDigit(c) ? '0' : Character.toLowerCase(c);
        }
        return 0;
    }
}
