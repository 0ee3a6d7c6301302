package dev.newsflow.publish;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * URL slugs: ASCII, lowercase, hyphenated, cut at a word boundary, unique per article by a short id hash. Latin
 * letters lose their accents, Cyrillic and Greek are transliterated (a table of their letters here: ICU4J's
 * transliterator is a 14 MB dependency for two alphabets); other scripts (Arabic, Chinese, Japanese, ...) give the
 * hash alone ("/2026/11/29/7514e1"), since a reading in Latin letters would need a dictionary.
 */
final class Slugs {

    private static final int MAX_WORDS_CHARS = 72;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    static String of(String headline, String articleId) {
        // letters NFKD does not decompose into a base letter plus marks
        String lower = transliterated(headline.toLowerCase(Locale.ROOT).replace("ß", "ss").replace("æ", "ae")
                .replace("ø", "o").replace("đ", "d").replace("ł", "l").replace("œ", "oe"));
        String ascii = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFKD)).replaceAll("");
        String words = NON_ALNUM.matcher(ascii).replaceAll("-").replaceAll("^-+|-+$", "");
        if (words.length() > MAX_WORDS_CHARS) {
            int cut = words.lastIndexOf('-', MAX_WORDS_CHARS);
            words = words.substring(0, cut > 0 ? cut : MAX_WORDS_CHARS);
        }
        String suffix = shortHash(articleId);
        return words.isEmpty() ? suffix : words + "-" + suffix;
    }

    /** Lower-case Cyrillic (Russian, Ukrainian, Belarusian, Serbian, Bulgarian letters) and Greek, letter by letter. */
    private static final java.util.Map<Character, String> LETTERS = letters(
            "а a б b в v г g д d е e ё e ж zh з z и i й y к k л l м m н n о o п p р r с s т t у u ф f х kh ц ts"
                    + " ч ch ш sh щ shch ъ _ ы y ь _ э e ю yu я ya є ye і i ї yi ґ g ў u ђ dj ј j љ lj њ nj ћ c џ dz"
                    + " α a β v γ g δ d ε e ζ z η i θ th ι i κ k λ l μ m ν n ξ x ο o π p ρ r σ s ς s τ t υ y φ f χ ch"
                    + " ψ ps ω o ά a έ e ή i ί i ό o ύ y ώ o ϊ i ϋ y ΐ i ΰ y");

    private static java.util.Map<Character, String> letters(String pairs) {
        java.util.Map<Character, String> map = new java.util.HashMap<>();
        String[] items = pairs.split(" ");
        for (int i = 0; i + 1 < items.length; i += 2) {
            map.put(items[i].charAt(0), items[i + 1].equals("_") ? "" : items[i + 1]);
        }
        return java.util.Map.copyOf(map);
    }

    private static String transliterated(String lower) {
        StringBuilder out = null;
        for (int i = 0; i < lower.length(); i++) {
            String latin = LETTERS.get(lower.charAt(i));
            if (latin != null && out == null) {
                out = new StringBuilder(lower.length() + 8).append(lower, 0, i);
            }
            if (out != null) {
                out.append(latin != null ? latin : String.valueOf(lower.charAt(i)));
            }
        }
        return out == null ? lower : out.toString();
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
