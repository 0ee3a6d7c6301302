package dev.newsflow.enrich.text.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.schemas.TimeBounds;
import dev.newsflow.enrich.text.LeadImage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Headline, byline and publication time of a whole page, read from what publishers put there for machines:
 * JSON-LD ({@code NewsArticle}, {@code Article}, {@code BlogPosting}, ... also inside {@code @graph}), OpenGraph and
 * {@code article:*} properties, Dublin Core and common {@code meta} names, {@code time[datetime]}, and only then the
 * visible page ({@code <title>} less its site name, the first {@code h1}, a {@code rel=author} or {@code .byline}
 * element). A headline from any of them loses a part that names the site ({@link SiteName}). Must run before the
 * content finder, which removes elements from the document.
 *
 * @param title     headline, or null
 * @param byline    author names joined by ", ", or null
 * @param published publication time, or null
 */
record PageMetadata(String title, String byline, Instant published, LeadImage image) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BoilerplateFilter BYLINES = new BoilerplateFilter();
    private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[|\\-–—:»·/]\\s+|\\s+::\\s+");
    private static final Pattern URL = Pattern.compile("^(?:https?:)?//.*");

    /** @param base the address the page's relative addresses are relative to ({@link MainTextExtractor#baseOf}), or null */
    static PageMetadata read(Document doc, String base) {
        JsonLd ld = JsonLd.read(doc);
        String fromTags = first(meta(doc, "og:title"), meta(doc, "twitter:title"), meta(doc, "dc.title"),
                titleFromTitleTag(doc));
        // JSON-LD first, unless most of its words are not in the page's <title> (or first h1): Wikipedia's
        // "headline" is a description
        // ("constitutional monarchy in Oceania" on "New Zealand - Wikipedia")
        Element h1 = doc.title().isBlank() ? doc.selectFirst("h1") : null;
        String pageTitle = !doc.title().isBlank() ? doc.title() : h1 != null ? h1.text() : "";
        String title = ld.headline != null && (pageTitle.isBlank() || mostlyInTitle(ld.headline, pageTitle))
                ? ld.headline : first(fromTags, ld.headline);
        String byline = first(ld.author, nonUrl(meta(doc, "author")), nonUrl(meta(doc, "article:author")),
                nonUrl(meta(doc, "dc.creator")), nonUrl(meta(doc, "parsely-author")), nonUrl(meta(doc, "byl")),
                bylineElement(doc));
        Instant published = firstInstant(ld.published, meta(doc, "article:published_time"),
                meta(doc, "og:published_time"), meta(doc, "datePublished"), meta(doc, "publish-date"),
                meta(doc, "publishdate"), meta(doc, "pubdate"), meta(doc, "date"), meta(doc, "dc.date"),
                meta(doc, "dc.date.issued"), meta(doc, "dcterms.created"), meta(doc, "sailthru.date"),
                meta(doc, "parsely-pub-date"), timeElement(doc));
        return new PageMetadata(SiteName.of(doc, ld.publisher).strip(clean(title)), cleanByline(clean(byline)),
                published, image(doc, ld, base));
    }

    /**
     * The image the publisher names for the story: the article's JSON-LD image, else Open Graph's, else Twitter's;
     * resolved against the page's base. Null when none has a safe address, or when the one named is the site's own
     * graphic: its address says so ({@link LeadImageFinder#isSiteGraphic}), or the page shows it as the site's logo
     * or icon ({@link #siteGraphics}), as a CMS does that names its logo for every story without a picture.
     */
    private static LeadImage image(Document doc, JsonLd ld, String base) {
        String og = first(meta(doc, "og:image:secure_url"), meta(doc, "og:image:url"), meta(doc, "og:image"));
        String twitter = first(meta(doc, "twitter:image"), meta(doc, "twitter:image:src"));
        if (ld.imageUrl == null && og == null && twitter == null) {
            return null;
        }
        java.util.Set<String> siteGraphics = siteGraphics(doc, ld, base);
        String[][] named = {{ld.imageUrl, null, ld.imageCaption}, {og, meta(doc, "og:image:alt"), null},
                {twitter, meta(doc, "twitter:image:alt"), null}};
        for (String[] candidate : named) { // the next source when one names the site's graphic or an unsafe address
            if (candidate[0] != null && !isSiteGraphic(candidate[0], base, siteGraphics)) {
                LeadImage image = LeadImageFinder.image(resolve(base, candidate[0]), candidate[1], candidate[2]);
                if (image != null) {
                    return image;
                }
            }
        }
        return null;
    }

    private static boolean isSiteGraphic(String url, String base, java.util.Set<String> siteGraphics) {
        return LeadImageFinder.isSiteGraphic(url) || siteGraphics.contains(graphicKey(resolve(base, url)));
    }

    /** Never a logo, whatever its class says ("wp-custom-logo" on a body). */
    private static final java.util.Set<String> PAGE_CONTAINERS = java.util.Set.of("html", "body", "main", "article");
    /** The page's icons: each names its address itself. */
    private static final String SITE_ICONS = "link[rel~=(?i)icon], meta[name=msapplication-TileImage], meta[itemprop=logo]";
    /** A logo is an image, or a link, a picture or a box around one; a bigger element is a header, or the page. */
    private static final int MAX_LOGO_NODES = 24;

    /**
     * The addresses of the site's own graphics, as {@link #graphicKey} gives them: a page's icons ({@code link
     * rel=icon}, {@code apple-touch-icon}, a Windows tile), the publisher's logo in JSON-LD, and the images of small
     * elements marked as the logo ({@code itemprop=logo}, a class or id "logo", the link home), each read in at most
     * {@value #MAX_LOGO_NODES} nodes: one pass over the page, however deep it nests.
     */
    private static java.util.Set<String> siteGraphics(Document doc, JsonLd ld, String base) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        if (ld.publisherLogo != null) {
            keys.add(graphicKey(resolve(base, ld.publisherLogo)));
        }
        for (Element e : doc.select(SITE_ICONS)) {
            String address = first(e.attr("href"), e.attr("content"));
            if (address != null) {
                keys.add(graphicKey(resolve(base, address)));
            }
        }
        for (Element e : doc.getAllElements()) {
            if (e.attributesSize() > 0 && !PAGE_CONTAINERS.contains(e.normalName()) && (e.attr("itemprop").equals("logo") || e.normalName().equals("a")
                    && e.attr("rel").equalsIgnoreCase("home") || namesLogo(e.className()) || namesLogo(e.id()))) {
                logoImages(e, base, keys);
            }
        }
        return keys;
    }

    /**
     * Whether a class or id names the logo: "logo" as a word of it, words split at white space, "-" and "_"
     * ("site-logo", "logo_main"), not inside one ("catalogo", "logos"). A scan, not a regex: an attribute may be long.
     */
    static boolean namesLogo(String names) {
        int start = 0;
        for (int i = 0; i <= names.length(); i++) {
            char c = i < names.length() ? names.charAt(i) : ' ';
            if (c == ' ' || c == '\t' || c == '\n' || c == '-' || c == '_') {
                if (i - start == 4 && names.regionMatches(true, start, "logo", 0, 4)) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }

    /** The images of a small element marked as the logo; none of a bigger one (a header named "header-logo-left"). */
    private static void logoImages(Element logo, String base, java.util.Set<String> keys) {
        java.util.List<String> found = new java.util.ArrayList<>();
        int[] nodes = {0};
        org.jsoup.select.NodeTraversor.filter((node, depth) -> {
            if (++nodes[0] > MAX_LOGO_NODES) {
                return org.jsoup.select.NodeFilter.FilterResult.STOP;
            }
            if (node instanceof Element img && img.normalName().equals("img")) {
                String address = first(img.attr("src"), img.attr("data-src"));
                if (address != null && !address.startsWith("data:")) {
                    found.add(address);
                }
            }
            return org.jsoup.select.NodeFilter.FilterResult.CONTINUE;
        }, logo);
        if (nodes[0] <= MAX_LOGO_NODES) {
            for (String address : found) {
                keys.add(graphicKey(resolve(base, address)));
            }
        }
    }

    /** An image address without its scheme and query, lower case: a CDN's cache-busting query names the same file. */
    static String graphicKey(String url) {
        int scheme = url.indexOf("//");
        String rest = scheme < 0 ? url : url.substring(scheme + 2);
        int query = rest.indexOf('?');
        return (query < 0 ? rest : rest.substring(0, query)).toLowerCase(Locale.ROOT);
    }

    private static String resolve(String base, String url) {
        return base == null ? url : org.jsoup.internal.StringUtil.resolve(base, url);
    }

    /** Whether at least half the words of {@code headline} (of three letters or more) are in {@code pageTitle}. */
    private static boolean mostlyInTitle(String headline, String pageTitle) {
        java.util.Set<String> titleWords = new java.util.HashSet<>(
                java.util.Arrays.asList(pageTitle.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")));
        int words = 0;
        int found = 0;
        for (String w : headline.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() > 2) {
                words++;
                found += titleWords.contains(w) ? 1 : 0;
            }
        }
        return found * 2 >= words;
    }

    private static String meta(Document doc, String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        for (Element m : doc.getElementsByTag("meta")) {
            String name = m.attr("property");
            if (name.isEmpty()) {
                name = m.attr("name");
            }
            if (name.isEmpty()) {
                name = m.attr("itemprop");
            }
            if (name.toLowerCase(Locale.ROOT).equals(lower)) {
                String content = m.attr("content").strip();
                if (!content.isEmpty()) {
                    return content;
                }
            }
        }
        return null;
    }

    private static String titleFromTitleTag(Document doc) {
        String full = ParagraphCollector.normalise(doc.title());
        if (full.isEmpty()) {
            Element h1 = doc.selectFirst("h1");
            return h1 == null ? null : h1.text();
        }
        String[] parts = TITLE_SEPARATOR.split(full);
        if (parts.length < 2) {
            return full;
        }
        // a headline may hold a separator itself: the page's heading says so when the title starts with it, in whole
        // parts ("Obama - the final years" under that h1 stays whole; "Q&A - Why rates rose | City Herald" loses the
        // site; "Live - Election night" is no headline of "Live - Election night: results | Herald")
        Element h1 = doc.selectFirst("h1");
        String heading = h1 == null ? "" : ParagraphCollector.normalise(h1.text());
        if (TITLE_SEPARATOR.matcher(heading).find() && full.regionMatches(true, 0, heading, 0, heading.length())
                && (heading.length() == full.length()
                || TITLE_SEPARATOR.matcher(full).region(heading.length(), full.length()).lookingAt())) {
            return full.substring(0, heading.length());
        }
        // keep the longest part: the site name is usually the short one, before or after the headline
        String best = parts[0];
        for (String p : parts) {
            if (p.length() > best.length()) {
                best = p;
            }
        }
        return BoilerplateFilter.wordCount(best) >= 3 ? best : full;
    }

    private static String bylineElement(Document doc) {
        // Readability's byline hints, most specific first; the first short one wins
        for (Element e : doc.select("[itemprop=author] [itemprop=name], [rel=author], [itemprop=author], .byline__name,"
                + " .author-name, .byline, [class*=byline], [id*=byline], [class*=author-name], [class~=^author$],"
                + " a[href*=/author/]")) {
            String text = ParagraphCollector.normalise(e.text());
            if (text.isEmpty() || BoilerplateFilter.wordCount(text) > 8) {
                continue;
            }
            String fromLine = BYLINES.bylineOf(text);
            return fromLine != null ? fromLine : text;
        }
        return null;
    }

    private static String timeElement(Document doc) {
        Element t = doc.selectFirst("[itemprop=datePublished][datetime], [itemprop=datePublished][content], time[pubdate][datetime], article time[datetime], time[datetime]");
        if (t == null) {
            return null;
        }
        return t.hasAttr("datetime") ? t.attr("datetime") : t.attr("content");
    }

    private static String nonUrl(String s) {
        return s == null || URL.matcher(s).matches() ? null : s;
    }

    private static String first(String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isBlank()) {
                return c;
            }
        }
        return null;
    }

    private static Instant firstInstant(String... candidates) {
        for (String c : candidates) {
            Instant i = parseInstant(c);
            if (i != null) {
                return i;
            }
        }
        return null;
    }

    /** "By Jane Doe" becomes "Jane Doe"; "Jane Doe | Jane Doe" (a name the CMS wrote twice) becomes "Jane Doe". */
    private static String cleanByline(String s) {
        if (s == null) {
            return null;
        }
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        for (String part : s.split("\\s+\\|\\s+")) {
            String name = BYLINES.bylineOf(part);
            names.add(name != null ? name : part.strip());
        }
        names.remove("");
        return names.isEmpty() ? null : String.join(", ", names);
    }

    private static String clean(String s) {
        if (s == null) {
            return null;
        }
        String n = ParagraphCollector.normalise(org.jsoup.parser.Parser.unescapeEntities(s, false));
        return n.isEmpty() ? null : n;
    }

    /**
     * ISO-8601 instant, offset date-time, local date-time (taken as UTC), or date (midnight UTC), within
     * {@link TimeBounds}; else null.
     */
    static Instant parseInstant(String s) {
        Instant parsed = parseAnyInstant(s);
        return parsed != null && TimeBounds.contains(parsed) ? parsed : null;
    }

    private static Instant parseAnyInstant(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException ignored) {
            // not an offset date-time: try the next form
        }
        try {
            // "+0000" offsets without a colon, as many CMSs write them
            return OffsetDateTime.parse(t, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]XX")).toInstant();
        } catch (DateTimeParseException ignored) {
            // next form
        }
        try {
            return LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // next form
        }
        try {
            return LocalDate.parse(t.length() >= 10 ? t.substring(0, 10) : t).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }

    /** The first article-like object of the page's JSON-LD. */
    private static final class JsonLd {
        String headline;
        String author;
        String published;
        String publisher;
        String publisherLogo;
        String imageUrl;
        String imageCaption;

        /** Every object of the page's JSON-LD by its {@code @id}: Yoast and others name the image by reference. */
        private final java.util.Map<String, JsonNode> byId = new java.util.HashMap<>();

        static JsonLd read(Document doc) {
            JsonLd out = new JsonLd();
            List<JsonNode> nodes = new ArrayList<>();
            for (Element script : doc.select("script[type=application/ld+json]")) {
                try {
                    flatten(JSON.readTree(withoutCdata(script.data())), nodes);
                } catch (java.io.IOException malformed) {
                    // publishers ship broken JSON-LD often: the next source (meta tags) is tried instead
                }
            }
            for (JsonNode n : nodes) {
                String id = text(n.get("@id"));
                if (id != null) {
                    out.byId.putIfAbsent(id, n);
                }
            }
            for (JsonNode n : nodes) {
                if (isArticle(n)) {
                    out.take(n);
                    if (out.headline != null || out.published != null) {
                        return out;
                    }
                }
            }
            return out;
        }

        /** The JSON without the CDATA markers many CMSes wrap JSON-LD in, bare or inside a JavaScript comment. */
        static String withoutCdata(String data) {
            java.util.regex.Matcher m = CDATA.matcher(data);
            return m.matches() ? m.group(1) : data;
        }

        private static final java.util.regex.Pattern CDATA = java.util.regex.Pattern.compile(
                "\\s*(?:/\\*\\s*|//\\s*)?<!\\[CDATA\\[(?:\\s*\\*/)?(.*?)(?://\\s*|/\\*\\s*)?]]>(?:\\s*\\*/)?\\s*",
                java.util.regex.Pattern.DOTALL);

        private static void flatten(JsonNode n, List<JsonNode> out) {
            if (n == null) {
                return;
            }
            if (n.isArray()) {
                n.forEach(child -> flatten(child, out));
            } else if (n.isObject()) {
                out.add(n);
                flatten(n.get("@graph"), out);
            }
        }

        private static boolean isArticle(JsonNode n) {
            JsonNode type = n.get("@type");
            if (type == null) {
                return false;
            }
            String types = type.isArray() ? type.toString() : type.asText();
            return types.matches("(?s).*(Article|BlogPosting|Report|Posting|NewsArticle).*");
        }

        private void take(JsonNode n) {
            if (headline == null) {
                headline = text(n.get("headline"));
                if (headline == null) {
                    headline = text(n.get("name"));
                }
            }
            if (published == null) {
                published = text(n.get("datePublished"));
                if (published == null) {
                    published = text(n.get("dateCreated"));
                }
            }
            if (author == null) {
                author = authors(n.get("author"));
            }
            if (imageUrl == null && n.get("image") != null) {
                // a URL, an ImageObject (url or contentUrl, caption), or a list of either: the first
                JsonNode i = n.get("image").isArray() ? n.get("image").path(0) : n.get("image");
                if (i.isObject() && i.size() == 1 && i.has("@id") && byId.containsKey(i.get("@id").asText())) {
                    i = byId.get(i.get("@id").asText()); // {"@id": "...#primaryimage"}: the ImageObject in the graph
                }
                imageUrl = i.isObject() ? first(text(i.get("url")), text(i.get("contentUrl"))) : text(i);
                imageCaption = i.isObject() ? text(i.get("caption")) : null;
            }
            if (publisher == null && n.get("publisher") != null) {
                // an Organization, a list of them, or a plain name
                JsonNode p = n.get("publisher").isArray() ? n.get("publisher").path(0) : n.get("publisher");
                if (p.isObject() && p.size() == 1 && p.has("@id") && byId.containsKey(p.get("@id").asText())) {
                    p = byId.get(p.get("@id").asText()); // Yoast: the Organization in the graph
                }
                publisher = text(p.isObject() ? p.get("name") : p);
                JsonNode logo = p.isObject() ? p.path("logo") : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
                if (logo.isObject() && logo.size() == 1 && logo.has("@id") && byId.containsKey(logo.get("@id").asText())) {
                    logo = byId.get(logo.get("@id").asText());
                }
                publisherLogo = logo.isObject() ? first(text(logo.get("url")), text(logo.get("contentUrl"))) : text(logo);
            }
        }

        private static String authors(JsonNode a) {
            if (a == null) {
                return null;
            }
            List<String> names = new ArrayList<>();
            if (a.isArray()) {
                a.forEach(x -> addAuthor(x, names));
            } else {
                addAuthor(a, names);
            }
            return names.isEmpty() ? null : String.join(", ", names);
        }

        private static void addAuthor(JsonNode x, List<String> names) {
            String name = x.isObject() ? text(x.get("name")) : text(x);
            if (name != null && !URL.matcher(name).matches()) {
                names.add(name);
            }
        }

        private static String text(JsonNode n) {
            if (n == null || n.isNull()) {
                return null;
            }
            if (n.isArray()) {
                return n.isEmpty() ? null : text(n.get(0));
            }
            String s = n.asText().strip();
            return s.isEmpty() ? null : s;
        }
    }
}
