package dev.newsflow.enrich.text.extract;


import dev.newsflow.enrich.text.BodyHtml;
import dev.newsflow.enrich.text.Embed;
import dev.newsflow.enrich.text.ExtractedArticle;
import dev.newsflow.enrich.text.LeadImage;
import dev.newsflow.enrich.text.TextBlock;
import dev.newsflow.enrich.text.TextExtractor;
import dev.newsflow.runtime.HtmlPages;
import dev.newsflow.runtime.PlainText;
import dev.newsflow.runtime.UrlPaths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The enrich stage's extractor: reads a pushed body (a whole HTML page, an HTML fragment from a CMS, or plain text)
 * and writes its headline, byline, publication time and main text as clean paragraphs.
 *
 * <p>Three paths, chosen by looking at the body, because their costs differ by three orders of magnitude:
 * <ul>
 *   <li><b>whole page</b> ({@code <html>}, {@code <!doctype>}, {@code <head>} or {@code <body>} near the start):
 *       metadata from JSON-LD and meta tags ({@link PageMetadata}), the main-content element from a
 *       {@link ContentFinder}, then paragraphs and the {@link BoilerplateFilter}. Milliseconds.</li>
 *   <li><b>fragment</b> (any other HTML): the fast path of the stream. One jsoup body-fragment parse, one walk that
 *       skips navigation, asides, share, cookie, newsletter, related and comment containers, then the
 *       {@link BoilerplateFilter}. Tens of microseconds for a few kilobytes.</li>
 *   <li><b>plain text</b>: blocks split on blank lines, whitespace normalised, chrome and byline lines taken out.</li>
 * </ul>
 * Thread-safe: it holds no per-call state.
 */
public final class MainTextExtractor implements TextExtractor {

    private static final Pattern TAG = Pattern.compile("<[a-zA-Z!/]");

    private final ContentFinder finder;
    /** Pages and fragments alike: chrome-named blocks are skipped unless they hold the story. */
    private final ParagraphCollector collector = new ParagraphCollector(true, true);
    private final BoilerplateFilter filter = new BoilerplateFilter();

    public MainTextExtractor() {
        this(ContentEngine.DEFAULT);
    }

    /** An extractor whose whole-page path uses the given engine (the scorer compares them). */
    public MainTextExtractor(ContentEngine engine) {
        this(engine.newFinder());
    }

    MainTextExtractor(ContentFinder finder) {
        this.finder = finder;
    }

    @Override
    public ExtractedArticle extract(String body, boolean html) {
        return extract(body, html, null);
    }

    @Override
    public ExtractedArticle extract(String body, boolean html, String address) {
        if (body == null || body.isBlank()) {
            return new ExtractedArticle(null, null, null, List.of());
        }
        if (!html || !TAG.matcher(body).find()) {
            return plainText(body);
        }
        String base = address != null && UrlPaths.isSafeHttpUrl(address) ? address : "";
        return looksLikeWholePage(body) ? page(body, base) : fragment(body, base);
    }

    /** See {@link HtmlPages#looksLikeWholePage}; kept here for the extractor's callers and tests. */
    public static boolean looksLikeWholePage(String body) {
        return HtmlPages.looksLikeWholePage(body);
    }

    private static boolean containsIgnoreCase(String s, String lowerNeedle) {
        for (int i = s.indexOf('<'); i >= 0; i = s.indexOf('<', i + 1)) {
            if (s.regionMatches(true, i, lowerNeedle, 0, lowerNeedle.length())) {
                return true;
            }
        }
        return false;
    }

    /** Whole HTML page; {@code address} is its own, or "". */
    ExtractedArticle page(String html, String address) {
        Document doc = Jsoup.parse(html, address);
        String base = baseOf(doc);
        PageMetadata meta = PageMetadata.read(doc, base);
        // scoring costs time quadratic in nesting depth (8,000 levels: 15 s), and each container reads the text of all
        // it holds; no real page nests that deep or holds that much that deep, so a page that does is read whole
        Element content = tooCostlyToScore(doc) ? doc.body() : finder.find(doc, html);
        if (content != null && base != null) {
            content.setBaseUri(base); // the finder may have parsed the page again, without its base
        }
        ParagraphCollector.Collected collected = content == null ? new ParagraphCollector.Collected(List.of(), List.of())
                : collector.collectWithEmbeds(content);
        List<TextBlock> blocks = withoutLeadingTitle(collected.blocks(), meta.title());
        BoilerplateFilter.Result result = filter.filter(texts(blocks), laidOut(blocks));
        String byline = meta.byline() != null ? meta.byline() : result.byline();
        // the publisher's choice first; else the story's first picture
        LeadImage image = meta.image() != null || content == null ? meta.image() : LeadImageFinder.find(content);
        List<TextBlock> kept = result.keptOf(blocks);
        return ExtractedArticle.ofBlocks(meta.title(), BylineText.tidy(byline), meta.published(), kept, image,
                placed(collected, kept, endOf(blocks, result)));
    }

    /**
     * The address a page's relative links are relative to: its {@code <base href>}, else its canonical address or
     * {@code og:url} (the page's own, as a publisher declares it), each resolved against the address the sender gave,
     * else that address; else none (relative links are then left out of the body, their words kept).
     */
    static String baseOf(Document doc) {
        for (String[] query : new String[][]{{"base[href]", "href"}, {"link[rel=canonical][href]", "href"},
                {"meta[property=og:url][content]", "content"}}) {
            Element e = doc.selectFirst(query[0]);
            String url = e == null ? "" : e.absUrl(query[1]);
            if (UrlPaths.isSafeHttpUrl(url)) {
                return url;
            }
        }
        return UrlPaths.isSafeHttpUrl(doc.location()) ? doc.location() : null;
    }

    /** Nesting deeper than any real page (the deepest of the 130 test pages is far below). */
    static final int MAX_SCORED_DEPTH = 500;

    /**
     * The text a scoring pass reads, counted as each text character times its depth (each container above it reads it
     * again): the 130 test pages read at most 8 million (wikipedia-2), while 11,500 paragraphs 480 levels deep read 270
     * million and took 25 s. Four times the largest real page is scored; more is read whole.
     */
    static final long MAX_SCORING_READS = 32_000_000;

    static boolean tooCostlyToScore(org.jsoup.nodes.Node root) {
        return deeperThan(root, MAX_SCORED_DEPTH, MAX_SCORING_READS);
    }

    static boolean deeperThan(org.jsoup.nodes.Node root, int limit) {
        return deeperThan(root, limit, Long.MAX_VALUE);
    }

    private static boolean deeperThan(org.jsoup.nodes.Node root, int limit, long maxReads) {
        boolean[] deep = {false};
        long[] reads = {0};
        org.jsoup.select.NodeTraversor.filter(new org.jsoup.select.NodeFilter() {
            @Override
            public FilterResult head(org.jsoup.nodes.Node node, int depth) {
                if (node instanceof org.jsoup.nodes.TextNode text) {
                    reads[0] += (long) depth * text.getWholeText().length();
                }
                if (depth > limit || reads[0] > maxReads) {
                    deep[0] = true;
                    return FilterResult.STOP;
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(org.jsoup.nodes.Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, root);
        return deep[0];
    }

    /** HTML fragment: the hot path; {@code address} is the article's, or "". */
    ExtractedArticle fragment(String html, String address) {
        Document doc = Jsoup.parseBodyFragment(html, address);
        Element body = doc.body();
        if (containsIgnoreCase(html, "<svg")) {
            ParagraphCollector.hoistOutOfUnclosedSvg(body);
        }
        String title = null;
        Element h1 = containsIgnoreCase(html, "<h1") ? body.getElementsByTag("h1").first() : null;
        if (h1 != null) {
            title = ParagraphCollector.normalise(h1.text());
        }
        Instant published = null;
        Element time = containsIgnoreCase(html, "<time") ? body.getElementsByTag("time").first() : null;
        if (time != null) {
            published = PageMetadata.parseInstant(time.attr("datetime"));
        }
        LeadImage image = containsIgnoreCase(html, "<img") ? LeadImageFinder.find(body) : null;
        ParagraphCollector.Collected collected = collector.collectWithEmbeds(body);
        List<TextBlock> blocks = collected.blocks();
        if (!blocks.isEmpty() && title != null && blocks.get(0).kind() == TextBlock.Kind.HEADING && blocks.get(0).text().equals(title)) {
            blocks = blocks.subList(1, blocks.size()); // the headline above the story; an h1 further down is a heading
        }
        BoilerplateFilter.Result result = filter.filter(texts(blocks), laidOut(blocks));
        List<TextBlock> kept = result.keptOf(blocks);
        return ExtractedArticle.ofBlocks(title == null || title.isEmpty() ? null : title, BylineText.tidy(result.byline()),
                published, kept, image, placed(collected, kept, endOf(blocks, result)));
    }

    /**
     * A CMS that stores text HTML-escaped sends "Marlow &amp;amp; Finch" without a tag: read as plain text, readers
     * would see "&amp;amp;". Named and numeric references are decoded, as in the headline ({@code PlainText}); the
     * text stays text (the post escapes it again).
     */
    static String decodeEntities(String line) {
        return line.indexOf('&') >= 0 && ENTITY.matcher(line).find() ? Parser.unescapeEntities(line, false) : line;
    }

    private static final java.util.regex.Pattern ENTITY = java.util.regex.Pattern.compile("&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});");

    /** A Reuters instrument code in angle brackets: "&lt;ORCL.O&gt;", "&lt;T.N&gt;". */
    private static final Pattern BRACKETED_STOCK_CODE = Pattern.compile("\\s?<[A-Z0-9]{1,6}\\.[A-Z]{1,2}>");

    /**
     * {@code text} (a headline, a description) without Reuters instrument codes in angle brackets, as the body loses
     * them: "Oracle &lt;ORCL.O&gt; bids" had been published as "Oracle ‹ORCL.O> bids".
     */
    public static String withoutBracketedStockCodes(String text) {
        return text == null || text.indexOf('<') < 0 ? text : BRACKETED_STOCK_CODE.matcher(text).replaceAll("");
    }

    /** The same code once its link markup is gone: "Microsoft Corp.MSFT.O, saying", "shares of AT&amp;T T.N rose". */
    private static final Pattern LINKED_STOCK_CODE = Pattern.compile(
            "(?:\\s|(?<=[.(]))[A-Z0-9]{1,6}\\.(?:N|O|OQ|L|TO|PA|DE|AS|MI|T|VX|OB|PK|HK|KS|SS|SZ|AX)(?=[\\s,;:)]|\\.?$)");

    /**
     * Plain text: paragraphs and bullet lists where its lines put them ({@link PlainTextLayout}); chrome lines are
     * dropped, and the first byline line becomes the byline. The boilerplate rules judge each block between blank
     * lines as one paragraph, as they always did: a date, a "Latest news" marker or a byline on a line of its own
     * inside a block is the story's, not the page's.
     */
    ExtractedArticle plainText(String text) {
        List<List<TextBlock>> groups = new ArrayList<>(); // per block of lines, its paragraphs and list items
        int lastBlock = -1;
        String byline = null;
        for (PlainTextLayout.Unit unit : PlainTextLayout.read(text)) {
            StringBuilder paragraph = new StringBuilder();
            // a line of its own may be chrome or the byline; inside a wrapped paragraph "by Mr Blair." is the story's
            boolean lineOfItsOwn = unit.lines().size() == 1;
            for (String line : unit.lines()) {
                String decoded = decodeEntities(line);
                // markup the CMS stored escaped ("&lt;a href=...&gt;MSFT.O&lt;/a&gt;" in wire copy) is read as markup,
                // and the stock codes it linked go with it; so do codes in angle brackets ("Oracle Corp. <ORCL.O>")
                String l = ParagraphCollector.normalise(decoded != line && PlainText.looksLikeMarkup(decoded)
                        ? LINKED_STOCK_CODE.matcher(PlainText.withoutMarkup(decoded)).replaceAll("") : decoded);
                l = withoutBracketedStockCodes(l);
                if (l.isEmpty() || lineOfItsOwn && filter.isChrome(l)) {
                    continue;
                }
                if (byline == null && lineOfItsOwn && unit.kind() == TextBlock.Kind.PARAGRAPH) {
                    String name = filter.bylineOf(l);
                    if (name != null) {
                        byline = name;
                        continue;
                    }
                }
                if (paragraph.length() > 0 && !joinsWithoutSpace(paragraph, l)) {
                    paragraph.append(' ');
                }
                paragraph.append(l);
            }
            if (paragraph.length() > 0) {
                if (unit.block() != lastBlock) {
                    groups.add(new ArrayList<>());
                    lastBlock = unit.block();
                }
                String words = paragraph.toString();
                groups.get(groups.size() - 1).add(new TextBlock(words, unit.kind(), unit.group(), unit.item(), 0, 0, false,
                        dev.newsflow.enrich.text.ListMarker.DECIMAL,
                        BodyHtml.escape(words)));
            }
        }
        List<String> judged = new ArrayList<>(groups.size()); // each block's words, as the rules always read plain text
        for (List<TextBlock> group : groups) {
            judged.add(String.join(" ", texts(group)));
        }
        BoilerplateFilter.Result result = filter.filter(judged);
        List<TextBlock> kept = new ArrayList<>();
        for (List<TextBlock> group : result.keptOf(groups)) {
            kept.addAll(group);
        }
        String named = byline != null ? byline : result.byline();
        return ExtractedArticle.ofBlocks(null, BylineText.tidy(named), null, kept, null, List.of());
    }

    /**
     * Lines of Chinese or Japanese join with no space between: they put none between words. A line ending in a hyphen
     * keeps its space: "well-\nknown" may be a compound a wrapper broke, but "six-\nto eight-week" is not.
     */
    private static boolean joinsWithoutSpace(CharSequence before, String line) {
        return isHanOrKana(before.charAt(before.length() - 1)) && isHanOrKana(line.charAt(0));
    }

    private static boolean isHanOrKana(char c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA
                || c >= '\u3000' && c <= '\u303f' || c >= '\uff00' && c <= '\uffef'; // CJK and full-width punctuation
    }

    /** The trailing marker the filter cut {@code filtered} at, or null when it read them to the end. */
    private static TextBlock endOf(List<TextBlock> filtered, BoilerplateFilter.Result result) {
        return result.end() < filtered.size() ? filtered.get(result.end()) : null;
    }

    /**
     * The embeds collected, each placed after the blocks {@code kept} of those before it: the filter and the title
     * rule take blocks out, and an embed stays where it stood among the rest. One after the trailing marker {@code end}
     * ("Most popular", "Read more"; null: none) goes with the stories the marker cut.
     */
    private static List<Embed> placed(ParagraphCollector.Collected collected, List<TextBlock> kept, TextBlock end) {
        if (collected.embeds().isEmpty()) {
            return List.of();
        }
        Map<TextBlock, Integer> position = new IdentityHashMap<>();
        for (int i = 0; i < collected.blocks().size(); i++) {
            position.put(collected.blocks().get(i), i);
        }
        int last = end == null ? Integer.MAX_VALUE : position.get(end);
        List<Embed> out = new ArrayList<>(collected.embeds().size());
        for (Embed embed : collected.embeds()) {
            if (embed.afterParagraph() > last) {
                continue;
            }
            int before = 0;
            for (TextBlock b : kept) {
                before += position.get(b) < embed.afterParagraph() ? 1 : 0;
            }
            out.add(embed.at(before));
        }
        return out;
    }

    /** Per block, whether the source laid it out itself: a data table's row, or preformatted text. */
    private static boolean[] laidOut(List<TextBlock> blocks) {
        boolean[] laidOut = new boolean[blocks.size()];
        for (int i = 0; i < laidOut.length; i++) {
            TextBlock.Kind kind = blocks.get(i).kind();
            laidOut[i] = kind.isTableRow() || kind == TextBlock.Kind.PREFORMATTED;
        }
        return laidOut;
    }

    private static List<String> texts(List<TextBlock> blocks) {
        List<String> out = new ArrayList<>(blocks.size());
        for (TextBlock b : blocks) {
            out.add(b.text());
        }
        return out;
    }

    private static List<TextBlock> withoutLeadingTitle(List<TextBlock> paragraphs, String title) {
        if (title == null || paragraphs.isEmpty()) {
            return paragraphs;
        }
        String t = title.toLowerCase(Locale.ROOT);
        for (int i = 0; i < Math.min(3, paragraphs.size()); i++) {
            String p = paragraphs.get(i).text().toLowerCase(Locale.ROOT);
            if (p.equals(t) || (p.length() > 15 && t.contains(p))) {
                List<TextBlock> out = new ArrayList<>(paragraphs);
                out.remove(i);
                return out;
            }
        }
        return paragraphs;
    }
}
