package dev.newsflow.enrich.text.extract;

import dev.newsflow.enrich.text.BodyHtml;
import dev.newsflow.enrich.text.ListMarker;
import dev.newsflow.enrich.text.TextBlock;
import dev.newsflow.runtime.PlainText;
import dev.newsflow.runtime.UrlPaths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Turns an element's subtree into clean paragraphs of text: one paragraph per block element (p, li, heading,
 * blockquote, table row, ...) or per run of text separated by two line breaks; whitespace (including no-break and
 * zero-width spaces) collapsed; script, style, forms and embedded media never read. Entities are already decoded
 * by jsoup. Each paragraph also keeps what a post shows of its structure ({@link TextBlock}): whether it is a
 * heading, a list item or a quotation, and its links, bold and italics, written in the same walk as its text so the
 * two always hold the same words. Stateless and thread-safe.
 */
final class ParagraphCollector {

    /** Elements whose start and end close the current paragraph. */
    private static final Set<String> BLOCKS = Set.of(
            "p", "div", "section", "article", "main", "header", "footer", "aside", "nav",
            "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre",
            "table", "thead", "tbody", "tfoot", "tr", "caption", "figure", "figcaption", "address", "hr",
            "center", "details", "summary", "fieldset", "body", "html", "hgroup", "menu");

    /** Elements whose content is never article text. */
    private static final Set<String> SKIPPED = Set.of(
            "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "button",
            "select", "option", "input", "textarea", "head", "title", "meta", "link", "video", "audio", "map",
            "form", "dialog");

    /**
     * Deleted text: a retracted figure ("<del>five</del> <ins>three</ins>") must not be published as current. Not
     * {@code <s>} or {@code <strike>}: those show text no longer accurate that readers are meant to see ("reduced
     * from <s>£80</s> £60").
     */
    private static final Set<String> STRUCK_OUT = Set.of("del");

    /**
     * HTML elements that end an unclosed {@code <svg>} in a browser (the HTML standard's "foreign
     * content" rule); jsoup nests them inside it, so "&lt;svg/onload=x&gt;&lt;p&gt;Police said..." would lose the story.
     */
    private static final Set<String> FOREIGN_CONTENT_BREAKOUT = Set.of("b", "big", "blockquote", "body", "br", "center",
            "code", "dd", "div", "dl", "dt", "em", "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img",
            "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span", "strong", "strike",
            "sub", "sup", "table", "tt", "u", "ul", "var");

    /**
     * Moves what a browser shows after an unclosed {@code <svg>} out of it: jsoup nests the rest of the story inside
     * ("&lt;svg/onload=x&gt;&lt;p&gt;Police said..."), where the svg would be skipped with it. The first HTML element
     * inside, at any depth, ends the svg in a browser (the HTML standard's foreign-content rule): that element, what
     * follows it, and what follows each of its ancestors inside the svg go after the svg, in order. Cheap when there
     * is no svg.
     */
    static void hoistOutOfUnclosedSvg(Element root) {
        for (Element svg : root.getElementsByTag("svg")) {
            Element breakout = null;
            for (Element e : svg.getAllElements()) {
                if (e != svg && FOREIGN_CONTENT_BREAKOUT.contains(e.normalName())) {
                    breakout = e;
                    break;
                }
            }
            if (breakout == null || svg.parent() == null) {
                continue;
            }
            List<Node> moved = new ArrayList<>();
            Node first = breakout;
            for (Node at = breakout; at != svg; at = at.parent()) {
                for (Node next = first; next != null; next = next.nextSibling()) {
                    moved.add(next);
                }
                first = at.parent().nextSibling(); // then what follows the ancestor, up to the svg
            }
            Node after = svg;
            for (Node node : moved) {
                node.remove();
                after.after(node);
                after = node;
            }
        }
    }

    /** Elements that make the paragraphs inside them headings, list items or quotations (all are in BLOCKS). */
    private static final Set<String> STRUCTURE = Set.of("h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote");

    /** Inline elements a post keeps: links (absolute http/https only), bold, italics, superscripts and subscripts ("mc²"). */
    private static final Set<String> INLINE = Set.of("a", "strong", "b", "em", "i", "sup", "sub");

    /** Table cells are separated by a space, not a paragraph break. */
    private static final Set<String> CELLS = Set.of("td", "th");

    /** What holds a data table's cells; another block inside it (a list, a heading, a quotation) makes it layout. */
    private static final Set<String> TABLE_PARTS = Set.of("thead", "tbody", "tfoot", "tr", "td", "th", "caption");
    /**
     * Blocks a data table's cell may wrap its words in: Word, Google Docs and many CMSes put a {@code <p>} or a
     * {@code <div dir=ltr>} in every cell. In a cell they are a space, as a {@code <br>} is.
     */
    private static final Set<String> CELL_BLOCKS = Set.of("p", "div");
    /** A data table is read in at most this many nodes: past it, a page's layout grid or a hostile one. */
    static final int MAX_TABLE_NODES = 5_000;
    /** Preformatted text keeps at most this many characters of indent, or of space between two words on a line. */
    static final int MAX_PRE_SPACE = 64;
    /** Lists shown nested at most: the words of lists nested deeper are paragraphs of the deepest item shown. */
    static final int MAX_LIST_NESTING = 6;
    /** A cell with more text than this is a column of a layout, not a figure in a table. */
    static final int MAX_CELL_CHARS = 300;
    /** A cell that holds paragraphs and more text than this is prose laid out in columns, not a pasted data table. */
    static final int MAX_PARAGRAPH_CELL_CHARS = 100;
    private static final java.util.regex.Pattern SPAN = java.util.regex.Pattern.compile("[1-9][0-9]?");

    /**
     * Whether a table shows data a post should keep as a table (results, standings, figures) rather than lay out a
     * page: at least two rows and two columns; only text, links, phrase elements and paragraphs in its cells, none of
     * them longer than {@value #MAX_CELL_CHARS} characters ({@value #MAX_PARAGRAPH_CELL_CHARS} for a cell that holds
     * paragraphs); no table, list, heading or quotation inside; not marked {@code role="presentation"}; at most
     * {@value #MAX_TABLE_NODES} nodes. Readability's rule ({@code _isDataTable}) also guesses from sizes; ours need
     * not guess, since a table that fails keeps the old reading, a paragraph per row.
     */
    static boolean isDataTable(Element table) {
        String role = table.attr("role");
        if (role.equalsIgnoreCase("presentation") || role.equalsIgnoreCase("none")) {
            return false;
        }
        int[] nodes = {0};
        int[] rows = {0};
        int[] columns = {0};
        boolean[] layout = {false};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (++nodes[0] > MAX_TABLE_NODES) {
                    layout[0] = true;
                    return FilterResult.STOP;
                }
                if (node == table || !(node instanceof Element e)) {
                    return FilterResult.CONTINUE;
                }
                if (isNeverRead(e)) { // a hidden row or cell is no row or column a reader sees
                    return FilterResult.SKIP_ENTIRELY;
                }
                String tag = e.normalName();
                boolean otherBlock = BLOCKS.contains(tag) && !TABLE_PARTS.contains(tag) && !CELL_BLOCKS.contains(tag);
                if (tag.equals("table") || otherBlock) {
                    layout[0] = true;
                    return FilterResult.STOP;
                }
                if (tag.equals("tr")) {
                    rows[0]++;
                    int cells = 0;
                    for (Element cell : e.children()) {
                        cells += CELLS.contains(cell.normalName()) && !isNeverRead(cell) ? 1 : 0;
                    }
                    columns[0] = Math.max(columns[0], cells);
                } else if (CELLS.contains(tag)) {
                    int chars = e.text().length();
                    if (chars > MAX_CELL_CHARS || chars > MAX_PARAGRAPH_CELL_CHARS && e.selectFirst("p, div") != null) {
                        layout[0] = true;
                        return FilterResult.STOP;
                    }
                }
                return FilterResult.CONTINUE;
            }
        }, table);
        return !layout[0] && rows[0] >= 2 && columns[0] >= 2;
    }

    /**
     * Containers of site chrome, by tag: skipped when {@link #skipChrome} is set. A figure's caption and credit are
     * among them: a post carries no images, and without its picture "The Moulin Rouge cabaret in Paris Benoit
     * Tessier/Reuters" is noise in the text and, worse, was the teaser.
     */
    private static final Set<String> CHROME_TAGS = Set.of("nav", "aside", "footer", "menu", "figcaption");

    /**
     * Class or id of a site-chrome container: share bars, cookie banners, newsletter boxes, related posts, comments,
     * ads, bookmarks, navigation. Matched as a whole dash/underscore-separated word, so "shared-memory" or
     * "commentary" are not chrome.
     */
    private static final java.util.regex.Pattern CHROME_ATTR = java.util.regex.Pattern.compile(
            "(?:^|[\\s_-])(?:share|sharing|social|sociallinks|cookie|cookies|consent|gdpr|newsletter|subscribe|subscription"
                    + "|signup|related|comments?|disqus|advert|advertisement|ads|ad|adslot|promo|sponsored|bookmarks?"
                    + "|breadcrumbs?|nav|navbar|menu|sidebar|popup|modal|paywall|outbrain|taboola|captions?|credits?)(?:$|[\\s_-])",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * A chrome-named container with more text than this, and mostly not links, is the story itself (a wrapper
     * with class "entry-content social-ready", an article body with id "share-buttons-container"): kept.
     */
    static final int MAX_PAGE_CHROME_CHARS = 300;

    private final boolean skipChrome;
    private final boolean onlyShortChrome;

    /**
     * @param skipChrome      also skip navigation, asides, footers and containers whose class or id names chrome
     * @param onlyShortChrome skip such a container only when its text is short or mostly links (a publisher may
     *                        give the story's own div an id like "share-buttons-container")
     */
    ParagraphCollector(boolean skipChrome, boolean onlyShortChrome) {
        this.skipChrome = skipChrome;
        this.onlyShortChrome = onlyShortChrome;
    }

    List<TextBlock> collect(Node root) {
        return collectWithEmbeds(root).blocks();
    }

    /**
     * The blocks under {@code root} and the embeds among them ({@link EmbedRecogniser}), each placed after the number
     * of blocks before it; the same embed twice is named once, and at most {@value #MAX_EMBEDS} are.
     */
    Collected collectWithEmbeds(Node root) {
        Walk walk = new Walk(skipChrome, onlyShortChrome);
        walk.walk(root);
        walk.flush();
        return new Collected(walk.blocks, walk.embeds);
    }

    /** What a walk collects: the blocks, and the embeds placed among them. */
    record Collected(List<TextBlock> blocks, List<dev.newsflow.enrich.text.Embed> embeds) {
    }

    /** A story embeds a few videos or posts; a page of hundreds is a gallery or an attack. */
    static final int MAX_EMBEDS = 50;

    /**
     * The tags an inline element gives its text in a post, or null for a link that is not kept (relative, javascript:,
     * with credentials, to an internal host: {@link UrlPaths#isSafeHttpUrl}); its text is kept either way.
     */
    private static String[] inlineTags(Element element) {
        return switch (element.normalName()) {
            case "a" -> {
                String href = element.attr("href").strip();
                if (href.startsWith("#")) {
                    yield null; // a place in the source page (a footnote, the contents): nowhere on a site's post
                }
                if (!href.regionMatches(true, 0, "https://", 0, 8) && !href.regionMatches(true, 0, "http://", 0, 7)) {
                    href = element.absUrl("href"); // resolving costs more than the check: only when needed
                }
                yield UrlPaths.isSafeHttpUrl(href)
                        ? new String[]{"<a href=\"" + BodyHtml.escapeAttribute(href) + "\">", "</a>"} : null;
            }
            case "strong", "b" -> new String[]{"<strong>", "</strong>"};
            case "sup" -> new String[]{"<sup>", "</sup>"};
            case "sub" -> new String[]{"<sub>", "</sub>"};
            default -> new String[]{"<em>", "</em>"};
        };
    }

    private static boolean isList(Element element) {
        String tag = element.normalName();
        return tag.equals("ol") || tag.equals("ul");
    }

    /**
     * The number an ordered list's first item shows: its {@code start} attribute, else 1, or for a list counting down
     * ({@code reversed}) its number of items.
     */
    private static int listStart(Element ol) {
        Integer start = listNumber(ol.attr("start"));
        if (start != null) {
            return start;
        }
        if (!ol.hasAttr("reversed")) {
            return 1;
        }
        int items = 0;
        for (Element child : ol.children()) {
            items += child.normalName().equals("li") ? 1 : 0;
        }
        return items;
    }

    private static final java.util.regex.Pattern LIST_NUMBER = java.util.regex.Pattern.compile("-?\\d{1,6}");

    private static Integer listNumber(String value) {
        String v = value.strip();
        return !v.isEmpty() && LIST_NUMBER.matcher(v).matches() ? Integer.valueOf(v) : null;
    }

    /** A kept open inline element: its tags, and whether its start is in the current paragraph. */
    private static final class Inline {
        final String[] tags;
        boolean started;

        Inline(String[] tags) {
            this.tags = tags;
        }
    }

    /**
     * A block container of chrome: nav, aside, footer, menu, or a block whose class or id names chrome. Inline
     * elements (a link styled as a "popup" note) and the article itself never are.
     */
    /** Whether one word of a class or id ("related", "promo", "sidebar") names chrome. */
    static boolean isChromeWord(String word) {
        return CHROME_ATTR.matcher(word).matches();
    }

    static boolean isChromeContainer(Element element) {
        String tag = element.normalName();
        if (CHROME_TAGS.contains(tag)) {
            // a quotation's footer, or the caption of a figure that holds a quotation, is its attribution ("— The
            // Board"), not the page's footer or a picture's caption
            Element parent = element.parent();
            return !(tag.equals("footer") && parent != null && parent.closest("blockquote") != null
                    || tag.equals("figcaption") && parent != null && parent.selectFirst("> blockquote") != null);
        }
        if (element.attributesSize() == 0 || !BLOCKS.contains(tag) || tag.equals("article") || tag.equals("main")
                || tag.equals("body") || tag.equals("html")) {
            return false;
        }
        String cls = element.attr("class");
        String id = element.attr("id");
        return (!cls.isEmpty() && CHROME_ATTR.matcher(cls).find()) || (!id.isEmpty() && CHROME_ATTR.matcher(id).find());
    }

    /**
     * Whether a reader never sees the element: the {@code hidden} attribute (not {@code until-found}, a collapsed
     * section the reader opens), or an inline style that declares {@code display: none} or {@code visibility: hidden}.
     * A CMS keeps editors' and lawyers' notes in such elements ("do not run before 6pm: source is ..."): never
     * published. Nor the screen-reader-only copy of what is on the screen ({@code sr-only}, {@code visually-hidden}).
     * {@code aria-hidden} is not among them: it hides from screen readers only, and a drop cap
     * ({@code <span aria-hidden="true">W</span>hen}) or an icon's label is on the screen.
     */
    static boolean isHidden(Element e) {
        if (e.attributesSize() == 0) {
            return false;
        }
        if (e.hasAttr("hidden") && !"until-found".equalsIgnoreCase(e.attr("hidden").strip())) {
            return true;
        }
        String cls = e.className();
        if (!cls.isEmpty() && SCREEN_READER_ONLY.matcher(cls).find()) {
            return true; // the screen reader's copy of what is on the screen: a drop cap read twice gave "WWhen"
        }
        String style = e.attr("style");
        return !style.isEmpty() && hidesByStyle(style);
    }

    /** Classes that hide text from the screen and keep it for screen readers (Bootstrap, WordPress, GOV.UK ...). */
    private static final java.util.regex.Pattern SCREEN_READER_ONLY = java.util.regex.Pattern.compile(
            "(?:^|\\s)(?:sr-only|visually-hidden|visuallyhidden|screen-reader-text|screenreader-only|a11y-hidden"
                    + "|govuk-visually-hidden|u-visually-hidden)(?:$|\\s)", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** Whether a style attribute declares {@code display: none} or {@code visibility: hidden|collapse}. */
    static boolean hidesByStyle(String style) {
        for (String declaration : style.split(";")) {
            int colon = declaration.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String property = declaration.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT);
            String value = declaration.substring(colon + 1).replace("!important", "").strip().toLowerCase(java.util.Locale.ROOT);
            if (property.equals("display") && value.equals("none")
                    || property.equals("visibility") && (value.equals("hidden") || value.equals("collapse"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A chrome container whose text is short or mostly links (a share bar, a related-stories list): what a page walk
     * skips. A chrome-named container with more text, mostly not links, is the story itself and is read.
     */
    static boolean isShortOrLinkyChrome(Element element) {
        int[] chars = {0, 0}; // text, of which in links
        int[] nodes = {0};
        int[] inLink = {0};
        // bounded: judged on its first few thousand characters or nodes, so that containers nested thousands deep
        // are not each read to the end (quadratic); no real page needs more to tell a share bar from a story
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (++nodes[0] > MAX_CHROME_JUDGE_NODES || chars[0] > MAX_CHROME_JUDGE_CHARS) {
                    return FilterResult.STOP;
                }
                if (node instanceof TextNode text) {
                    int n = text.text().strip().length();
                    chars[0] += n;
                    chars[1] += inLink[0] > 0 ? n : 0;
                } else if (node instanceof Element e && e.normalName().equals("a")) {
                    inLink[0]++;
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element e && e.normalName().equals("a")) {
                    inLink[0]--;
                }
                return FilterResult.CONTINUE;
            }
        }, element);
        return chars[0] <= MAX_PAGE_CHROME_CHARS || chars[1] * 2 > chars[0];
    }

    private static final int MAX_CHROME_JUDGE_CHARS = 5_000;
    private static final int MAX_CHROME_JUDGE_NODES = 2_000;

    /**
     * Never read as text, whatever is around it: scripts, forms, embeds, deleted text, hidden elements, and the
     * fallback of a social embed ("View this post on Instagram", "A post shared by ...": its script replaces it on
     * the source's page; a post carries no embeds).
     */
    static boolean isNeverRead(Element element) {
        String tag = element.normalName();
        return SKIPPED.contains(tag) || STRUCK_OUT.contains(tag) || isHidden(element)
                || element.attributesSize() > 0 && isEmbedFallback(element);
    }

    private static final java.util.regex.Pattern EMBED_CLASS = java.util.regex.Pattern.compile(
            "(?:^|\\s)(?:instagram-media|tiktok-embed)(?:$|\\s)");

    private static final String SUPERSCRIPTABLE = "0123456789+-−=()ni";
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁿⁱ";

    /**
     * A {@code sup} of a few digits or signs (a footnote, an exponent) as Unicode superscript characters, or null
     * when it holds anything else ("1<sup>st</sup>", a linked note) and stays an inline {@code <sup>}.
     */
    static String superscript(Element sup) {
        if (sup.childrenSize() > 0) {
            return null;
        }
        String text = sup.text().strip();
        if (text.isEmpty() || text.length() > 4) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            int at = SUPERSCRIPTABLE.indexOf(text.charAt(i));
            if (at < 0) {
                return null;
            }
            out.append(SUPERSCRIPTS.charAt(at));
        }
        return out.toString();
    }

    private static boolean isEmbedFallback(Element element) {
        String cls = element.className();
        return (cls.contains("instagram-media") || cls.contains("tiktok-embed")) && EMBED_CLASS.matcher(cls).find()
                || element.hasAttr("data-instgrm-permalink")
                // an X post's fallback, when it names the post (else it stays a quotation of the story)
                || cls.contains("twitter-") && EmbedRecogniser.X_EMBED_CLASS.matcher(cls).find()
                && EmbedRecogniser.recognise(element) != null;
    }

    private static final class Walk {
        final boolean skipChrome;
        final boolean onlyShortChrome;
        final List<TextBlock> blocks = new ArrayList<>();
        /** Embeds found, each placed after the number of blocks before it. */
        final List<dev.newsflow.enrich.text.Embed> embeds = new ArrayList<>();
        final StringBuilder current = new StringBuilder(256);
        /** The current paragraph as inline HTML. */
        final StringBuilder html = new StringBuilder(320);
        /** Open inline elements, outermost first. */
        final List<Inline> inlines = new ArrayList<>();
        /**
         * Per open inline element, outermost first, whether it is in {@link #inlines}: a repeat or a link not kept is
         * not, so that list holds at most one of each kind however deep the nesting ("&lt;i&gt;" 60,000 times).
         */
        boolean[] inlineKept = new boolean[16];
        int inlineDepth;
        /** Open structural elements ({@link #STRUCTURE}), outermost first, and a number for each. */
        final List<Element> structure = new ArrayList<>();
        final List<Integer> structureIds = new ArrayList<>();
        /** Per open structural element: for a list, the number its next item gets; for an item, its own number. */
        final List<Integer> structureNumbers = new ArrayList<>();
        /** Per open structural element: 1, or -1 for an ordered list counting down ({@code reversed}). */
        final List<Integer> structureSteps = new ArrayList<>();
        /** Per open structural element: how an ordered list writes its numbers; decimal for anything else. */
        final List<ListMarker> structureMarkers = new ArrayList<>();
        /**
         * Per open structural element, kept as it is pushed so no block walks the stack (a page nested 100,000 lists
         * deep must cost no more than a flat one): how many lists are open at or above it, the nearest list above
         * it (-1: none), and the open item of the deepest list shown nested ({@value #MAX_LIST_NESTING} lists
         * deep) at or above it (-1: none), which the words of lists nested deeper go into.
         */
        final List<Integer> structureLists = new ArrayList<>();
        final List<Integer> structureNearestList = new ArrayList<>();
        final List<Integer> structureBoundItem = new ArrayList<>();
        int lastStructureId;
        /** Tables open around the walk, data tables or not. */
        int tableDepth;
        /** The data table being read, with its number, or null: only an outermost table can be one. */
        Element dataTable;
        int dataTableId;
        boolean inTableHead;
        /** Rows of the data table's {@code tfoot}, which may come before its body: shown after it, as browsers do. */
        boolean inTableFoot;
        final List<TextBlock> footRows = new ArrayList<>();
        /**
         * In a data table's row: its cells with words so far and those of them {@code th}, where the open cell's words
         * start, where the row's HTML ends after its last cell with words, and whether a cell just opened.
         */
        boolean inRow;
        int rowWordCells;
        int rowHeaderWordCells;
        int cellTextStart;
        int rowHtmlEnd;
        boolean cellOpened;
        TextBlock.Kind kind = TextBlock.Kind.PARAGRAPH;
        int group;
        int item;
        int parent;
        int number;
        boolean countdown;
        ListMarker marker = ListMarker.DECIMAL;
        boolean pendingSpace;
        /** {@code pre} elements open around the walk, and the white space read in them since the last word. */
        int preDepth;
        final StringBuilder preSpace = new StringBuilder();
        boolean lastWasBreak;

        Walk(boolean skipChrome, boolean onlyShortChrome) {
            this.skipChrome = skipChrome;
            this.onlyShortChrome = onlyShortChrome;
        }

        boolean skippedAsChrome(Element element) {
            if (!skipChrome || !isChromeContainer(element)) {
                return false;
            }
            if (!onlyShortChrome) {
                return true;
            }
            return isShortOrLinkyChrome(element);
        }

        /** Deeper than any real page: below this the walk recurses (the fast path), beyond it iterates. */
        private static final int MAX_RECURSION = 256;

        void walk(Node root) {
            node(root, 0);
        }

        /**
         * Recursion is the fast way through a page (jsoup's iterative traversal cost about 40 % more on a 3 KB
         * fragment), but a page nested thousands of elements deep (a broken or hostile one) overflowed the stack:
         * past {@value #MAX_RECURSION} levels the subtree is walked by {@link NodeTraversor} instead.
         */
        private void node(Node node, int depth) {
            if (depth > MAX_RECURSION) {
                iterate(node);
                return;
            }
            NodeFilter.FilterResult result = enter(node);
            if (result == NodeFilter.FilterResult.SKIP_ENTIRELY || !(node instanceof Element element)) {
                return;
            }
            if (result == NodeFilter.FilterResult.CONTINUE) {
                for (int i = 0, n = element.childNodeSize(); i < n; i++) {
                    node(element.childNode(i), depth + 1);
                }
            }
            leave(element);
        }

        private void iterate(Node root) {
            NodeTraversor.filter(new NodeFilter() {
                @Override
                public FilterResult head(Node node, int depth) {
                    return enter(node);
                }

                @Override
                public FilterResult tail(Node node, int depth) {
                    if (node instanceof Element element) {
                        leave(element);
                    }
                    return FilterResult.CONTINUE;
                }
            }, root);
        }

        private NodeFilter.FilterResult enter(Node node) {
            if (node instanceof TextNode text) {
                text(text.getWholeText());
                return NodeFilter.FilterResult.CONTINUE;
            }
            if (!(node instanceof Element element)) {
                return NodeFilter.FilterResult.SKIP_ENTIRELY; // comments, script data: no text of the story
            }
            String tag = element.normalName();
            if (isNeverRead(element)) {
                if (EmbedRecogniser.mayBeEmbed(element) && !isHidden(element)) {
                    embed(EmbedRecogniser.recognise(element));
                }
                return NodeFilter.FilterResult.SKIP_ENTIRELY; // an embed's fallback words are not the story's
            }
            if (skippedAsChrome(element)) {
                // a wrapper named for what it holds ("embed embed--social", "video-caption-wrapper") reads as chrome:
                // its words are skipped, its one embed is the story's
                embed(EmbedRecogniser.inWrapper(element));
                return NodeFilter.FilterResult.SKIP_ENTIRELY;
            }
            if (inRow && CELL_BLOCKS.contains(tag)) { // a paragraph inside a cell: the row stays one block
                pendingSpace = true;
                return NodeFilter.FilterResult.CONTINUE;
            }
            if (tag.equals("sup") && preDepth == 0) {
                String superscript = superscript(element);
                if (superscript != null) {
                    // "45,000<sup>1</sup>", "10<sup>6</sup>": as the digits ¹ and ⁶ the number stays itself in the
                    // text ("45,0001", "106" changed it), and the body shows the same characters
                    text(superscript);
                    return NodeFilter.FilterResult.SKIP_ENTIRELY;
                }
            }
            if (tag.equals("br")) {
                if (inRow) { // a line break inside a cell: the row stays one block
                    pendingSpace = true;
                    return NodeFilter.FilterResult.SKIP_CHILDREN;
                }
                if (preDepth > 0) { // preformatted text keeps its lines in one block, blank lines bounded as any
                    pendingSpace = true;
                    preSpace('\n', (char) 0);
                    return NodeFilter.FilterResult.SKIP_CHILDREN;
                }
                if (lastWasBreak) {
                    flush();
                } else {
                    pendingSpace = true;
                    lastWasBreak = true;
                }
                return NodeFilter.FilterResult.SKIP_CHILDREN;
            }
            if (preDepth > 0 && !inRow && BLOCKS.contains(tag) && !tag.equals("pre")) {
                preLineBreak(); // a highlighter's line (<div class="line">) is a line of the preformatted text
                return NodeFilter.FilterResult.CONTINUE;
            }
            if (BLOCKS.contains(tag)) {
                flush();
                if (tag.equals("table")) {
                    // not inside a list: a table ends a list in the post, and the item's words after it lose their item
                    if (tableDepth++ == 0 && !insideList() && isDataTable(element)) {
                        dataTable = element;
                        dataTableId = ++lastStructureId;
                    }
                } else if (tag.equals("pre")) {
                    preDepth++;
                } else if (dataTable != null && tag.equals("thead")) {
                    inTableHead = true;
                } else if (dataTable != null && tag.equals("tfoot")) {
                    inTableFoot = true;
                } else if (dataTable != null && tag.equals("tr")) {
                    inRow = true;
                    rowWordCells = 0;
                    rowHeaderWordCells = 0;
                    rowHtmlEnd = 0;
                }
                if (STRUCTURE.contains(tag)) {
                    int own = 0;
                    int step = 1;
                    ListMarker listMarker = ListMarker.DECIMAL;
                    if (tag.equals("ol")) {
                        own = listStart(element);
                        step = element.hasAttr("reversed") ? -1 : 1;
                        listMarker = ListMarker.of(element);
                    } else if (tag.equals("li") && !structure.isEmpty()
                            && isList(structure.get(structure.size() - 1))) {
                        int list = structureNumbers.size() - 1;
                        Integer value = listNumber(element.attr("value")); // "<li value=10>" sets it, and the rest follow
                        own = value != null ? value : structureNumbers.get(list);
                        structureNumbers.set(list, own + structureSteps.get(list));
                    }
                    int below = structure.size() - 1;
                    int nearestList = below < 0 ? -1
                            : isList(structure.get(below)) ? below : structureNearestList.get(below);
                    int lists = (below < 0 ? 0 : structureLists.get(below)) + (isList(element) ? 1 : 0);
                    int boundItem = below < 0 ? -1 : structureBoundItem.get(below);
                    if (boundItem < 0 && tag.equals("li") && nearestList >= 0
                            && structureLists.get(nearestList) == MAX_LIST_NESTING) {
                        boundItem = structure.size();
                    }
                    structure.add(element);
                    structureIds.add(++lastStructureId);
                    structureNumbers.add(own);
                    structureSteps.add(step);
                    structureMarkers.add(listMarker);
                    structureLists.add(lists);
                    structureNearestList.add(nearestList);
                    structureBoundItem.add(boundItem);
                }
            } else if (CELLS.contains(tag)) {
                pendingSpace = true;
                if (preDepth > 0 && !inRow) { // a table laid out in preformatted text: its cells apart in the HTML too
                    preSpace(' ', (char) 0);
                }
                if (inRow) {
                    cellTextStart = current.length();
                    html.append('<').append(tag).append(span(element, "colspan")).append(span(element, "rowspan")).append('>');
                    cellOpened = true;
                }
            } else if (INLINE.contains(tag)) {
                // one of a kind at a time: a nested repeat ("<b><b>", a link in a link after jsoup's table fix-up)
                // adds nothing a reader sees, and re-opening each at every paragraph break would multiply the HTML
                String[] tags = inlineTags(element);
                for (Inline open : inlines) {
                    if (tags != null && open.tags[1].equals(tags[1])) {
                        tags = null;
                    }
                }
                if (inlineDepth == inlineKept.length) {
                    inlineKept = java.util.Arrays.copyOf(inlineKept, inlineDepth * 2);
                }
                inlineKept[inlineDepth++] = tags != null;
                if (tags != null) {
                    inlines.add(new Inline(tags));
                }
            }
            return NodeFilter.FilterResult.CONTINUE;
        }

        private void leave(Element element) {
            String tag = element.normalName();
            if (tag.equals("br")) {
                return;
            }
            if (inRow && CELL_BLOCKS.contains(tag)) {
                pendingSpace = true;
                return;
            }
            if (preDepth > 0 && !inRow && BLOCKS.contains(tag) && !tag.equals("pre")) {
                preLineBreak();
                return;
            }
            if (BLOCKS.contains(tag)) {
                flush();
                if (tag.equals("pre")) {
                    preDepth--;
                } else if (tag.equals("table") && --tableDepth == 0) {
                    dataTable = null;
                    blocks.addAll(footRows);
                    footRows.clear();
                } else if (tag.equals("thead")) {
                    inTableHead = false;
                } else if (tag.equals("tfoot")) {
                    inTableFoot = false;
                } else if (tag.equals("tr")) {
                    inRow = false;
                }
                if (STRUCTURE.contains(tag)) {
                    int top = structure.size() - 1;
                    structure.remove(top);
                    structureIds.remove(top);
                    structureNumbers.remove(top);
                    structureSteps.remove(top);
                    structureMarkers.remove(top);
                    structureLists.remove(top);
                    structureNearestList.remove(top);
                    structureBoundItem.remove(top);
                }
            } else if (CELLS.contains(tag)) {
                pendingSpace = true;
                if (inRow) {
                    closeInlines(); // opened again in the next cell that has words
                    html.append("</").append(tag).append('>');
                    cellOpened = false;
                    if (current.length() > cellTextStart) {
                        rowWordCells++;
                        rowHeaderWordCells += tag.equals("th") ? 1 : 0;
                        rowHtmlEnd = html.length();
                    }
                }
            } else if (INLINE.contains(tag) && inlineKept[--inlineDepth]) {
                Inline inline = inlines.remove(inlines.size() - 1);
                if (inline.started) {
                    html.append(inline.tags[1]);
                }
            }
        }

        /** A paragraph begins: its kind is that of the innermost structural element around it. */
        private void begin() {
            kind = TextBlock.Kind.PARAGRAPH;
            group = 0;
            item = 0;
            parent = 0;
            number = 0;
            countdown = false;
            marker = ListMarker.DECIMAL;
            if (inRow) { // head or body is known once the row's cells are: see flush
                kind = TextBlock.Kind.ROW;
                group = dataTableId;
                return;
            }
            for (int k = structure.size() - 1; k >= 0; k--) {
                switch (structure.get(k).normalName()) {
                    case "h1", "h2" -> kind = TextBlock.Kind.HEADING;
                    case "h3", "h4", "h5", "h6" -> kind = TextBlock.Kind.SUBHEADING;
                    case "blockquote" -> {
                        kind = TextBlock.Kind.QUOTE;
                        group = structureIds.get(k);
                    }
                    case "ol", "ul" -> { // words straight in a list, outside its items: shown as an item of their own
                        if (!inBoundItem(k)) {
                            kind = structure.get(k).normalName().equals("ol") ? TextBlock.Kind.NUMBERED
                                    : TextBlock.Kind.BULLET;
                            group = structureIds.get(k);
                            parent = parentItem(k);
                            number = structureNumbers.get(k); // the list's next number, which a browser shows
                            countdown = structureSteps.get(k) < 0;
                            marker = structureMarkers.get(k);
                        }
                    }
                    default -> { // li: an item of the list around it (a stray li is a list of its own)
                        int l = structureNearestList.get(k);
                        if (l < 0) {
                            kind = TextBlock.Kind.BULLET;
                            group = structureIds.get(k);
                            item = structureIds.get(k);
                            number = structureNumbers.get(k);
                        } else if (!inBoundItem(l)) {
                            asItemOf(l, k);
                        }
                    }
                }
                if (kind != TextBlock.Kind.PARAGRAPH) {
                    return;
                }
            }
            if (preDepth > 0) {
                kind = TextBlock.Kind.PREFORMATTED;
            }
        }

        void text(String raw) {
            // a feed's entities escaped twice read as the words they stand for; code keeps what it shows
            String s = PlainText.withoutLoneSurrogates(preDepth > 0 ? raw : PlainText.withDoubleEscapesDecoded(raw));
            int n = s.length();
            int i = 0;
            while (i < n) {
                char c = s.charAt(i);
                if (isSpace(c)) {
                    pendingSpace = true;
                    if (preDepth > 0) {
                        preSpace(c, i + 1 < n ? s.charAt(i + 1) : 0);
                    }
                    i++;
                } else if (isInvisible(c)) {
                    i++;
                } else {
                    // copy the run of visible characters at once
                    int end = i + 1;
                    while (end < n && !isSpace(s.charAt(end)) && !isInvisible(s.charAt(end))) {
                        end++;
                    }
                    if (current.length() == 0) {
                        begin();
                        if (kind == TextBlock.Kind.PREFORMATTED) { // the first line's indent, not the lines before
                            html.append(preSpace, preSpace.lastIndexOf("\n") + 1, preSpace.length());
                        }
                    } else if (pendingSpace) {
                        current.append(' ');
                        if (kind == TextBlock.Kind.PREFORMATTED) { // the source's line breaks and indents
                            html.append(preSpace);
                        } else if (!cellOpened) { // between cells the space is the text's only: the HTML has the cell
                            html.append(' ');
                        }
                    }
                    preSpace.setLength(0);
                    cellOpened = false;
                    pendingSpace = false;
                    lastWasBreak = false;
                    for (Inline inline : inlines) { // opened where their first word is, after the space before it
                        if (!inline.started) {
                            html.append(inline.tags[0]);
                            inline.started = true;
                        }
                    }
                    current.append(s, i, end);
                    BodyHtml.escape(s, i, end, html);
                    i = end;
                }
            }
        }

        void flush() {
            if (current.length() > 0) {
                // an inline element that goes on into the next paragraph is closed here and opened again there
                closeInlines();
                if (kind == TextBlock.Kind.ROW) {
                    if (inTableHead || rowWordCells > 0 && rowHeaderWordCells == rowWordCells) {
                        kind = TextBlock.Kind.HEADER_ROW;
                    }
                    number = rowWordCells;
                    html.setLength(rowHtmlEnd); // empty cells after the last with words: no column a reader sees
                }
                TextBlock block = new TextBlock(current.toString(), kind, group, item, parent, number, countdown,
                        marker, html.toString());
                (inTableFoot && kind.isTableRow() ? footRows : blocks).add(block);
                current.setLength(0);
            }
            html.setLength(0); // a row of empty cells has HTML and no words
            preSpace.setLength(0);
            pendingSpace = false;
            lastWasBreak = false;
        }

        /** Places an embed found (null: none) after the blocks before it, the paragraph it interrupts included. */
        private void embed(dev.newsflow.enrich.text.Embed found) {
            if (found == null || embeds.size() >= MAX_EMBEDS) {
                return;
            }
            for (dev.newsflow.enrich.text.Embed e : embeds) {
                if (e.url().equals(found.url())) {
                    return;
                }
            }
            embeds.add(found.at(blocks.size() + (current.length() > 0 ? 1 : 0)));
        }

        /** A line break in preformatted text unless one is already there. */
        private void preLineBreak() {
            pendingSpace = true;
            if (preSpace.indexOf("\n") < 0) {
                preSpace('\n', (char) 0);
            }
        }

        /**
         * Keeps white space of preformatted text as a reader sees it, bounded: one line break for CR LF or a lone CR,
         * at most one blank line in a row, and at most {@value #MAX_PRE_SPACE} characters of indent or of space
         * within a line, so a body's white space can never outgrow its words by much.
         */
        private void preSpace(char c, char next) {
            if (c == '\r' && next == '\n') {
                return; // the \n that follows is the line break
            }
            boolean lineBreak = c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085'
                    || c == '\f' || c == '\u000b';
            int lineStart = preSpace.lastIndexOf("\n") + 1;
            if (lineBreak) {
                int breaks = 0;
                for (int k = 0; k < preSpace.length(); k++) {
                    breaks += preSpace.charAt(k) == '\n' ? 1 : 0;
                }
                preSpace.setLength(lineStart); // no trailing space on a line, nor on a blank line left out
                if (breaks < 2) {
                    preSpace.append('\n');
                }
            } else if (preSpace.length() - lineStart < MAX_PRE_SPACE) {
                preSpace.append(c == '\t' ? '\t' : ' ');
            }
        }

        /** The block is a paragraph of item {@code structure[li]} of list {@code structure[list]}. */
        private void asItemOf(int list, int li) {
            kind = structure.get(list).normalName().equals("ol") ? TextBlock.Kind.NUMBERED : TextBlock.Kind.BULLET;
            group = structureIds.get(list);
            parent = parentItem(list);
            countdown = structureSteps.get(list) < 0;
            marker = structureMarkers.get(list);
            item = structureIds.get(li);
            number = structureNumbers.get(li);
        }

        /**
         * Whether the list open at {@code structure[list]} is nested deeper than {@value #MAX_LIST_NESTING} lists in an
         * item of the deepest list shown nested: its words are then paragraphs of that item (no reader follows more
         * levels, and it bounds the post's markup), set here.
         */
        private boolean inBoundItem(int list) {
            int bound = structureBoundItem.get(list);
            if (structureLists.get(list) <= MAX_LIST_NESTING || bound < 0) {
                return false;
            }
            asItemOf(structureNearestList.get(bound), bound);
            return true;
        }

        /**
         * The list item that the list open at {@code structure[list]} is nested in, when that item is the nearest
         * structural element around it, or 0: a list in a quotation or heading inside an item is shown flat.
         */
        private int parentItem(int list) {
            return list > 0 && structure.get(list - 1).normalName().equals("li")
                    && structureLists.get(list) <= MAX_LIST_NESTING ? structureIds.get(list - 1) : 0;
        }

        private boolean insideList() {
            for (Element open : structure) {
                String name = open.normalName();
                if (name.equals("li") || name.equals("ul") || name.equals("ol")) {
                    return true;
                }
            }
            return false;
        }

        /** Closes the inline elements open in the HTML; each opens again before its next word. */
        private void closeInlines() {
            for (int k = inlines.size() - 1; k >= 0; k--) {
                Inline inline = inlines.get(k);
                if (inline.started) {
                    html.append(inline.tags[1]);
                    inline.started = false;
                }
            }
        }

        /** A cell's colspan or rowspan as an attribute, when it is a number from 2 to 99. */
        private static String span(Element cell, String name) {
            String value = cell.attr(name).strip();
            return !value.equals("1") && SPAN.matcher(value).matches() ? " " + name + "=\"" + value + "\"" : "";
        }
    }

    /**
     * Dropped from text (white space is read first): control characters and the two noncharacters U+FFFE and U+FFFF
     * (not allowed in HTML or XML), and what headlines drop too ({@link PlainText#isHiddenFormat}: zero-width space,
     * soft hyphen, direction overrides, ...; not the joiners Persian and emoji need).
     */
    static boolean isInvisible(char c) {
        if (c < '\u00a0') {
            return c < '\u0020' || c >= '\u007f';
        }
        return PlainText.isHiddenFormat(c) || c == '\ufffe' || c == '\uffff';
    }

    static boolean isSpace(char c) {
        // the line and paragraph separators too: JavaScript before ES2019 ends a string literal at them
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\u00a0'
                || c == '\u2007' || c == '\u202f' || (c >= '\u2000' && c <= '\u200a') || c == '\u3000'
                || c == '\u2028' || c == '\u2029' || c == '\u0085' || c == '\u000b';
    }

    /** Collapses runs of whitespace to one space and trims; drops zero-width characters and half surrogate pairs. */
    static String normalise(String s) {
        s = PlainText.withoutLoneSurrogates(s);
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                space = true;
            } else if (!isInvisible(c)) {
                if (space && out.length() > 0) {
                    out.append(' ');
                }
                space = false;
                out.append(c);
            }
        }
        return out.toString();
    }
}
