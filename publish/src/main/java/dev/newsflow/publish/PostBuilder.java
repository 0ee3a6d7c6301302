package dev.newsflow.publish;

import dev.newsflow.runtime.PlainText;
import dev.newsflow.runtime.UrlPaths;
import dev.newsflow.schemas.AvroTrust;
import dev.newsflow.schemas.EmbedProvider;
import dev.newsflow.schemas.avro.EnrichedArticle;
import dev.newsflow.schemas.avro.Image;
import dev.newsflow.schemas.avro.Post;
import dev.newsflow.schemas.avro.PostChange;
import dev.newsflow.schemas.avro.PostEventType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;

/**
 * Makes the finished post sites render: slug and canonical URL (both fixed at first publication, so links never
 * break when a headline is corrected), sanitised body HTML, and the enriched fields. No Kafka.
 */
public class PostBuilder { // not final: tests make one fail to show what a failure does

    private static final DateTimeFormatter DATE_PATH = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    /**
     * What a post body may contain, as docs/consumers.md promises it and nothing more, even if upstream let more
     * through: the blocks and inline elements enrich writes, a link's http or https address (given rel="nofollow",
     * and checked again below), an ordered list's start, and data tables with their cells' spans.
     */
    private static final Safelist BODY_SAFELIST = new Safelist()
            .addTags("p", "h2", "h3", "ul", "ol", "li", "blockquote", "pre", "a", "strong", "em", "sup", "sub")
            .addTags("table", "thead", "tbody", "tr", "th", "td")
            .addAttributes("a", "href").addProtocols("a", "href", "http", "https").addEnforcedAttribute("a", "rel", "nofollow")
            .addAttributes("ol", "start", "reversed", "type").addAttributes("li", "value")
            .addAttributes("th", "colspan", "rowspan").addAttributes("td", "colspan", "rowspan");
    private static final java.util.regex.Pattern LIST_START = java.util.regex.Pattern.compile("-?\\d{1,6}");
    /** HTML's list number styles: decimal, letters, roman numerals (case matters). */
    private static final java.util.regex.Pattern LIST_TYPE = java.util.regex.Pattern.compile("[1aAiI]");
    /** As enrich writes them; a browser reads colspan up to 1,000 and rowspan up to 65,534. */
    private static final java.util.regex.Pattern CELL_SPAN = java.util.regex.Pattern.compile("[1-9][0-9]?");
    /** As the ingest bounds a sender's: an image's alt text and caption. */
    private static final int MAX_IMAGE_TEXT_CHARS = 1_000;

    /**
     * Not allowed in HTML or XML (C0 controls but tab, new line and carriage return; DEL; U+FFFE, U+FFFF), and the
     * direction overrides and isolates enrich also drops ("gnp.exe"). A loop, not a regex: a character-class regex
     * scanned a 3 KB body in 70 µs, more than cleaning it.
     */
    static boolean isControl(char c) {
        return c < 0x20 ? c != '\t' && c != '\n' && c != '\r'
                : c == 0x7F || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069 || c == 0xFFFE || c == 0xFFFF;
    }

    private static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isControl(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String withoutControls(String s) {
        if (!hasControl(s)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isControl(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private final String baseUrl;

    static {
        AvroTrust.ensure(); // delete() copies a Post with newBuilder(previous)
    }

    /** @param baseUrl canonical site URL, e.g. {@code https://news.example.com} (no trailing slash needed) */
    public PostBuilder(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /**
     * @param article  the enriched article
     * @param previous the last post event of this article, or null; its slug and URL are kept
     * @param now      publication time of this event
     */
    public Post upsert(EnrichedArticle article, Post previous, Instant now) {
        // plain text again, whatever enrich wrote: a backlog, a held embargo or an older enrich during an upgrade
        // may carry what today's enrich would have cleaned, and sites show these fields as they are
        String headline = article.getHeadline().indexOf('<') < 0 ? article.getHeadline() : PlainText.of(article.getHeadline());
        String slug = previous != null && previous.getSlug() != null ? previous.getSlug()
                : Slugs.of(headline, article.getUri());
        // the date comes from the article, never from the clock: rebuilt from the same topic after a reset of the
        // publish state, the first version gives the same URL again (the time ingest received it, when the CMS
        // sent no firstCreated)
        String url = previous != null && previous.getUrl() != null ? previous.getUrl()
                : baseUrl + "/" + DATE_PATH.format(article.getFirstCreated() != null ? article.getFirstCreated()
                        : article.getReceivedAt()) + "/" + slug;
        PostChange change = changeOf(article, previous);
        return Post.newBuilder()
                .setEvent(PostEventType.UPSERT)
                .setChange(change)
                .setId(article.getUri())
                .setVersion(article.getVersion())
                .setSlug(slug)
                .setUrl(url)
                .setHeadline(headline)
                .setTeaser(shownAsIs(article.getTeaser()))
                .setTeaserMachineMade(article.getTeaserMachineMade())
                .setBodyHtml(bodyHtml(article))
                .setImage(image(article.getImage()))
                .setEmbeds(embeds(article.getEmbeds(), article.getText()))
                .setByline(shownAsIs(article.getByline()))
                .setSource(shownAsIs(article.getSource()))
                .setCategories(article.getCategories())
                .setReviewRequired(article.getReviewRequired())
                .setReviewReasons(article.getReviewRequired() ? List.copyOf(article.getReviewReasons()) : List.of())
                .setLanguage(article.getLanguage())
                .setTags(article.getTags())
                .setUrgency(article.getUrgency())
                .setWordCount(article.getWordCount())
                .setReadingTimeMinutes(article.getReadingTimeMinutes())
                .setFirstCreated(article.getFirstCreated())
                .setVersionCreated(article.getVersionCreated())
                .setPublishedAt(now)
                // unknown (null) for a post first published by a publish older than Post v4
                .setFirstPublishedAt(change == PostChange.PUBLISHED ? now : previous.getFirstPublishedAt())
                // checked again here, not only by ingest and enrich: records enriched before Post v4 (a backlog,
                // a held embargo, an older enrich during an upgrade) carry them as the sender wrote them
                .setSourceUrl(UrlPaths.isSafeHttpUrl(article.getUrl()) ? article.getUrl() : null)
                .setKeywords(PlainText.ofEach(article.getKeywords()))
                .setUpdatedAt(updatedAt(change, previous, now))
                .build();
    }

    /**
     * When readers last saw the story change: now, unless this is the same story enriched again, which keeps the
     * live post's time (the publication time of a post written before Post v9).
     */
    static Instant updatedAt(PostChange change, Post previous, Instant now) {
        if (change != PostChange.REENRICHED || previous == null) {
            return now;
        }
        return previous.getUpdatedAt() != null ? previous.getUpdatedAt() : previous.getPublishedAt();
    }

    /**
     * A delete event: id, version, slug, URL and the last headline (so a site can say what went), nothing else of the
     * content: a legally killed story's teaser, byline and tags must not travel on to every consumer.
     */
    public Post delete(String id, long version, Post previous, Instant now, PostChange change) {
        Post.Builder b = Post.newBuilder().setEvent(PostEventType.DELETE).setChange(change).setId(id).setPublishedAt(now);
        if (previous == null) {
            return b.setVersion(version).build();
        }
        return b.setVersion(Math.max(version, previous.getVersion()))
                .setFirstPublishedAt(previous.getFirstPublishedAt()) // a republication is not a first publication
                .setSlug(previous.getSlug())
                .setUrl(previous.getUrl())
                .setHeadline(previous.getHeadline())
                .setLanguage(previous.getLanguage())
                .build();
    }

    /** What an upsert is to a site: the first publication, a newer version, the same one enriched again, or a return. */
    private static PostChange changeOf(EnrichedArticle article, Post previous) {
        if (previous == null) {
            return PostChange.PUBLISHED;
        }
        if (previous.getEvent() == PostEventType.DELETE) {
            // a kill remembered for an article never published (held for an embargo, say) has no URL: first time
            return previous.getUrl() == null ? PostChange.PUBLISHED : PostChange.REPUBLISHED;
        }
        return previous.getVersion() == article.getVersion() ? PostChange.REENRICHED : PostChange.UPDATED;
    }

    /**
     * What publish keeps of a killed post: id, version, slug and URL (a republished version keeps its URL), nothing
     * of its content. The DELETE event itself carries the last known headline so a site can say what went; the state
     * (and its compacted changelog, kept forever) must not keep a legally killed story's words.
     */
    public Post remembered(Post delete) {
        return Post.newBuilder()
                .setEvent(delete.getEvent())
                .setChange(delete.getChange())
                .setId(delete.getId())
                .setVersion(delete.getVersion())
                .setSlug(delete.getSlug())
                .setUrl(delete.getUrl())
                .setPublishedAt(delete.getPublishedAt())
                .setFirstPublishedAt(delete.getFirstPublishedAt())
                .build();
    }

    /**
     * The lead image with its address checked again and its texts as plain text, as for the sender's URL: a record
     * forged onto the enriched topic, or enriched by an enrich with other rules, must not put a
     * {@code javascript:} address or markup on a site.
     */
    static Image image(Image image) {
        if (image == null || !UrlPaths.isSafeHttpUrl(image.getUrl())) {
            return null;
        }
        return Image.newBuilder().setUrl(image.getUrl()).setAlt(bounded(PlainText.ofNullable(image.getAlt())))
                .setCaption(bounded(PlainText.ofNullable(image.getCaption()))).build();
    }

    /** As enrich names them (ParagraphCollector.MAX_EMBEDS). */
    static final int MAX_EMBEDS = 50;

    /**
     * The embeds checked again, as the image is: a provider newsflow knows ({@link EmbedProvider}), an address in
     * one of that provider's forms that is safe to send on, at most {@value #MAX_EMBEDS}, each placed within the
     * text's paragraphs. A forged or older record cannot put a {@code javascript:} player, an attacker's host named
     * as YouTube, or markup on a site; an embed that fails is left out.
     */
    static java.util.List<dev.newsflow.schemas.avro.Embed> embeds(java.util.List<dev.newsflow.schemas.avro.Embed> embeds,
                                                                  String text) {
        if (embeds == null || embeds.isEmpty()) {
            return java.util.List.of();
        }
        int paragraphs = text == null ? 0 : paragraphs(text).size(); // as bodyHtml(String) shows the text
        java.util.List<dev.newsflow.schemas.avro.Embed> out = new java.util.ArrayList<>();
        for (dev.newsflow.schemas.avro.Embed e : embeds) {
            if (out.size() == MAX_EMBEDS) {
                break;
            }
            if (UrlPaths.isSafeHttpUrl(e.getUrl())
                    && EmbedProvider.of(e.getProvider()).map(p -> p.names(e.getUrl())).orElse(false)) {
                out.add(dev.newsflow.schemas.avro.Embed.newBuilder(e)
                        .setAfterParagraph(Math.max(0, Math.min(paragraphs, e.getAfterParagraph()))).build());
            }
        }
        return out;
    }

    private static String bounded(String text) {
        if (text == null || text.length() <= MAX_IMAGE_TEXT_CHARS) {
            return text;
        }
        int cut = MAX_IMAGE_TEXT_CHARS - 1;
        return text.substring(0, Character.isHighSurrogate(text.charAt(cut - 1)) ? cut - 1 : cut) + "…";
    }

    /**
     * The body enrich wrote with the source's structure (subheadings, lists, quotations, links), or paragraphs of the
     * text for a record from an enrich older than EnrichedArticle v4; cleaned either way.
     */
    static String bodyHtml(EnrichedArticle article) {
        String structured = article.getBodyHtml();
        return structured != null && !structured.isBlank() ? clean(structured) : bodyHtml(article.getText());
    }

    /** Paragraphs as escaped {@code <p>} elements, then run through jsoup's cleaner as a second line of defence. */
    static String bodyHtml(String text) {
        StringBuilder html = new StringBuilder(text.length() + 64);
        for (String paragraph : paragraphs(text)) {
            html.append("<p>").append(Entities.escape(paragraph)).append("</p>");
        }
        return clean(html.toString());
    }

    /** The text's paragraphs: its blocks between blank lines, stripped, the blank ones left out. */
    private static java.util.List<String> paragraphs(String text) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String paragraph : text.split("\\n\\s*\\n")) {
            if (!paragraph.isBlank()) {
                out.add(paragraph.strip());
            }
        }
        return out;
    }

    /**
     * Only the safelist's elements and attributes, links given rel="nofollow", and no control characters: they are
     * not allowed in HTML or XML, not even as references ("&#x0;" breaks an XML parser). They are taken out of the
     * parsed text and attributes, so a reference in the source ("&#x1b;") goes as well as the character.
     */
    static String clean(String html) {
        Document dirty = Jsoup.parseBodyFragment(html, "");
        if (html.indexOf("&#") >= 0 || hasControl(html)) { // enrich writes neither: a forged body may
            NodeTraversor.traverse((node, depth) -> {
                if (node instanceof TextNode text) {
                    String whole = text.getWholeText();
                    String printable = withoutControls(whole);
                    if (!printable.equals(whole)) {
                        text.text(printable);
                    }
                } else if (node instanceof Element element && element.attributesSize() > 0) {
                    for (Attribute attribute : element.attributes()) {
                        attribute.setValue(withoutControls(attribute.getValue()));
                    }
                }
            }, dirty.body());
        }
        if (hasTag(html, "caption")) {
            for (Element caption : dirty.body().select("table > caption")) { // as enrich writes one: the paragraph before
                Element table = caption.parent();
                caption.remove();
                if (caption.selectFirst("table, p, div, ul, ol, blockquote, h2, h3") == null) { // a forged one may not
                    table.before(caption.tagName("p"));
                }
            }
        }
        Document clean = new Cleaner(BODY_SAFELIST).clean(dirty);
        for (Element e : clean.body().getAllElements()) { // a snapshot: unwrapping a link leaves its words in it
            switch (e.normalName()) {
                // the safelist checks the scheme only: a link to an internal host or with credentials keeps its words
                case "a" -> {
                    if (!UrlPaths.isSafeHttpUrl(e.attr("href"))) {
                        e.unwrap();
                    }
                }
                case "ol" -> {
                    keepOnlyIf(e, "start", LIST_START);
                    keepOnlyIf(e, "type", LIST_TYPE);
                }
                case "li" -> keepOnlyIf(e, "value", LIST_START);
                case "td", "th" -> {
                    keepOnlyIf(e, "colspan", CELL_SPAN);
                    keepOnlyIf(e, "rowspan", CELL_SPAN);
                }
                default -> { }
            }
        }
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }

    /**
     * A field sites show as it is, made plain text when it holds a {@code <}: enrich's own output never holds one
     * that opens a tag, and is kept exactly (cleaning it again would decode its "&lt;" a second time).
     */
    private static String shownAsIs(String field) {
        return field == null || field.indexOf('<') < 0 ? field : PlainText.ofNullable(field);
    }

    /** The safelist keeps an attribute whatever its value: one that is not of this form goes. */
    private static void keepOnlyIf(Element element, String attribute, java.util.regex.Pattern form) {
        if (element.hasAttr(attribute) && !form.matcher(element.attr(attribute)).matches()) {
            element.removeAttr(attribute);
        }
    }

    /** Whether {@code html} may hold an element of this tag, in any case: most bodies hold no caption. */
    private static boolean hasTag(String html, String tag) {
        for (int i = html.indexOf('<'); i >= 0 && i + tag.length() < html.length(); i = html.indexOf('<', i + 1)) {
            if (html.regionMatches(true, i + 1, tag, 0, tag.length())) {
                return true;
            }
        }
        return false;
    }
}
