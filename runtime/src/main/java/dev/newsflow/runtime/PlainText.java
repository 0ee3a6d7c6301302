package dev.newsflow.runtime;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;

/**
 * Text for fields that sites show as plain text (headline, teaser, byline, source): whatever the sender or the page
 * put there, what comes out is never markup. Shared by ingest (a headline must have text) and enrich (which makes it).
 */
public final class PlainText {

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

    private PlainText() {
    }

    /** {@code text} without its accents and other combining marks: "José" as "Jose", "Aktuálně" as "Aktualne". */
    public static String withoutAccents(String text) {
        return COMBINING_MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
    }

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    /**
     * Markup and entities removed, white space normalised, trimmed; never null. Plain text that can never become
     * markup: tags go through a real HTML parser (jsoup), which also drops what a pattern misses
     * ({@code <img/src=x onerror=...>}, unclosed tags, long attributes); entities are decoded, and those a feed
     * escaped twice decoded again ({@link #withDoubleEscapesDecoded}: never into a tag's brackets); and a
     * {@code <} that still starts a tag after decoding ("&amp;lt;svg onload=...&amp;gt;" in the source) is turned into
     * a harmless {@code ‹}, so a site that forgets to escape the teaser still shows text, not a live element.
     * Invisible characters (zero-width space, soft hyphen, BOM, word joiner) and the bidirectional embeddings,
     * overrides and isolates, which make text read as other text, are dropped; the right-to-left and left-to-right
     * marks that Arabic and Hebrew text needs stay.
     */
    public static String of(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        String s = raw;
        if (looksLikeMarkup(s)) {
            s = Jsoup.parseBodyFragment(wordsInBracketsEscaped(s)).body().text(); // decodes the entities as it goes
        } else if (s.indexOf('&') >= 0) {
            s = Parser.unescapeEntities(s, false); // every HTML5 entity, as jsoup decodes the rest of the text
        }
        s = withDoubleEscapesDecoded(s);
        s = normaliseSpace(s);
        // last: normaliseSpace drops invisible characters, and "<\u200Bimg ..." would become a tag after it
        return s.indexOf('<') >= 0 ? MARKUP_START.matcher(s).replaceAll("‹") : s;
    }

    /** An entity left in text once decoded: the sender escaped it twice ("Council&amp;#8217;s" for "Council’s"). */
    private static final Pattern LITERAL_ENTITY =
            Pattern.compile("&(?:#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6}|[A-Za-z][A-Za-z0-9]{1,31});");

    /**
     * {@code text}, already decoded once, with the entities a feed escaped twice decoded again: WordPress and many
     * feeds send "Council&amp;#8217;s plan", which reads "Council&#8217;s plan" once decoded. {@code &lt;} and
     * {@code &gt;} stay as they are (a second decoding must never make a tag), and so does what is no entity.
     */
    public static String withDoubleEscapesDecoded(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher m = LITERAL_ENTITY.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        do {
            String entity = m.group();
            String name = entity.substring(1, entity.length() - 1);
            // a named entity only when the whole name is one ("&notanentity;" is not "¬anentity;")
            String decoded = name.startsWith("#") ? Parser.unescapeEntities(entity, false)
                    : org.jsoup.nodes.Entities.isNamedEntity(name) ? org.jsoup.nodes.Entities.getByName(name) : entity;
            if (decoded.indexOf('<') >= 0 || decoded.indexOf('>') >= 0) {
                decoded = entity; // however it is spelt (&lt; &#060; &#X3C;), a second decoding never makes a tag
            }
            out.append(text, last, m.start()).append(decoded);
            last = m.end();
        } while (m.find());
        return out.append(text, last, text.length()).toString();
    }

    /** A whole tag: its slash, name, attributes. */
    private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z][\\w:.-]*)(\\s[^<>]*)?/?>");

    /** Elements whose end tag HTML lets a writer leave out: "&lt;p&gt;Text" is markup. */
    private static final java.util.Set<String> OPTIONAL_END = java.util.Set.of("p", "li", "dt", "dd", "tr", "td", "th",
            "tbody", "thead", "tfoot", "option", "optgroup", "colgroup", "rt", "rp", "html", "head", "body");

    /** A tag left open with an attribute, as far as its first {@code =}: {@code <img src=x onerror=...}. */
    private static final Pattern OPEN_TAG_WITH_ATTRIBUTE = Pattern.compile("<[A-Za-z][\\w:.-]*[\\s/]+[A-Za-z-]+\\s*=");

    /**
     * {@code text} with every {@code <} that does not open markup escaped, so the parser keeps it as text: "A
     * &lt;style&gt; guide for writers" lost everything after "A" (a style element runs to its end tag), "Vote:
     * &lt;Yes&gt; or &lt;No&gt;" its two words, "Shares in &lt;Acme Holdings&gt; rise" the firm, and "x&lt;y for
     * rates" the rest of the text. Markup is a comment or declaration, a tag left open with an attribute
     * ({@code <img src=x ...}), or a whole tag that is: an HTML element with attributes, any element with an
     * attribute value ({@code <amp-img src=...>}), a custom or namespaced element ({@code <x-embed>}, Word's
     * {@code <o:p>}), a tag whose end (or start) tag is in the text too ({@code <b>...</b>}), or an HTML element that
     * is void ({@code <br>}) or may leave out its end tag ({@code <p>}). Two passes, each trying a tag only where a
     * {@code <} stands and reading no further than the next {@code <} or {@code >}, so the time is linear in the
     * text: a body of many unclosed tags must not stall ingest or enrich.
     */
    static String wordsInBracketsEscaped(String text) {
        java.util.Set<String> opened = new java.util.HashSet<>();
        java.util.Set<String> closed = new java.util.HashSet<>();
        java.util.regex.Matcher m = TAG.matcher(text);
        while (m.find()) {
            (m.group(1).isEmpty() ? opened : closed).add(m.group(2).toLowerCase(java.util.Locale.ROOT));
        }
        java.util.regex.Matcher open = OPEN_TAG_WITH_ATTRIBUTE.matcher(text);
        StringBuilder out = null;
        int last = 0;
        for (int at = text.indexOf('<'); at >= 0; at = text.indexOf('<', at + 1)) {
            if (opensMarkup(text, at, m, open, opened, closed)) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16);
            }
            out.append(text, last, at).append("&lt;");
            last = at + 1;
        }
        if (out == null) {
            return text;
        }
        return out.append(text, last, text.length()).toString();
    }

    private static boolean opensMarkup(String text, int at, java.util.regex.Matcher tag, java.util.regex.Matcher open,
                                       java.util.Set<String> opened, java.util.Set<String> closed) {
        if (at + 1 < text.length() && (text.charAt(at + 1) == '!' || text.charAt(at + 1) == '?')) {
            return true;
        }
        tag.region(at, text.length());
        if (!tag.lookingAt()) {
            open.region(at, text.length());
            return open.lookingAt();
        }
        String name = tag.group(2).toLowerCase(java.util.Locale.ROOT);
        boolean closing = !tag.group(1).isEmpty();
        String attributes = tag.group(3) == null ? "" : tag.group(3);
        boolean known = org.jsoup.parser.Tag.isKnownTag(name);
        // "<Time Warner Inc>", "<Main Street Capital>": a known name with capitalised words and no value is words
        boolean looksLikeAttributes = attributes.indexOf('=') >= 0 || known && attributes.chars().noneMatch(Character::isUpperCase);
        if (!attributes.isBlank() && !looksLikeAttributes) {
            return false; // "<Meta Platforms Inc>", "<Body Shop International>": a void or optional-end name, then words
        }
        return !attributes.isBlank() || name.indexOf(':') >= 0
                || name.indexOf('-') > 0 || (closing ? opened : closed).contains(name)
                || known && (org.jsoup.parser.Tag.valueOf(name).isEmpty() || !closing && OPTIONAL_END.contains(name));
    }

    /**
     * {@code text} with its markup read as HTML and its entities decoded, but a {@code <} left in the words kept as it
     * is (for a body's text, which the post escapes; {@link #of} makes it harmless for fields shown as they are).
     */
    public static String withoutMarkup(String text) {
        return looksLikeMarkup(text) ? Jsoup.parseBodyFragment(wordsInBracketsEscaped(text)).body().text()
                : text.indexOf('&') >= 0 ? Parser.unescapeEntities(text, false) : text;
    }

    /** Whether {@code text} holds markup a parser should read (a whole tag, a comment, a tag left open with an attribute). */
    public static boolean looksLikeMarkup(String text) {
        return text.indexOf('<') >= 0 && LOOKS_LIKE_MARKUP.matcher(text).find();
    }

    /**
     * Whether {@code raw} shows any text once it is plain: a letter or digit, not only markup, entities, invisible
     * characters and punctuation (a body of "." went out as a post of no words).
     */
    public static boolean hasText(String raw) {
        return raw != null && of(raw).codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /** {@link #of} of each, the empty results and repeats left out, in order (the sender's keywords). */
    public static java.util.List<String> ofEach(java.util.List<String> raw) {
        return raw.stream().map(PlainText::of).filter(text -> !text.isEmpty()).distinct().toList();
    }

    /** {@link #of}, keeping null as null and making an empty result null. */
    public static String ofNullable(String raw) {
        if (raw == null) {
            return null;
        }
        String text = of(raw);
        return text.isEmpty() ? null : text;
    }

    /**
     * A character no reader sees that can still change what they read: the zero-width space, the soft hyphen, the
     * byte-order mark, the word joiner, and direction overrides and isolates ("exe.gnp" shown as "gnp.exe"). Dropped
     * from every text newsflow shows. Not the zero-width joiner and non-joiner: Persian, Indic and emoji need them.
     */
    public static boolean isHiddenFormat(char c) {
        return c == '\u200B' || c == '\u00AD' || c == '\uFEFF' || c == '\u2060' || c >= '\u202A' && c <= '\u202E'
                || c >= '\u2066' && c <= '\u2069';
    }

    /**
     * {@code s} without half a surrogate pair; a whole pair stays. "&#xD800;" decodes to one half, which UTF-8 cannot
     * carry: Avro writes it as '?' (and "<?img ..." after it opens markup in an XML feed), and HTML output gives it as
     * "&#xd800;", which an XML reader refuses. Returns {@code s} itself when it has none.
     */
    public static String withoutLoneSurrogates(String s) {
        StringBuilder out = null;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1));
            if (pair) {
                if (out != null) {
                    out.append(c).append(s.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                if (out == null) {
                    out = new StringBuilder(s.length()).append(s, 0, i);
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    private static String normaliseSpace(String raw) {
        String s = withoutLoneSurrogates(raw);
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isHiddenFormat(c)) {
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
