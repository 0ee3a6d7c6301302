package dev.newsflow.enrich.text.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.enrich.text.BodyHtml;
import dev.newsflow.enrich.text.ExtractedArticle;
import dev.newsflow.enrich.text.TextBlock;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The body's HTML keeps the source's subheadings, lists, quotations and links, and always the text's words. */
class StructuredBodyTest {

    private static final String STORY_1 = "The city council voted on Tuesday to expand the tram network to the northern "
            + "suburbs, a project that has been debated for more than a decade and will cost an estimated 1.2 billion.";
    private static final String STORY_2 = "Construction is expected to begin next spring, and the first trams could run "
            + "by 2029, according to the transport department, which said the line would carry 40,000 people a day.";

    private final MainTextExtractor extractor = new MainTextExtractor();

    @Test
    void shouldKeepSubheadingsListsQuotationsAndLinks() {
        String fragment = "<p>" + STORY_1 + " <a href=\"https://council.example/vote?id=7&amp;x=1\">Read the motion</a>.</p>"
                + "<h2>What happens next</h2><ol><li>Planning <b>consent</b></li><li>Tenders</li></ol>"
                + "<h4>Who pays</h4><ul><li>The <em>city</em></li><li>The state</li></ul>"
                + "<blockquote><p>It is a great day.</p><p>We waited long.</p></blockquote><p>" + STORY_2 + "</p>";

        ExtractedArticle article = extractor.extract(fragment, true);

        assertThat(article.bodyHtml()).isEqualTo("<p>" + STORY_1
                + " <a href=\"https://council.example/vote?id=7&amp;x=1\">Read the motion</a>.</p>"
                + "<h2>What happens next</h2><ol><li>Planning <strong>consent</strong></li><li>Tenders</li></ol>"
                + "<h3>Who pays</h3><ul><li>The <em>city</em></li><li>The state</li></ul>"
                + "<blockquote><p>It is a great day.</p><p>We waited long.</p></blockquote><p>" + STORY_2 + "</p>");
        assertThat(paragraphsOf(article.bodyHtml())).isEqualTo(article.paragraphs());
    }

    @Test
    void shouldKeepOnlyAbsoluteWebLinksAndAlwaysTheirWords() {
        String fragment = "<p>See <a href=\"/local/page\">the plan</a>, <a href=\"javascript:alert(1)\">this</a>,"
                + " <a href=\"https://user:pw@evil.example/\">that</a>, <a href=\"http://localhost:8080/admin\">admin</a>"
                + " and <a href=\"https://ok.example/x\" onclick=\"steal()\" target=\"_blank\">the map</a>.</p>";

        ExtractedArticle article = extractor.extract(fragment, true);

        assertThat(article.paragraphs()).containsExactly("See the plan, this, that, admin and the map.");
        assertThat(article.bodyHtml()).isEqualTo("<p>See the plan, this, that, admin and <a href=\"https://ok.example/x\">the map</a>.</p>");
    }

    @Test
    void shouldLeaveOutALinkWhoseAddressCouldBreakOutOfTheAttribute() {
        String fragment = "<p>See <a href='https://x.example/a?q=\"onmouseover=\"alert(1)'>the map</a>.</p>";

        assertThat(extractor.extract(fragment, true).bodyHtml()).isEqualTo("<p>See the map.</p>");
        assertThat(BodyHtml.escapeAttribute("a\"b<c>&d")).isEqualTo("a&quot;b&lt;c&gt;&amp;d");
    }

    @Test
    void shouldResolveAPagesRelativeLinksAgainstItsBase() {
        String page = "<!DOCTYPE html><html><head><base href=\"https://herald.example/news/\"><title>Trams</title></head>"
                + "<body><article><p>" + STORY_1 + " <a href=\"plan.html\">The plan</a>.</p><p>" + STORY_2
                + "</p></article></body></html>";

        assertThat(extractor.extract(page, true).bodyHtml())
                .contains("<a href=\"https://herald.example/news/plan.html\">The plan</a>");
    }

    @Test
    void shouldResolveRelativeLinksAgainstTheCanonicalAddressWithoutABase() {
        String page = "<!DOCTYPE html><html><head><link rel=\"canonical\" href=\"https://herald.example/news/trams\">"
                + "<title>Trams</title></head><body><article><p>" + STORY_1 + " <a href=\"/plan\">The plan</a>.</p><p>"
                + STORY_2 + "</p></article></body></html>";

        assertThat(extractor.extract(page, true).bodyHtml()).contains("<a href=\"https://herald.example/plan\">The plan</a>");
    }

    @Test
    void shouldEscapeTextAndNeverLetMarkupThrough() {
        String fragment = "<p>Prices &lt;script&gt;alert(1)&lt;/script&gt; rose 5% &amp; more: \"a\" &lt; b.</p>"
                + "<p><img src=x onerror=alert(1)><script>alert(2)</script><iframe src=\"https://x.example\"></iframe>"
                + "<span style=\"color:red\" onclick=\"x()\">Styled</span> words.</p>";

        ExtractedArticle article = extractor.extract(fragment, true);

        assertThat(article.bodyHtml()).isEqualTo("<p>Prices &lt;script&gt;alert(1)&lt;/script&gt; rose 5% &amp; more:"
                + " \"a\" &lt; b.</p><p>Styled words.</p>");
        assertThat(paragraphsOf(article.bodyHtml())).isEqualTo(article.paragraphs());
    }

    @Test
    void shouldCloseAnInlineElementAtAParagraphEndAndOpenItAgainInTheNext() {
        String fragment = "<b>First part of a bold run<br><br>and its second part</b> then plain."
                + "<p><a href=\"https://a.example/\">   </a>Link without words, <i>  </i>italics without words.</p>";

        ExtractedArticle article = extractor.extract(fragment, true);

        assertThat(article.bodyHtml()).isEqualTo("<p><strong>First part of a bold run</strong></p>"
                + "<p><strong>and its second part</strong> then plain.</p>"
                + "<p>Link without words, italics without words.</p>");
    }

    @Test
    void shouldKeepTwoListsInARowApartAndFlattenANestedOne() {
        String fragment = "<ul><li>One</li><li>Two<ul><li>Two a</li></ul></li><li>Three</li></ul><ul><li>Other list</li></ul>";

        assertThat(extractor.extract(fragment, true).bodyHtml()).isEqualTo(
                "<ul><li>One</li><li>Two</li></ul><ul><li>Two a</li></ul><ul><li>Three</li></ul><ul><li>Other list</li></ul>");
    }

    @Test
    void shouldDropFromTheBodyWhatTheTextDrops() {
        String page = """
                <!DOCTYPE html><html><head><title>Council backs tram extension | City Herald</title></head><body>
                <main><article><h1>Council backs tram extension</h1>
                  <p>By <a href="https://herald.example/staff/jane">Jane Doe</a></p>
                  <p>%s</p><p><a href="https://twitter.example/share">Share on Twitter</a></p><p>%s</p>
                </article></main></body></html>
                """.formatted(STORY_1, STORY_2);

        ExtractedArticle article = extractor.extract(page, true);

        assertThat(article.paragraphs()).containsExactly(STORY_1, STORY_2);
        assertThat(article.byline()).isEqualTo("Jane Doe");
        assertThat(article.bodyHtml()).isEqualTo("<p>" + STORY_1 + "</p><p>" + STORY_2 + "</p>");
    }

    @Test
    void shouldGiveParagraphsForPlainText() {
        ExtractedArticle article = extractor.extract(STORY_1 + "\n\nA & B <said> \"so\".", false);

        assertThat(article.bodyHtml()).isEqualTo("<p>" + STORY_1 + "</p><p>A &amp; B &lt;said&gt; \"so\".</p>");
    }

    @Test
    void shouldRenderBlocksInOrderGroupingOnlyConsecutiveItemsOfOneListOrQuotation() {
        List<TextBlock> blocks = List.of(
                new TextBlock("a", TextBlock.Kind.QUOTE, 1, "a"), new TextBlock("b", TextBlock.Kind.QUOTE, 2, "b"),
                new TextBlock("c", TextBlock.Kind.NUMBERED, 3, "c"), new TextBlock("d", TextBlock.Kind.BULLET, 3, "d"),
                TextBlock.paragraph("e & f"));

        assertThat(BodyHtml.render(blocks)).isEqualTo("<blockquote><p>a</p></blockquote><blockquote><p>b</p></blockquote>"
                + "<ol><li>c</li></ol><ul><li>d</li></ul><p>e &amp; f</p>");
    }

    /** The text of each block element of the body, as a site's reader sees it. */
    static List<String> paragraphsOf(String bodyHtml) {
        List<String> out = new ArrayList<>();
        for (Element e : Jsoup.parseBodyFragment(bodyHtml).body().select("p, li, h2, h3")) {
            out.add(e.text());
        }
        return out;
    }
}
