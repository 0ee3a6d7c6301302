package dev.newsflow.enrich.text.teaser;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;

/**
 * Cleans one paragraph for use in a teaser: leftover markup and HTML entities, white space (including no-break and
 * zero-width spaces), a leading dateline ("LONDON (Reuters) -", "PARIS, Jan 5 (AFP) —"), and tells bylines and
 * boilerplate lines ("Read more", "Advertisement", "Photo: ...") apart from text.
 */
final class TeaserText {

    /**
     * Markup worth a parser: a whole tag (Word's {@code <o:p>} too), a comment, declaration or processing
     * instruction ({@code <!}, {@code <?}), or a tag left open with an attribute ({@code <img src=x ...}).
     * Not a bare {@code <} in text ("a<b then rose", "The <Guardian reported"): a parser would swallow the rest of
     * the paragraph as a tag, so such text keeps its words and only the {@code <} is made harmless.
     */
    private static final Pattern LOOKS_LIKE_MARKUP = Pattern.compile(
            "<(?:[A-Za-z][\\w:.-]*(?:\\s[^<>]*)?/?>|/[A-Za-z][\\w:.-]*\\s*>|[!?]|[A-Za-z][\\w:.-]*[\\s/]+[A-Za-z-]+\\s*=)");

    /** A {@code <} an HTML parser would read as the start of a tag, comment or declaration. */
    private static final Pattern MARKUP_START = Pattern.compile("<(?=[A-Za-z/!?])");
    private static final Pattern BYLINE = Pattern.compile(
            "^(?:by|von|par|por|di|door|af|av|przez)\\s+\\p{Lu}[\\p{L}\\p{M}.'’-]*(?:\\s+(?:\\p{Lu}[\\p{L}\\p{M}.'’-]*|and|und|et|y|e|en|&|van|von|de|der|da|di|le|la))*"
                    + "(?:\\s*[,|–—-]\\s*[\\p{L}\\p{M} .,&'’-]{0,60})?\\.?$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern BOILERPLATE = Pattern.compile(
            "^(?:read more|related(?: articles| stories| coverage)?:?|advertisement|sponsored|sign up|subscribe|click here|"
                    + "share this|follow us|follow (?:the )?live|photo(?:graph)?s?:|image:|picture:|video:|file photo|"
                    + "getty images|reuters/|copyright|©|all rights reserved|we use cookies|listen to this article|"
                    + "\\d+ min(?:ute)?s? read|updated:?\\s|published:?\\s|last modified|mehr zum thema|lire aussi|"
                    + "lesen sie auch|leia também|lee también|anzeige|werbung|publicité|publicidad)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final int BOILERPLATE_MAX_CHARS = 200;
    private static final int LABEL_MAX_CHARS = 30;

    private TeaserText() {
    }

    /**
     * Markup and entities removed, white space normalised, trimmed; never null. Plain text that can never become
     * markup: tags go through a real HTML parser (jsoup), which also drops what a pattern misses
     * ({@code <img/src=x onerror=...>}, unclosed tags, long attributes); entities are decoded once; and a
     * {@code <} that still starts a tag after decoding ("&amp;lt;svg onload=...&amp;gt;" in the source) is turned into
     * a harmless {@code ‹}, so a site that forgets to escape the teaser still shows text, not a live element.
     */
    static String clean(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        String s = raw;
        if (s.indexOf('<') >= 0 && LOOKS_LIKE_MARKUP.matcher(s).find()) {
            s = Jsoup.parseBodyFragment(s).body().text(); // decodes the entities as it goes
        } else if (s.indexOf('&') >= 0) {
            s = Parser.unescapeEntities(s, false); // every HTML5 entity, as jsoup decodes the rest of the text
        }
        if (s.indexOf('<') >= 0) {
            s = MARKUP_START.matcher(s).replaceAll("‹");
        }
        return normaliseSpace(s);
    }

    /** The paragraph without a leading dateline. */
    static String withoutDateline(String paragraph) {
        return Dateline.strip(paragraph);
    }

    static boolean isByline(String paragraph) {
        return paragraph.length() <= 120 && BYLINE.matcher(paragraph).matches();
    }

    static boolean isBoilerplate(String paragraph) {
        if (paragraph.length() <= BOILERPLATE_MAX_CHARS && BOILERPLATE.matcher(paragraph).lookingAt()) {
            return true;
        }
        return paragraph.length() <= LABEL_MAX_CHARS && !endsLikeSentence(paragraph);
    }

    /** Letters and digits only, lower case: for "is this just the headline again?". */
    static String fingerprint(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean endsLikeSentence(String paragraph) {
        for (int i = paragraph.length() - 1; i >= 0; i--) {
            char c = paragraph.charAt(i);
            if (c == '"' || c == '”' || c == '’' || c == ')' || c == '»') {
                continue;
            }
            return c == '.' || c == '!' || c == '?' || c == '…' || c == '。';
        }
        return false;
    }

    private static String normaliseSpace(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u200B' || c == '\u00AD' || c == '\uFEFF' || c == '\u2060') {
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.CONTROL) {
                if (!space) {
                    sb.append(' ');
                    space = true;
                }
            } else {
                sb.append(c);
                space = false;
            }
        }
        int end = sb.length();
        if (end > 0 && sb.charAt(end - 1) == ' ') {
            sb.setLength(end - 1);
        }
        return sb.toString();
    }
}
