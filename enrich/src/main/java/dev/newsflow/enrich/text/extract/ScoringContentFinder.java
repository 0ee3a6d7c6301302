package dev.newsflow.enrich.text.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The project's own main-content finder: the scoring model of Mozilla Readability (paragraph scores from length and
 * commas, given to parent and grandparent, scaled by link density; the best candidate and its related siblings;
 * conditional cleaning of lists, tables and divs that look like chrome), rewritten for jsoup in one pass with
 * scores kept in an identity map rather than in the DOM.
 *
 * <p>Why not Readability4J alone: measured on the 130 Readability test pages it is slower (it re-walks the
 * document with regular expressions per node, and retries the whole grab up to four times), and it follows an old
 * Readability. This class adds what the news pages of a stream need: it also drops hidden elements, ARIA dialogs and
 * navigation, and the chrome that survives (share, newsletter, bookmark lines) is left to {@link BoilerplateFilter}.
 * The retry with relaxed flags is kept because it rescues short pages.
 */
final class ScoringContentFinder implements ContentFinder {

    private static final Pattern UNLIKELY = Pattern.compile(
            "-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends"
                    + "|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental"
                    + "|ad-break|agegate|pagination|pager|popup|yom-remote|newsletter|cookie|subscribe",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MAYBE = Pattern.compile("and|article|body|column|content|main|mathjax|shadow",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern POSITIVE = Pattern.compile(
            "article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NEGATIVE = Pattern.compile(
            "-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta"
                    + "|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget"
                    + "|newsletter|subscribe|cookie|bookmark",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SHARE = Pattern.compile("(\\b|_)(share|sharedaddy)(\\b|_)", Pattern.CASE_INSENSITIVE);
    private static final Pattern VIDEOS = Pattern.compile(
            "//(www\\.)?((dailymotion|youtube|youtube-nocookie|player\\.vimeo|v\\.qq)\\.com|(archive|upload\\.wikimedia)\\.org|player\\.twitch\\.tv)",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> UNLIKELY_ROLES = Set.of(
            "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog");
    private static final Set<String> TAGS_TO_SCORE = Set.of("section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre");
    private static final Set<String> PHRASING = Set.of(
            "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em", "embed", "i",
            "img", "input", "kbd", "label", "mark", "math", "meter", "noscript", "object", "output", "progress", "q",
            "ruby", "samp", "script", "select", "small", "span", "strong", "sub", "sup", "textarea", "time", "var",
            "wbr", "a", "del", "ins", "font", "u", "s", "strike", "tt", "big");
    private static final Set<String> BLOCK_CHILDREN = Set.of(
            "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul", "section", "article", "figure");
    private static final Set<String> ALTER_TO_DIV = Set.of("div", "section", "header", "h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> REMOVED = Set.of(
            "script", "style", "noscript", "template", "svg", "canvas", "button", "input",
            "select", "textarea", "link", "meta", "nav", "dialog", "footer", "aside", "form", "figure");
    private static final int CHAR_THRESHOLD = 500;
    private static final int TOP_CANDIDATES = 5;

    @Override
    public Element find(Document page, String html) {
        Element body = page.body();
        if (body == null) {
            return null;
        }
        prepare(body);
        Element best = null;
        int bestLength = -1;
        // Readability's retries: each drops one more rule (unlikely candidates, class weights, conditional cleaning)
        for (int attempt = 0; attempt < 4; attempt++) {
            // a retry starts from a fresh parse: cheaper than cloning every page up front for the few that need it
            Element root = attempt == 0 ? body : freshBody(html);
            Element article = grab(root, attempt < 1, attempt < 2, attempt < 3);
            int length = article == null ? 0 : article.text().length();
            if (length >= CHAR_THRESHOLD) {
                return article;
            }
            if (length > bestLength) {
                best = article;
                bestLength = length;
            }
        }
        return best;
    }

    private static Element freshBody(String html) {
        Element body = org.jsoup.Jsoup.parse(html).body();
        prepare(body);
        return body;
    }

    /** Removes what is never content: scripts, forms, navigation, hidden elements, ARIA dialogs and menus. */
    private static void prepare(Element body) {
        ParagraphCollector.hoistOutOfUnclosedSvg(body);
        List<Element> doomed = new ArrayList<>();
        for (Element e : body.getAllElements()) {
            if (e == body) {
                continue;
            }
            String tag = e.normalName();
            if (REMOVED.contains(tag) && !(tag.equals("figure") || tag.equals("footer") || tag.equals("aside")
                    || tag.equals("form"))) {
                doomed.add(e);
            } else if (!visible(e) || UNLIKELY_ROLES.contains(e.attr("role"))) {
                doomed.add(e);
            }
        }
        removeAll(doomed);
    }

    /**
     * Removes the nodes, a parent's many at once: jsoup renumbers every later sibling on each single removal, so taking
     * thousands of siblings one by one (40,000 scripts, 200,000 empty headings) grew with the square of their number.
     */
    static void removeAll(List<? extends Node> doomed) {
        Map<Element, java.util.Set<Node>> byParent = new IdentityHashMap<>();
        for (Node n : doomed) {
            Element parent = (Element) n.parent();
            if (parent != null) {
                byParent.computeIfAbsent(parent, k -> java.util.Collections.newSetFromMap(new IdentityHashMap<>())).add(n);
            }
        }
        byParent.forEach((parent, gone) -> {
            if (gone.size() < 16) {
                gone.forEach(Node::remove);
                return;
            }
            List<Node> kept = new ArrayList<>(parent.childNodeSize());
            for (Node child : parent.childNodes()) {
                if (!gone.contains(child)) {
                    kept.add(child);
                }
            }
            parent.empty();
            parent.appendChildren(kept);
        });
    }

    /** Moves every child of {@code from} to the end of {@code to} in one step (see {@link #removeAll}). */
    static void moveChildren(Element from, Element to) {
        List<Node> children = new ArrayList<>(from.childNodes());
        from.empty();
        to.appendChildren(children);
    }

    /** Also not an {@code aria-hidden} block of a page, as Readability does (but a lazy-loading site's fallback image). */
    private static boolean visible(Element e) {
        return !ParagraphCollector.isHidden(e)
                && (!"true".equalsIgnoreCase(e.attr("aria-hidden")) || e.className().contains("fallback-image"));
    }

    private Element grab(Element root, boolean stripUnlikely, boolean weightClasses, boolean cleanConditionally) {
        Map<Element, Double> scores = new IdentityHashMap<>();
        List<Element> toScore = new ArrayList<>();
        // removed once the walk is done, all at once (removeAll); nothing the walk reads depends on a node it has
        // passed: a parent is read before its children, and siblings do not read each other
        List<Element> unlikely = new ArrayList<>();
        java.util.ArrayDeque<Element> stack = new java.util.ArrayDeque<>();
        pushChildren(stack, root);
        while (!stack.isEmpty()) {
            Element node = stack.pop();
            String tag = node.normalName();
            if (stripUnlikely) {
                String match = node.className() + " " + node.id();
                if ((tag.equals("footer") || tag.equals("aside") || tag.equals("form")
                        || (UNLIKELY.matcher(match).find() && !MAYBE.matcher(match).find()))
                        && !tag.equals("a") && !isMarkedArticle(node)
                        && !hasAncestor(node, "table") && !hasAncestor(node, "code")) {
                    unlikely.add(node);
                    continue;
                }
            }
            if (ALTER_TO_DIV.contains(tag) && !tag.startsWith("h") && isEmpty(node)) {
                unlikely.add(node);
                continue;
            }
            if (TAGS_TO_SCORE.contains(tag)) {
                toScore.add(node);
            }
            if (tag.equals("div")) {
                if (!hasBlockChild(node)) {
                    // a div of phrasing content only is a paragraph
                    toScore.add(node);
                } else {
                    // runs of loose phrasing content inside a div become paragraphs, as Readability does
                    for (Element p : wrapPhrasingRuns(node)) {
                        toScore.add(p);
                    }
                }
            }
            pushChildren(stack, node);
        }
        removeAll(unlikely);

        List<Element> candidates = new ArrayList<>();
        for (Element e : toScore) {
            Element parent = e.parent();
            if (parent == null || e.root() != root.root()) {
                continue;
            }
            String text = innerText(e);
            if (text.length() < 25) {
                continue;
            }
            List<Element> ancestors = ancestors(e, 5);
            if (ancestors.isEmpty()) {
                continue;
            }
            // Readability: 1 for the paragraph, 1 per comma, 1 per 100 characters up to 3
            double score = 1 + commaCount(text) + Math.min(Math.floor(text.length() / 100.0), 3);
            for (int level = 0; level < ancestors.size(); level++) {
                Element a = ancestors.get(level);
                if (a.parent() == null && a != root) {
                    continue;
                }
                if (!scores.containsKey(a)) {
                    scores.put(a, initialScore(a, weightClasses));
                    candidates.add(a);
                }
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scores.put(a, scores.get(a) + score / divider);
            }
        }

        List<Element> top = new ArrayList<>();
        for (Element c : candidates) {
            double s = scores.get(c) * (1 - linkDensity(c));
            scores.put(c, s);
            int i = 0;
            while (i < top.size() && scores.get(top.get(i)) >= s) {
                i++;
            }
            if (i < TOP_CANDIDATES) {
                top.add(i, c);
                if (top.size() > TOP_CANDIDATES) {
                    top.remove(top.size() - 1);
                }
            }
        }

        Element topCandidate = top.isEmpty() ? null : top.get(0);
        if (topCandidate == null || topCandidate == root || topCandidate.normalName().equals("body")) {
            Element wrapper = new Element("div");
            moveChildren(root, wrapper);
            root.appendChild(wrapper);
            topCandidate = wrapper;
            scores.put(wrapper, initialScore(wrapper, weightClasses));
        } else {
            topCandidate = refine(topCandidate, top, scores, root);
        }

        Element article = new Element("div");
        double topScore = scores.getOrDefault(topCandidate, 0.0);
        double threshold = Math.max(10, topScore * 0.2);
        Element parent = topCandidate.parent();
        List<Element> siblings = parent == null ? List.of(topCandidate) : new ArrayList<>(parent.children());
        String topClass = topCandidate.className();
        for (Element sibling : siblings) {
            boolean append = false;
            if (sibling == topCandidate) {
                append = true;
            } else {
                double bonus = 0;
                if (!topClass.isEmpty() && sibling.className().equals(topClass)) {
                    bonus += topScore * 0.2;
                }
                Double s = scores.get(sibling);
                if (s != null && s + bonus >= threshold) {
                    append = true;
                } else if (sibling.normalName().equals("p")) {
                    double ld = linkDensity(sibling);
                    String text = innerText(sibling);
                    if (text.length() > 80 && ld < 0.25) {
                        append = true;
                    } else if (text.length() < 80 && text.length() > 0 && ld == 0 && text.matches("(?s).*\\.( |$).*")) {
                        append = true;
                    }
                }
            }
            if (append) {
                article.appendChild(sibling.clone());
            }
        }
        clean(article, scores, weightClasses, cleanConditionally);
        return article;
    }

    /** Readability's move up: to a common ancestor of close runners-up, then to parents that score better. */
    private static Element refine(Element topCandidate, List<Element> top, Map<Element, Double> scores, Element root) {
        double topScore = scores.get(topCandidate);
        List<List<Element>> alternatives = new ArrayList<>();
        for (int i = 1; i < top.size(); i++) {
            if (scores.get(top.get(i)) / topScore >= 0.75) {
                alternatives.add(ancestors(top.get(i), 0));
            }
        }
        if (alternatives.size() >= 3) {
            Element p = topCandidate.parent();
            while (p != null && !p.normalName().equals("body")) {
                int containing = 0;
                for (List<Element> ancestors : alternatives) {
                    if (containsIdentity(ancestors, p)) {
                        containing++;
                    }
                }
                if (containing >= 3) {
                    topCandidate = p;
                    break;
                }
                p = p.parent();
            }
        }
        if (!scores.containsKey(topCandidate)) {
            scores.put(topCandidate, initialScore(topCandidate, true));
        }
        Element parent = topCandidate.parent();
        double lastScore = scores.get(topCandidate);
        double scoreThreshold = lastScore / 3;
        while (parent != null && !parent.normalName().equals("body")) {
            Double ps = scores.get(parent);
            if (ps == null) {
                parent = parent.parent();
                continue;
            }
            if (ps < scoreThreshold) {
                break;
            }
            if (ps > lastScore) {
                topCandidate = parent;
                break;
            }
            lastScore = ps;
            parent = parent.parent();
        }
        parent = topCandidate.parent();
        while (parent != null && !parent.normalName().equals("body") && parent.children().size() == 1) {
            topCandidate = parent;
            parent = topCandidate.parent();
        }
        if (!scores.containsKey(topCandidate)) {
            scores.put(topCandidate, initialScore(topCandidate, true));
        }
        return topCandidate;
    }

    /** Readability's prepArticle, the parts that change text: conditional cleaning and share widgets. */
    private void clean(Element article, Map<Element, Double> scores, boolean weightClasses, boolean conditionally) {
        // removed all at once after the walk (removeAll): each decision reads only the element and what is inside
        // it, and an element comes before what is inside it
        List<Element> cut = new ArrayList<>();
        for (Element e : new ArrayList<>(article.getAllElements())) {
            if (e == article || e.parent() == null) {
                continue;
            }
            String tag = e.normalName();
            if (REMOVED.contains(tag) && !tag.equals("figure") && !tag.equals("footer") && !tag.equals("aside")) {
                cut.add(e);
                continue;
            }
            if (tag.equals("footer") || tag.equals("aside") || tag.equals("nav")) {
                cut.add(e);
                continue;
            }
            String match = e.className() + " " + e.id();
            if (SHARE.matcher(match).find() && e.text().length() < CHAR_THRESHOLD) {
                cut.add(e);
                continue;
            }
            if ((tag.equals("h1") || tag.equals("h2")) && weightClasses && classWeight(e) < 0) {
                cut.add(e);
            }
        }
        removeAll(cut);
        if (!conditionally) {
            return;
        }
        for (String tag : List.of("table", "ul", "ol", "div", "section", "form", "fieldset", "figure", "header")) {
            List<Element> elements = new ArrayList<>(article.getElementsByTag(tag));
            // innermost first, as Readability walks them in reverse document order
            for (int i = elements.size() - 1; i >= 0; i--) {
                Element e = elements.get(i);
                if (e.parent() == null || !e.root().equals(article.root())) {
                    continue;
                }
                if (shouldRemove(e, tag, weightClasses)) {
                    e.remove();
                }
            }
        }
    }

    private static boolean shouldRemove(Element e, String tag, boolean weightClasses) {
        boolean isList = tag.equals("ul") || tag.equals("ol");
        if (tag.equals("table") && isDataTable(e)) {
            return false;
        }
        if (hasAncestor(e, "table") && tag.equals("table")) {
            return false;
        }
        if (hasAncestor(e, "code") || hasAncestor(e, "pre")) {
            return false;
        }
        double weight = weightClasses ? classWeight(e) : 0;
        if (weight < 0) {
            return true;
        }
        String text = e.text();
        int commas = commaCount(text);
        if (commas >= 10) {
            return false;
        }
        int p = e.getElementsByTag("p").size();
        int img = e.getElementsByTag("img").size();
        int li = e.getElementsByTag("li").size() - 100;
        int input = e.getElementsByTag("input").size();
        int headingLength = 0;
        for (Element h : e.select("h1, h2, h3, h4, h5, h6")) {
            headingLength += h.text().length();
        }
        double headingDensity = text.isEmpty() ? 0 : (double) headingLength / text.length();
        int embeds = 0;
        for (Element em : e.select("object, embed, iframe")) {
            // a video, or any embed newsflow names (a chart, a post, a podcast): the story's, as Readability keeps videos
            if (VIDEOS.matcher(em.attr("src")).find() || EmbedRecogniser.mayBeEmbed(em) && EmbedRecogniser.recognise(em) != null) {
                return false;
            }
            embeds++;
        }
        double linkDensity = linkDensity(e);
        int length = text.length();
        if (isList) {
            // a list of real sentences is content, whatever its link count
            int items = 0;
            int longItems = 0;
            for (Element item : e.children()) {
                items++;
                if (item.text().length() > 60) {
                    longItems++;
                }
            }
            if (items > 0 && longItems * 2 >= items && linkDensity < 0.5) {
                return false;
            }
        }
        boolean hasFigure = hasAncestor(e, "figure");
        return (img > 1 && p / (double) img < 0.5 && !hasFigure)
                || (!isList && li > p)
                || (input > Math.floor(p / 3.0))
                || (!isList && headingDensity < 0.9 && length < 25 && (img == 0 || img > 2) && !hasFigure)
                || (!isList && weight < 25 && linkDensity > 0.2)
                || (weight >= 25 && linkDensity > 0.5)
                || ((embeds == 1 && length < 75) || embeds > 1);
    }

    private static boolean isDataTable(Element table) {
        if ("presentation".equals(table.attr("role"))) {
            return false;
        }
        if ("0".equals(table.attr("datatable"))) {
            return false;
        }
        if (!table.attr("summary").isEmpty() || table.getElementsByTag("caption").size() > 0) {
            return true;
        }
        if (!table.select("col, colgroup, tfoot, thead, th").isEmpty()) {
            return true;
        }
        if (!table.getElementsByTag("table").stream().filter(t -> t != table).toList().isEmpty()) {
            return false;
        }
        int rows = table.getElementsByTag("tr").size();
        int columns = 0;
        Element firstRow = table.getElementsByTag("tr").first();
        if (firstRow != null) {
            columns = firstRow.children().size();
        }
        return rows >= 10 || columns > 4 || rows * columns > 10;
    }

    /** The publisher says this is the story: schema.org articleBody, or an article or main element. */
    private static boolean isMarkedArticle(Element e) {
        String tag = e.normalName();
        return tag.equals("article") || tag.equals("main") || "articleBody".equals(e.attr("itemprop"));
    }

    private static void pushChildren(java.util.ArrayDeque<Element> stack, Element node) {
        List<Element> children = node.children();
        for (int i = children.size() - 1; i >= 0; i--) {
            stack.push(children.get(i));
        }
    }

    /**
     * Wraps each run of text and inline elements directly under {@code div} in a new {@code p}. The div's children
     * are rebuilt in one step: moving a run's nodes one by one renumbered every later sibling each time (a legacy page
     * of 200,000 phrasing nodes split by {@code <br>} took 28 s).
     */
    private static List<Element> wrapPhrasingRuns(Element div) {
        List<Element> created = new ArrayList<>();
        List<Node> children = new ArrayList<>(div.childNodes());
        List<List<Node>> runs = new ArrayList<>(); // the runs that hold text, each to become a p
        List<Node> run = new ArrayList<>();
        for (Node child : children) {
            boolean phrasing = child instanceof TextNode
                    || (child instanceof Element c && PHRASING.contains(c.normalName()) && !hasBlockChild(c));
            if (phrasing) {
                run.add(child);
            } else {
                keepIfText(run, runs);
                run = new ArrayList<>();
            }
        }
        keepIfText(run, runs);
        if (runs.isEmpty()) {
            return created;
        }
        java.util.Map<Node, List<Node>> runByFirst = new IdentityHashMap<>();
        java.util.Set<Node> inRun = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (List<Node> r : runs) {
            runByFirst.put(r.get(0), r);
            inRun.addAll(r);
        }
        div.empty();
        List<Node> rebuilt = new ArrayList<>(children.size());
        for (Node child : children) {
            List<Node> starting = runByFirst.get(child);
            if (starting != null) {
                Element p = new Element("p");
                p.appendChildren(starting);
                rebuilt.add(p);
                created.add(p);
            } else if (!inRun.contains(child)) {
                rebuilt.add(child);
            }
        }
        div.appendChildren(rebuilt);
        return created;
    }

    private static void keepIfText(List<Node> run, List<List<Node>> runs) {
        for (Node n : run) {
            if (n instanceof TextNode t ? !t.isBlank() : !((Element) n).text().isBlank()) {
                runs.add(run);
                return;
            }
        }
    }

    private static int commaCount(String text) {
        int count = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '\u060C' || c == '\uFE50' || c == '\uFE10' || c == '\uFE11' || c == '\u2E41'
                    || c == '\u2E34' || c == '\u2E32' || c == '\uFF0C') {
                count++;
            }
        }
        return count;
    }

    private static double initialScore(Element e, boolean weightClasses) {
        double score = switch (e.normalName()) {
            case "div" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        return score + (weightClasses ? classWeight(e) : 0);
    }

    private static double classWeight(Element e) {
        double weight = 0;
        String cls = e.className();
        if (!cls.isEmpty()) {
            if (NEGATIVE.matcher(cls).find()) {
                weight -= 25;
            }
            if (POSITIVE.matcher(cls).find()) {
                weight += 25;
            }
        }
        String id = e.id();
        if (!id.isEmpty()) {
            if (NEGATIVE.matcher(id).find()) {
                weight -= 25;
            }
            if (POSITIVE.matcher(id).find()) {
                weight += 25;
            }
        }
        return weight;
    }

    static double linkDensity(Element e) {
        int length = innerText(e).length();
        if (length == 0) {
            return 0;
        }
        double linkLength = 0;
        for (Element a : e.getElementsByTag("a")) {
            String href = a.attr("href");
            double coefficient = href.startsWith("#") && href.length() > 1 ? 0.3 : 1;
            linkLength += innerText(a).length() * coefficient;
        }
        return linkLength / length;
    }

    private static String innerText(Element e) {
        return e.text();
    }

    private static boolean isEmpty(Element e) {
        for (Node child : e.childNodes()) {
            if (child instanceof TextNode t) {
                if (!t.isBlank()) {
                    return false;
                }
            } else if (child instanceof Element c) {
                String tag = c.normalName();
                if (!tag.equals("br") && !tag.equals("hr")) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean hasBlockChild(Element e) {
        for (Element child : e.children()) {
            if (BLOCK_CHILDREN.contains(child.normalName()) || hasBlockChild(child)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasAncestor(Element e, String tag) {
        int depth = 0;
        for (Element p = e.parent(); p != null && depth < 3; p = p.parent(), depth++) {
            if (p.normalName().equals(tag)) {
                return true;
            }
        }
        return false;
    }

    private static List<Element> ancestors(Element e, int max) {
        List<Element> out = new ArrayList<>();
        for (Element p = e.parent(); p != null; p = p.parent()) {
            out.add(p);
            if (max > 0 && out.size() == max) {
                break;
            }
        }
        return out;
    }

    private static boolean containsIdentity(List<Element> list, Element e) {
        for (Element x : list) {
            if (x == e) {
                return true;
            }
        }
        return false;
    }
}
