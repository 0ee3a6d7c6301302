package dev.newsflow.ingest;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;

/**
 * A whole web page sent as an article body (a scraper's) is often mostly inline scripts, styles and SVG: text no
 * stage reads. Over the body limit, such a body is sent on without them rather than refused, so the limit bounds the
 * article, not the page's JavaScript. Only oversized bodies are touched: an article within the limit is stored
 * exactly as sent.
 */
final class OversizedHtml {

    /**
     * Most tags a body may have to be slimmed: parsing costs time on the request thread, and a crafted body of
     * nothing but tags took seconds; a real page has a few thousand.
     */
    static final int MAX_TAGS = 100_000;

    /**
     * Elements enrich never reads as text (ParagraphCollector skips them), whatever their size. An {@code iframe}
     * stays, emptied of its fallback: enrich names a provider's player among the story's embeds by its address.
     */
    private static final String NOT_TEXT = "script, style, noscript, template, svg, object, embed, canvas";
    /** The attributes enrich reads a frame's address from (EmbedRecogniser). */
    private static final java.util.Set<String> FRAME_ADDRESSES = java.util.Set.of("src", "data-src", "data-lazy-src");

    private OversizedHtml() {
    }

    /** Whether the body is worth slimming: not more than {@link #MAX_TAGS} tags (a count, not a parse). */
    static boolean slimmable(String html) {
        int tags = 0;
        for (int i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) {
            if (++tags > MAX_TAGS) {
                return false;
            }
        }
        return true;
    }

    /** The body without scripts, styles, plug-ins and comments; a whole page keeps its head (title, meta) and frames. */
    static String withoutNonText(String html) {
        // the same test enrich applies, so a page stays a page (its metadata and content scoring) after slimming
        boolean page = dev.newsflow.runtime.HtmlPages.looksLikeWholePage(html);
        Document doc = page ? Jsoup.parse(html) : Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        doc.select(NOT_TEXT).remove();
        for (org.jsoup.nodes.Element frame : doc.select("iframe")) { // its address only: not a srcdoc page, not styles
            frame.empty();
            for (org.jsoup.nodes.Attribute a : new java.util.ArrayList<>(frame.attributes().asList())) {
                if (!FRAME_ADDRESSES.contains(a.getKey().toLowerCase(java.util.Locale.ROOT))) {
                    frame.removeAttr(a.getKey());
                }
            }
        }
        doc.getAllElements().forEach(element -> element.childNodes().stream()
                .filter(node -> node instanceof Comment).toList().forEach(org.jsoup.nodes.Node::remove));
        return page ? doc.outerHtml() : doc.body().html();
    }
}
