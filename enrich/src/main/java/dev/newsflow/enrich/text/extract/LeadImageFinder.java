package dev.newsflow.enrich.text.extract;

import dev.newsflow.enrich.text.LeadImage;
import dev.newsflow.runtime.PlainText;
import dev.newsflow.runtime.UrlPaths;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Finds the picture a story leads with in its own markup: the first image of the story that a reader sees, is not
 * a tracking pixel, an icon or an advert, and has a safe absolute address, with its alt text and its figure's
 * caption. Pages name their lead image in metadata first ({@link PageMetadata}); this is the fallback for pages and
 * the only source for a CMS's fragment. Stateless.
 */
final class LeadImageFinder {

    /** Alt text and captions are a sentence or two; a longer one is cut at a word, with an ellipsis. */
    static final int MAX_TEXT_CHARS = 500;
    /**
     * Declared this small (width or height, in pixels), an image is a pixel, an icon, a button or an author's
     * head shot: a story's picture is shown wider than this.
     */
    private static final int MIN_SIDE = 200;
    /**
     * A lead image stands before the story's words or after its first paragraph or two, not further down: the
     * characters of text before it, in document order, whatever elements hold them (paragraphs, divs, line breaks).
     */
    private static final int MAX_TEXT_BEFORE = 600;
    /** Images looked at before giving up: a lead image is near the top, and a page of icons must cost little. */
    private static final int MAX_CANDIDATES = 50;
    /** A srcset longer than this is not read (real ones list a few addresses). */
    private static final int MAX_SRCSET_CHARS = 10_000;
    /** Addresses of what is not a picture of the story: logos, avatars, icons, spacers, ads, share cards. */
    private static final Pattern NOT_A_PICTURE = Pattern.compile(
            "(?i)(?:^|[/_.-])(?:logo|avatar|icon|sprite|spacer|badge|ads|gravatar|share|placeholder)s?(?:[/_.-]|$)");
    /**
     * A file name a site gives the picture it shows when a story has none: the word first, then at most what such a
     * file is ("og-default.jpg", "default-share-1200x630.png", "fallback_1200.png", "noimage.gif"). A story's picture
     * with the word in its name ("argentina-debt-default.jpg") is not one; nor is Drupal's "sites/default/files",
     * since only the file name is read.
     */
    private static final Pattern SITE_DEFAULT_NAME = Pattern.compile("(?i)(?:(?:og|share|social|site|fb|twitter)"
            + "(?:[_-]image)?[_-])?(?:default|fallback|no-?image|favicon)(?:[_-](?:image|img|og|share|social|thumb"
            + "|thumbnail|card|logo|\\d{1,4}(?:x\\d{1,4})?)){0,4}(?:@[23]x)?(?:\\.[a-z0-9]{2,5})?");
    /** Longer than any default's file name: not read (and a regex never runs over an attacker's long name). */
    private static final int MAX_DEFAULT_NAME_CHARS = 80;
    /**
     * A file in a folder of the site's design ("/wp-content/themes/herald/img/card.jpg", "/template/page-image.png"):
     * at most a folder and an image folder below "themes" or "templates". A section's folder of that name holds
     * dated or deeper uploads ("/themes/climate/2024/glacier.jpg") and is not one.
     */
    private static final Pattern SITE_DESIGN_FOLDER = Pattern.compile(
            "(?i)/(?:themes?|templates?)/(?:[^/]+/)?(?:(?:img|images|assets|static|dist|build|brand)/){0,2}[^/]+$");
    /** Advertising and tracking hosts, for an image's address or the link around it. */
    private static final Pattern AD_HOST = Pattern.compile("(?i)^https?://[^/]*\\b(?:doubleclick|googlesyndication"
            + "|googleadservices|adservice|adnxs|taboola|outbrain|criteo|amazon-adsystem|moatads|scorecardresearch)\\.");
    /** A container named for a caption holds a picture and its caption, not chrome ("wp-caption", "image-caption"). */
    private static final Pattern CAPTION_CONTAINER = Pattern.compile("(?i)(?:^|[\\s_-])(?:wp-)?captions?(?:$|[\\s_-])");
    /** Inline sizes: "width: 1px", "height:1px". */
    private static final Pattern STYLE_SIDE = Pattern.compile("(?i)(?:^|;)\\s*(?:max-)?(?:width|height)\\s*:\\s*(\\d{1,6})px");

    private LeadImageFinder() {
    }

    /** The story's first picture under {@code root}, or null. */
    static LeadImage find(Element root) {
        Element[] found = {null};
        String[] foundAddress = {null};
        int[] textBefore = {0};
        int[] candidates = {0};
        Map<Element, Boolean> seen = new IdentityHashMap<>();
        NodeTraversor.filter((node, depth) -> {
            if (node instanceof TextNode text) {
                textBefore[0] += text.text().strip().length();
                return textBefore[0] > MAX_TEXT_BEFORE ? NodeFilter.FilterResult.STOP : NodeFilter.FilterResult.CONTINUE;
            }
            if (!(node instanceof Element e)) {
                return NodeFilter.FilterResult.CONTINUE;
            }
            if (e != root && ParagraphCollector.isNeverRead(e)) {
                return NodeFilter.FilterResult.SKIP_ENTIRELY; // neither its text nor its images are the story's
            }
            if (!e.normalName().equals("img")) {
                return NodeFilter.FilterResult.CONTINUE;
            }
            if (++candidates[0] > MAX_CANDIDATES) {
                return NodeFilter.FilterResult.STOP;
            }
            String address = pictureAddress(e);
            if (address != null && seen(e, root, seen)) {
                found[0] = e;
                foundAddress[0] = address;
                return NodeFilter.FilterResult.STOP;
            }
            return NodeFilter.FilterResult.CONTINUE;
        }, root);
        Element img = found[0];
        if (img == null) {
            return null;
        }
        return image(foundAddress[0], img.attr("alt"), caption(img));
    }

    /** An author's head shot or an emoji by the names around it: on the image or up to three containers above. */
    private static final Pattern NOT_A_PICTURE_NAME = Pattern.compile(
            "(?i)(?:^|[\\s_-])(?:avatar|author|byline|profile|headshot|gravatar|emoji|wp-smiley)s?(?:$|[\\s_-])");

    /** Its address when it is a picture of the story by its own attributes and address (the cheap checks), else null. */
    private static String pictureAddress(Element img) {
        if (declaredSmall(img) || decorative(img) || inRunningText(img) || namedNotAPicture(img)) {
            return null;
        }
        String url = address(img);
        if (url == null || isSiteGraphic(url) || AD_HOST.matcher(url).find()) {
            return null;
        }
        Element link = img.closest("a[href]");
        return link == null || !AD_HOST.matcher(link.absUrl("href")).find() ? url : null;
    }

    /** The caption a reader sees under it: its figure's figcaption, or a WordPress caption; hidden and deleted text left out. */
    private static String caption(Element img) {
        Element figure = img.closest("figure");
        Element caption = figure != null ? figure.selectFirst("figcaption") : null;
        if (caption == null) {
            Element wp = img.closest(".wp-caption");
            caption = wp != null ? wp.selectFirst(".wp-caption-text") : null;
        }
        if (caption == null) {
            return null;
        }
        return String.join(" ", new ParagraphCollector(false, false).collect(caption).stream()
                .map(dev.newsflow.enrich.text.TextBlock::text).toList());
    }

    /** Whether the address names a site's graphic rather than a picture of the story (a logo, a share card, an icon). */
    static boolean isSiteGraphic(String url) {
        int host = url.indexOf("//");
        String address = host < 0 ? url : url.substring(host + 2);
        int query = address.indexOf('?');
        String path = query < 0 ? address : address.substring(0, query);
        String name = path.substring(path.lastIndexOf('/') + 1);
        return NOT_A_PICTURE.matcher(address).find() || SITE_DESIGN_FOLDER.matcher(path).find()
                || name.length() <= MAX_DEFAULT_NAME_CHARS && SITE_DEFAULT_NAME.matcher(name).matches();
    }

    /** A lead image with its texts as plain text, or null when the address is not safe to send on. */
    static LeadImage image(String url, String alt, String caption) {
        if (!UrlPaths.isSafeHttpUrl(url)) {
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

    /**
     * Its address, absolute (resolved) or null: a lazy loader's real one first (its {@code src} is a placeholder, not
     * always a {@code data:} one: "lazy_placeholder.gif", "grey.png"), then the widest {@code srcset} candidate (the
     * sharpest the publisher offers), then {@code src}.
     */
    private static String address(Element img) {
        for (String lazy : new String[]{"data-src", "data-lazy-src", "data-original"}) {
            String url = usable(img.absUrl(lazy));
            if (url != null) {
                return url;
            }
        }
        String widest = widest(img, img.attr("data-srcset"));
        if (widest == null) {
            widest = widest(img, img.attr("srcset"));
        }
        if (widest == null && img.parent() != null && img.parent().normalName().equals("picture")) {
            // a <picture>'s sources offer the sizes its <img> falls back from
            widest = widest(img, img.parent().getElementsByTag("source").eachAttr("srcset").toArray(String[]::new));
        }
        return widest != null ? widest : usable(img.absUrl("src"));
    }

    /** The widest candidate of all of {@code srcsets} together (too long ones skipped), resolved, or null. */
    private static String widest(Element context, String... srcsets) {
        StringBuilder all = new StringBuilder();
        for (String srcset : srcsets) {
            String s = srcset.strip();
            if (!s.isEmpty() && s.length() <= MAX_SRCSET_CHARS) {
                all.append(all.length() > 0 ? ", " : "").append(s);
            }
        }
        return all.length() == 0 ? null : usable(StringUtil.resolve(context.baseUri(), largestCandidate(all.toString())));
    }

    /** An address that can be an image: not empty, not a {@code data:} placeholder. */
    private static String usable(String url) {
        return url.isEmpty() || url.regionMatches(true, 0, "data:", 0, 5) ? null : url;
    }

    private static final Pattern DESCRIPTOR = Pattern.compile("(\\d+(?:\\.\\d+)?)([wx])");

    /**
     * The widest candidate of a srcset ("a.jpg 80w, b.jpg 800w" gives b.jpg), or the first when none has a width.
     * Candidates are split at white space and at a comma that ends a descriptor or an address followed by white space,
     * not at every comma: an image CDN's address holds commas ("c_fill,w_80").
     */
    static String largestCandidate(String srcset) {
        // as the HTML standard reads a srcset: an address is a run without white space (commas and all) whose
        // trailing commas end it; otherwise its descriptors follow, up to the next comma
        String best = null;
        double bestSize = -1;
        int i = 0;
        int n = srcset.length();
        while (i < n) {
            while (i < n && (Character.isWhitespace(srcset.charAt(i)) || srcset.charAt(i) == ',')) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(srcset.charAt(i))) {
                i++;
            }
            String url = trimCommas(srcset.substring(start, i));
            String descriptors = "";
            if (!srcset.substring(start, i).endsWith(",")) {
                int comma = srcset.indexOf(',', i);
                int end = comma < 0 ? n : comma;
                descriptors = srcset.substring(i, end).strip();
                i = end;
            }
            if (url.isEmpty()) {
                continue;
            }
            Matcher descriptor = DESCRIPTOR.matcher(descriptors);
            double size = descriptor.matches() ? Double.parseDouble(descriptor.group(1)) : 0;
            if (best == null || size > bestSize) {
                best = url;
                bestSize = size;
            }
        }
        return best == null ? "" : best;
    }

    private static String trimCommas(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == ',') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == ',') {
            end--;
        }
        return s.substring(start, end);
    }

    /**
     * Not in a container of site chrome that a page walk skips (a share bar's icons, a related-stories list of
     * thumbnails) unless it is named for a caption; verdicts kept per container, as many images share one.
     */
    private static boolean seen(Element img, Element root, Map<Element, Boolean> verdicts) {
        for (Element e = img.parent(); e != null && e != root; e = e.parent()) {
            Boolean chrome = verdicts.get(e);
            if (chrome == null) {
                chrome = ParagraphCollector.isChromeContainer(e) && !isNamedForACaption(e)
                        && ParagraphCollector.isShortOrLinkyChrome(e);
                verdicts.put(e, chrome);
            }
            if (chrome) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNamedForACaption(Element e) {
        return e.normalName().equals("figure") || CAPTION_CONTAINER.matcher(e.className()).find();
    }

    private static boolean namedNotAPicture(Element img) {
        Element e = img;
        for (int level = 0; level < 4 && e != null; level++, e = e.parent()) {
            if (e.attributesSize() > 0 && (NOT_A_PICTURE_NAME.matcher(e.className()).find()
                    || NOT_A_PICTURE_NAME.matcher(e.id()).find())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Inside a sentence: in a paragraph, list item or cell with words of its own before it (a formula, an emoji, an
     * icon). A picture that opens its paragraph, its caption after it ("&lt;p&gt;&lt;img&gt;&lt;br&gt;Fire crews ..."), is not.
     */
    private static boolean inRunningText(Element img) {
        Element block = img.closest("p, li, dd, td, h1, h2, h3, h4, h5, h6");
        if (block == null || block.closest("figure") != null || block.ownText().isBlank()) {
            return false;
        }
        boolean[] wordsBefore = {false};
        NodeTraversor.filter((node, depth) -> {
            if (node == img) {
                return NodeFilter.FilterResult.STOP;
            }
            if (node instanceof TextNode text && !text.isBlank()) {
                wordsBefore[0] = true;
                return NodeFilter.FilterResult.STOP;
            }
            return NodeFilter.FilterResult.CONTINUE;
        }, block);
        return wordsBefore[0];
    }

    /** Marked as decoration or as a copy of something else on the screen (a formula's image beside its markup). */
    private static boolean decorative(Element img) {
        String role = img.attr("role");
        return "true".equalsIgnoreCase(img.attr("aria-hidden").strip()) || "presentation".equalsIgnoreCase(role)
                || "none".equalsIgnoreCase(role);
    }

    private static boolean declaredSmall(Element img) {
        if (side(img.attr("width")) < MIN_SIDE || side(img.attr("height")) < MIN_SIDE) {
            return true;
        }
        Matcher style = STYLE_SIDE.matcher(img.attr("style"));
        while (style.find()) {
            if (Integer.parseInt(style.group(1)) < MIN_SIDE) {
                return true;
            }
        }
        return false;
    }

    /** A declared side in pixels ("640", "640px"), or {@link Integer#MAX_VALUE} when none or not in pixels. */
    private static int side(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.endsWith("px")) {
            v = v.substring(0, v.length() - 2).strip();
        }
        if (v.isEmpty() || v.length() > 6 || !v.chars().allMatch(Character::isDigit)) {
            return Integer.MAX_VALUE;
        }
        return Integer.parseInt(v);
    }
}
