package dev.newsflow.enrich.text.extract;

import dev.newsflow.enrich.text.LeadImage;
import dev.newsflow.runtime.PlainText;
import dev.newsflow.runtime.UrlPaths;
import java.util.regex.Pattern;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Element;

/**
 * Finds the picture a story leads with in its own markup: the first image of the story that a reader sees, is not
 * a tracking pixel or an icon, and has a safe absolute address, with its alt text and its figure's caption. Pages
 * name their lead image in metadata first ({@link PageMetadata}); this is the fallback for pages and the only source
 * for a CMS's fragment. Stateless.
 */
final class LeadImageFinder {

    /** Longer addresses are not images a site should load (and no real one is). */
    static final int MAX_URL_CHARS = 2_048;
    /** Alt text and captions are a sentence or two; a longer one is cut at a word, with an ellipsis. */
    static final int MAX_TEXT_CHARS = 500;
    /** Declared this small (width or height, in pixels), an image is a pixel, an icon or a button. */
    private static final int MIN_SIDE = 100;
    /** A lead image stands before the story's words or among its first paragraphs, not at its end. */
    private static final int MAX_PARAGRAPHS_BEFORE = 3;
    /** Addresses of what is not a picture of the story: logos, avatars, icons, spacers, ads, share buttons. */
    private static final Pattern NOT_A_PICTURE = Pattern.compile(
            "(?i)(?:^|[/_.-])(?:logo|avatar|icon|sprite|spacer|badge|ads|gravatar|share)s?(?:[/_.-]|$)");

    private LeadImageFinder() {
    }

    /** The story's first picture under {@code root}, or null. */
    static LeadImage find(Element root) {
        int paragraphs = 0;
        for (Element e : root.select("img, p")) {
            if (e.normalName().equals("p")) {
                if (e.hasText() && ++paragraphs > MAX_PARAGRAPHS_BEFORE) {
                    return null;
                }
                continue;
            }
            if (!seen(e, root) || declaredSmall(e) || inRunningText(e) || decorative(e)) {
                continue;
            }
            String url = address(e);
            if (url == null || isSiteGraphic(url)) {
                continue;
            }
            Element figure = e.closest("figure");
            Element caption = figure == null ? null : figure.selectFirst("figcaption");
            return image(url, e.attr("alt"), caption == null ? null : caption.text());
        }
        return null;
    }

    /** Whether the address names a site's graphic rather than a picture of the story (a logo, a share card, an icon). */
    static boolean isSiteGraphic(String url) {
        int host = url.indexOf("//");
        return NOT_A_PICTURE.matcher(host < 0 ? url : url.substring(host + 2)).find();
    }

    /** A lead image with its texts as plain text, or null when the address is not safe to send on. */
    static LeadImage image(String url, String alt, String caption) {
        if (url == null || url.length() > MAX_URL_CHARS || !UrlPaths.isSafeHttpUrl(url)) {
            return null;
        }
        return new LeadImage(url, text(alt), text(caption));
    }

    private static String text(String raw) {
        if (raw == null) {
            return null;
        }
        String plain = PlainText.of(ParagraphCollector.normalise(raw));
        if (plain.isEmpty()) {
            return null;
        }
        if (plain.length() <= MAX_TEXT_CHARS) {
            return plain;
        }
        int cut = plain.lastIndexOf(' ', MAX_TEXT_CHARS - 1);
        return plain.substring(0, cut > MAX_TEXT_CHARS / 2 ? cut : MAX_TEXT_CHARS - 1).strip() + "…";
    }

    /** Its address: src, or a lazy loader's real address when src is a placeholder; absolute (resolved) or null. */
    private static String address(Element img) {
        for (String attribute : new String[]{"src", "data-src", "data-lazy-src", "data-original", "data-srcset", "srcset"}) {
            String value = img.attr(attribute).strip();
            if (attribute.endsWith("srcset") && !value.isEmpty()) {
                value = StringUtil.resolve(img.baseUri(), largestCandidate(value));
            } else if (!value.isEmpty()) {
                value = img.absUrl(attribute);
            }
            if (!value.isEmpty() && !value.regionMatches(true, 0, "data:", 0, 5)) {
                return value;
            }
        }
        return null;
    }

    private static final Pattern DESCRIPTOR = Pattern.compile("(\\d+(?:\\.\\d+)?)([wx]),?");

    /**
     * The widest candidate of a srcset ("a.jpg 80w, b.jpg 800w" gives b.jpg), or the first when none has a width.
     * Candidates are split at white space, not at commas: an image CDN's address holds commas ("c_fill,w_80").
     */
    static String largestCandidate(String srcset) {
        String best = null;
        String last = null;
        double bestSize = -1;
        for (String token : srcset.strip().split("\\s+")) {
            java.util.regex.Matcher descriptor = DESCRIPTOR.matcher(token);
            if (last != null && descriptor.matches()) {
                double size = Double.parseDouble(descriptor.group(1));
                if (size > bestSize) {
                    best = last;
                    bestSize = size;
                }
                last = null;
            } else {
                last = token.replaceAll("^,+|,+$", "");
                if (best == null) {
                    best = last;
                }
            }
        }
        return best;
    }

    /**
     * Not hidden, and not in a container of site chrome (a share bar's icons, a sidebar's promotions) unless, as the
     * paragraph collector judges it, that container holds the story (a wrapper with class "entry-content social-ready").
     */
    private static boolean seen(Element img, Element root) {
        for (Element e = img; e != null && e != root; e = e.parent()) {
            if (ParagraphCollector.isHidden(e)
                    || ParagraphCollector.isChromeContainer(e) && e.text().length() <= ParagraphCollector.MAX_PAGE_CHROME_CHARS) {
                return false;
            }
        }
        return true;
    }

    /** In a paragraph, list item or cell that has words of its own: a formula, an emoji, an icon in a sentence. */
    private static boolean inRunningText(Element img) {
        Element block = img.closest("p, li, dd, td, h1, h2, h3, h4, h5, h6");
        return block != null && block.closest("figure") == null && !block.ownText().isBlank();
    }

    /** Marked as decoration or as a copy of something else on the screen (a formula's image beside its markup). */
    private static boolean decorative(Element img) {
        String role = img.attr("role");
        return "true".equalsIgnoreCase(img.attr("aria-hidden").strip()) || "presentation".equalsIgnoreCase(role)
                || "none".equalsIgnoreCase(role);
    }

    private static boolean declaredSmall(Element img) {
        return side(img.attr("width")) < MIN_SIDE || side(img.attr("height")) < MIN_SIDE;
    }

    /** A declared side in pixels ("640", "640px"), or {@link Integer#MAX_VALUE} when none or not in pixels. */
    private static int side(String value) {
        String v = value.strip().toLowerCase(java.util.Locale.ROOT);
        if (v.endsWith("px")) {
            v = v.substring(0, v.length() - 2).strip();
        }
        if (v.isEmpty() || v.length() > 6 || !v.chars().allMatch(Character::isDigit)) {
            return Integer.MAX_VALUE;
        }
        return Integer.parseInt(v);
    }
}
