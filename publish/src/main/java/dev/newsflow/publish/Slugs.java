package dev.newsflow.publish;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** URL slugs: ASCII, lowercase, hyphenated, cut at a word boundary, unique per article by a short id hash. */
final class Slugs {

    private static final int MAX_WORDS_CHARS = 72;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    static String of(String headline, String articleId) {
        // letters NFKD does not decompose into a base letter plus marks
        String lower = headline.toLowerCase(Locale.ROOT).replace("ß", "ss").replace("æ", "ae").replace("ø", "o")
                .replace("đ", "d").replace("ł", "l").replace("œ", "oe");
        String ascii = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFKD)).replaceAll("");
        String words = NON_ALNUM.matcher(ascii).replaceAll("-").replaceAll("^-+|-+$", "");
        if (words.length() > MAX_WORDS_CHARS) {
            int cut = words.lastIndexOf('-', MAX_WORDS_CHARS);
            words = words.substring(0, cut > 0 ? cut : MAX_WORDS_CHARS);
        }
        String suffix = shortHash(articleId);
        return words.isEmpty() ? suffix : words + "-" + suffix;
    }

    private static String shortHash(String id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
