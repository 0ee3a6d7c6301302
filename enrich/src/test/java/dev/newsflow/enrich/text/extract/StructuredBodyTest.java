package dev.newsflow.enrich.text.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.enrich.text.BodyHtml;
import dev.newsflow.enrich.text.ExtractedArticle;
import dev.newsflow.enrich.text.ListMarker;
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
    void shouldResolveRelativeLinksAgainstTheArticlesAddressWhenThePageNamesNoBase() {
        String fragment = "<p>The strike was <a href=\"/news/rail-strike-called-off\">called off</a>.</p>";
        String relativeBase = "<!DOCTYPE html><html><head><base href=\"/archive/\"><title>Rail</title></head><body><article><p>"
                + STORY_1 + " <a href=\"strike.html\">Strike</a>.</p><p>" + STORY_2 + "</p></article></body></html>";

        assertThat(extractor.extract(fragment, true, "https://herald.example/2026/11/rail").bodyHtml())
                .isEqualTo("<p>The strike was <a href=\"https://herald.example/news/rail-strike-called-off\">called off</a>.</p>");
        assertThat(extractor.extract(relativeBase, true, "https://herald.example/2026/11/rail").bodyHtml())
                .contains("<a href=\"https://herald.example/archive/strike.html\">Strike</a>");
        assertThat(extractor.extract(fragment, true, "javascript:alert(1)").bodyHtml()).isEqualTo("<p>The strike was called off.</p>");
    }

    @Test
    void shouldNotRepeatTheHeadlineAboveTheStory() {
        String page = "<!DOCTYPE html><html><head><title>Match report</title></head><body><article><h1>City 2-1 United</h1>"
                + "<p>" + STORY_1 + "</p><p>" + STORY_2 + "</p></article></body></html>";

        // the page's h1 is kept, as Readability keeps it when the title says something else; the headline drops it
        ExtractedArticle article = extractor.extract(page, true);
        assertThat(article.bodyHtml()).startsWith("<h2>City 2-1 United</h2>");
        assertThat(article.withoutRepeatedHeadline("City 2–1 United!").bodyHtml()).isEqualTo("<p>" + STORY_1 + "</p><p>" + STORY_2 + "</p>");
        assertThat(article.withoutRepeatedHeadline("City 2-1 United").paragraphs()).containsExactly(STORY_1, STORY_2);
        assertThat(article.withoutRepeatedHeadline("Another headline")).isSameAs(article);
        assertThat(extractor.extract("<p>Only one</p>", true).withoutRepeatedHeadline("Only one").paragraphs()).containsExactly("Only one");
    }

    @Test
    void shouldKeepJoinersSuperscriptsAndAQuotationsAttributionAndDropControlAndDirectionCharacters() {
        String fragment = "<p>می\u200Cخواهم کتاب\u200Cها 👨\u200D💻 E=mc<sup>2</sup>, H<sub>2</sub>O.</p>"
                + "<p>Esc\u001B[31m red \u202Egnp.exe\u202C.</p><blockquote><p>We will build it.</p><footer>— The Board</footer></blockquote>";

        ExtractedArticle article = extractor.extract(fragment, true);

        // an exponent or a footnote's number as the superscript digit: "E=mc2" read as another formula
        assertThat(article.paragraphs()).containsExactly("می\u200Cخواهم کتاب\u200Cها 👨\u200D💻 E=mc², H2O.", "Esc[31m red gnp.exe.",
                "We will build it.", "— The Board");
        assertThat(article.bodyHtml()).isEqualTo("<p>می\u200Cخواهم کتاب\u200Cها 👨\u200D💻 E=mc², H<sub>2</sub>O.</p>"
                + "<p>Esc[31m red gnp.exe.</p><blockquote><p>We will build it.</p><p>— The Board</p></blockquote>");
    }

    @Test
    void shouldKeepAQuotationsAttributionInItsFigureAndDropLinksToPlacesInTheSourcePage() {
        String fragment = "<figure><blockquote><p>Quote here.</p></blockquote><figcaption>— Jane Doe, CEO</figcaption></figure>"
                + "<p>As noted<a href=\"#fn1\">1</a> and <a href=\"#top\">above</a>.</p>";

        assertThat(extractor.extract(fragment, true, "https://site.example/a/b").bodyHtml())
                .isEqualTo("<blockquote><p>Quote here.</p></blockquote><p>— Jane Doe, CEO</p><p>As noted1 and above.</p>");
    }

    @Test
    void shouldKeepAStoryTaggedWithASocialNetworksName() {
        String fragment = "<div class=\"post-12 post type-post tag-instagram category-tiktok\"><p>Meta said on Tuesday it would"
                + " change the rules.</p><p>The change starts next month.</p></div>";

        assertThat(extractor.extract(fragment, true).paragraphs())
                .containsExactly("Meta said on Tuesday it would change the rules.", "The change starts next month.");
    }

    @Test
    void shouldReadHostilyNestedMarkupInBoundedTime() {
        String inlines = "<p>Lead of the story.</p>" + "<i>".repeat(60_000) + "w ".repeat(150_000);
        String chrome = "<div class='share'>".repeat(20_000) + "w ".repeat(200_000);

        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> {
            assertThat(extractor.extract(inlines, true).bodyHtml()).startsWith("<p>Lead of the story.</p><p><em>w w");
            extractor.extract(chrome, true);
        });
    }

    @Test
    void shouldLeaveOutAnEmbedsFallbackText() {
        String fragment = "<p>" + STORY_1 + "</p><blockquote class=\"instagram-media\" data-instgrm-permalink=\"https://x\">"
                + "<p><a href=\"https://www.instagram.com/p/x/\">View this post on Instagram</a></p>"
                + "<p><a href=\"https://www.instagram.com/p/x/\">A post shared by Pop Star (@popstar)</a></p>"
                + "<p>" + "A long caption of the post, with many words in it. ".repeat(10) + "</p></blockquote>"
                + "<p>" + STORY_2 + "</p>";

        assertThat(extractor.extract(fragment, true).paragraphs()).containsExactly(STORY_1, STORY_2);
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
    void shouldKeepTwoListsInARowApartAndANestedOneInItsItem() {
        String fragment = "<ul><li>One</li><li>Two<ul><li>Two a</li></ul></li><li>Three</li></ul><ul><li>Other list</li></ul>";

        assertThat(extractor.extract(fragment, true).bodyHtml()).isEqualTo(
                "<ul><li>One</li><li>Two<ul><li>Two a</li></ul></li><li>Three</li></ul><ul><li>Other list</li></ul>");
    }

    @Test
    void shouldNestListsInTheirItemsThroughItemsOfSeveralParagraphs() {
        String fragment = "<ol><li><p>Step one</p><p>Explained.</p><ul><li>detail a<ul><li>deeper</li></ul></li>"
                + "<li>detail b</li></ul></li><li>Step two</li></ol><p>After the list.</p>";

        ExtractedArticle article = extractor.extract(fragment, true);

        assertThat(article.bodyHtml()).isEqualTo("<ol><li><p>Step one</p><p>Explained.</p><ul><li>detail a<ul>"
                + "<li>deeper</li></ul></li><li>detail b</li></ul></li><li>Step two</li></ol><p>After the list.</p>");
        assertThat(paragraphsOf(article.bodyHtml())).isEqualTo(article.paragraphs());
    }

    @Test
    void shouldShowListsNestedDeeperThanTheBoundFlatAndBalanced() {
        int levels = ParagraphCollector.MAX_LIST_NESTING + 4;
        StringBuilder fragment = new StringBuilder();
        for (int level = 1; level <= levels; level++) {
            fragment.append("<ul><li>level ").append(level);
        }
        fragment.append("</li></ul>".repeat(levels)).append("<ul><li>next list</li></ul>");

        ExtractedArticle article = extractor.extract(fragment.toString(), true);

        Element body = Jsoup.parseBodyFragment(article.bodyHtml()).body();
        int deepest = 0;
        for (Element list : body.select("ul")) {
            deepest = Math.max(deepest, (int) list.parents().stream().filter(e -> e.normalName().equals("ul")).count() + 1);
        }
        assertThat(deepest).isEqualTo(ParagraphCollector.MAX_LIST_NESTING);
        body.ownerDocument().outputSettings().prettyPrint(false);
        assertThat(body.html()).isEqualTo(article.bodyHtml()); // balanced: jsoup's parser moved nothing
        assertThat(paragraphsOf(article.bodyHtml())).isEqualTo(article.paragraphs());
        assertThat(body.select("body > ul")).hasSize(2);
        assertThat(body.select("body > ul").last().text()).isEqualTo("next list");
        // the lists nested deeper are paragraphs of the deepest item shown nested: the outer lists stay open
        Element deepestItem = body.select("li").get(ParagraphCollector.MAX_LIST_NESTING - 1);
        assertThat(deepestItem.select("> p").eachText()).isEqualTo(java.util.stream.IntStream
                .rangeClosed(ParagraphCollector.MAX_LIST_NESTING, levels).mapToObj(l -> "level " + l).toList());
    }

    @Test
    void shouldNotNumberAnItemAgainWhenAQuotationInItClosedIt() {
        String fragment = "<ol start=\"3\"><li>a<blockquote>quoted words</blockquote><p>tail one</p><p>tail two</p></li>"
                + "<li>b</li></ol>";

        ExtractedArticle article = extractor.extract(fragment, true);

        assertThat(article.bodyHtml()).isEqualTo("<ol start=\"3\"><li><p>a</p></li></ol><blockquote><p>quoted words</p>"
                + "</blockquote><p>tail one</p><p>tail two</p><ol start=\"4\"><li>b</li></ol>");
    }

    @Test
    void shouldReadListsNestedTensOfThousandsDeepInBoundedTime() {
        String ladder = "<p>Lead of the story.</p>" + "<ul><li>w".repeat(100_000); // 900 KB: within the body limit
        String quotes = "<blockquote>".repeat(30_000) + "<li>stray</li>".repeat(5_000);

        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () -> {
            assertThat(extractor.extract(ladder, true).paragraphs()).hasSize(100_001);
            assertThat(extractor.extract(quotes, true).paragraphs()).hasSize(5_000);
        });
    }

    @Test
    void shouldShowAListNestedInAQuotationInAnItemFlat() {
        String fragment = "<ul><li>One<blockquote><ul><li>quoted item</li></ul></blockquote></li><li>Two</li></ul>";

        ExtractedArticle article = extractor.extract(fragment, true);

        assertThat(article.bodyHtml()).isEqualTo("<ul><li>One</li></ul><ul><li>quoted item</li></ul><ul><li>Two</li></ul>");
    }

    @Test
    void shouldKeepPreformattedTextsLinesAndIndentsInTheBodyAndItsWordsInTheText() {
        String fragment = "<p>" + STORY_1 + "</p><pre><code>\n\n  if (wind &gt; 100) {\r\n      <b>warn</b>();   \n\n\n\n  }\n"
                + "</code></pre><p>" + STORY_2 + "</p>";

        ExtractedArticle article = extractor.extract(fragment, true);

        assertThat(article.bodyHtml()).isEqualTo("<p>" + STORY_1 + "</p><pre>  if (wind &gt; 100) {\n      <strong>warn"
                + "</strong>();\n\n  }</pre><p>" + STORY_2 + "</p>");
        assertThat(article.paragraphs()).containsExactly(STORY_1, "if (wind > 100) { warn(); }", STORY_2);
    }

    @Test
    void shouldReadAHighlightersLinesAndLineBreaksAsLinesOfOnePreformattedBlock() {
        String fragment = "<pre><div class=\"line\">$ make</div><div class=\"line\">$ make   install</div></pre>"
                + "<pre>one<br>two<br><br>three</pre>";

        ExtractedArticle article = extractor.extract(fragment, true);

        assertThat(article.bodyHtml()).isEqualTo("<pre>$ make\n$ make   install</pre><pre>one\ntwo\n\nthree</pre>");
        assertThat(article.paragraphs()).containsExactly("$ make $ make install", "one two three");
    }

    @Test
    void shouldBoundPreformattedWhiteSpaceAndKeepShortCodeLinesTheFilterWouldCut() {
        String fragment = "<p>" + STORY_1 + "</p><pre>" + " ".repeat(10_000) + "deep" + "\t".repeat(500) + "x</pre>"
                + "<pre>Comments</pre><p>" + STORY_2 + "</p>";

        ExtractedArticle article = extractor.extract(fragment, true);

        String indent = " ".repeat(ParagraphCollector.MAX_PRE_SPACE);
        String tabs = "\t".repeat(ParagraphCollector.MAX_PRE_SPACE);
        assertThat(article.bodyHtml()).isEqualTo("<p>" + STORY_1 + "</p><pre>" + indent + "deep" + tabs + "x</pre>"
                + "<pre>Comments</pre><p>" + STORY_2 + "</p>");
    }

    @Test
    void shouldBoundLineBreakRunsInPreformattedTextAndKeepATablesCellsApart() {
        String breaks = "<pre>one" + "<br>".repeat(1_000) + "two" + "<br>                 ".repeat(1_000) + "three</pre>";
        String table = "<pre><table><tr><td>1</td><td>const x = 1;</td></tr><tr><td>2</td><td>x++;</td></tr></table></pre>";

        assertThat(extractor.extract(breaks, true).bodyHtml()).isEqualTo("<pre>one\n\ntwo\n\n" + " ".repeat(17) + "three</pre>");
        ExtractedArticle article = extractor.extract(table, true);
        assertThat(article.paragraphs()).containsExactly("1 const x = 1; 2 x++;");
        assertThat(article.bodyHtml()).isEqualTo("<pre> 1 const x = 1;\n 2 x++;</pre>");
        assertThat(paragraphsOf(article.bodyHtml())).isEqualTo(article.paragraphs());
    }

    @Test
    void shouldShowCodeInAListItemAsAParagraphOfTheItem() {
        String fragment = "<ol><li>Run <pre>npm  install</pre></li></ol>";

        assertThat(extractor.extract(fragment, true).bodyHtml()).isEqualTo("<ol><li><p>Run</p><p>npm install</p></li></ol>");
    }

    @Test
    void shouldKeepANumberedListsNumbersThroughANestedListAndFromItsStart() {
        String nested = "<ol><li>Step one<ul><li>detail</li></ul></li><li>Step two</li></ol>";
        String started = "<ol start=\"5\"><li>Fifth</li><li>Sixth</li></ol>";

        assertThat(extractor.extract(nested, true).bodyHtml())
                .isEqualTo("<ol><li>Step one<ul><li>detail</li></ul></li><li>Step two</li></ol>");
        assertThat(extractor.extract(started, true).bodyHtml()).isEqualTo("<ol start=\"5\"><li>Fifth</li><li>Sixth</li></ol>");
    }

    @Test
    void shouldCountDownAReversedListAndFollowAnItemsOwnNumber() {
        assertThat(extractor.extract("<ol reversed start=\"3\"><li>three</li><li>two</li></ol>", true).bodyHtml())
                .isEqualTo("<ol reversed start=\"3\"><li>three</li><li>two</li></ol>");
        assertThat(extractor.extract("<ol reversed><li>c</li><li>b</li><li>a</li></ol>", true).bodyHtml())
                .isEqualTo("<ol reversed start=\"3\"><li>c</li><li>b</li><li>a</li></ol>");
        assertThat(extractor.extract("<ol><li>one</li><li value=\"10\">ten</li><li>eleven</li></ol>", true).bodyHtml())
                .isEqualTo("<ol><li>one</li><li value=\"10\">ten</li><li>eleven</li></ol>");
        assertThat(extractor.extract("<ol start=\"5\">Intro<li>five</li><li>six</li></ol>", true).bodyHtml())
                .isEqualTo("<ol start=\"5\"><li>Intro</li><li value=\"5\">five</li><li>six</li></ol>");
        assertThat(extractor.extract("<ol><li value=\"10\">ten</li><li>eleven</li></ol>", true).bodyHtml())
                .isEqualTo("<ol start=\"10\"><li>ten</li><li>eleven</li></ol>");
    }

    @Test
    void shouldReadEntitiesAFeedEscapedTwiceAsTheirCharactersButNotInCode() {
        ExtractedArticle article = extractor.extract("<p>The council&amp;#8217;s plan &amp;#8211; &amp;pound;2m.</p>"
                + "<pre>&amp;#8217; is a right quote</pre>", true);

        assertThat(article.paragraphs()).containsExactly("The council’s plan – £2m.", "&#8217; is a right quote");
        assertThat(article.bodyHtml()).startsWith("<p>The council’s plan – £2m.</p>");
    }

    @Test
    void shouldKeepANumberWithAFootnoteItself() {
        ExtractedArticle article = extractor.extract("<p>A crowd of 45,000<sup>1</sup> saw 10<sup>6</sup> dollars, "
                + "the 1<sup>st</sup> time, note<sup><a href=\"#fn2\">2</a></sup>.</p>", true);

        assertThat(article.paragraphs()).containsExactly("A crowd of 45,000¹ saw 10⁶ dollars, the 1st time, note2.");
        assertThat(article.bodyHtml()).isEqualTo("<p>A crowd of 45,000¹ saw 10⁶ dollars, the 1<sup>st</sup> time, note<sup>2</sup>.</p>");
    }

    @Test
    void shouldNumberAListWithTheLettersOrRomanNumeralsItsSourceUses() {
        // the text refers to "option (b)": a post must not show it as 2
        assertThat(extractor.extract("<ol type=\"a\"><li>one</li><li>two</li></ol>", true).bodyHtml())
                .isEqualTo("<ol type=\"a\"><li>one</li><li>two</li></ol>");
        assertThat(extractor.extract("<ol type=\"I\" start=\"4\"><li>four</li></ol>", true).bodyHtml())
                .isEqualTo("<ol type=\"I\" start=\"4\"><li>four</li></ol>");
        assertThat(extractor.extract("<ol style=\"margin:0; list-style-type: upper-alpha\" reversed><li>b</li><li>a</li></ol>",
                true).bodyHtml()).isEqualTo("<ol type=\"A\" reversed start=\"2\"><li>b</li><li>a</li></ol>");
        assertThat(extractor.extract("<ol style=\"list-style: lower-roman inside\" type=\"A\"><li>i</li></ol>", true)
                .bodyHtml()).isEqualTo("<ol type=\"i\"><li>i</li></ol>");
        // a nested list keeps its own style; a type HTML does not have is decimal
        assertThat(extractor.extract("<ol><li>one<ol type=\"a\"><li>sub</li></ol></li><li>two</li></ol>"
                + "<ol type=\"square\"><li>x</li></ol>", true).bodyHtml())
                .isEqualTo("<ol><li>one<ol type=\"a\"><li>sub</li></ol></li><li>two</li></ol><ol><li>x</li></ol>");
        assertThat(extractor.extract("<ol type=\"a\"><li>one</li></ol>", true).blocks())
                .extracting(TextBlock::marker).containsExactly(ListMarker.LOWER_ALPHA);
    }

    @Test
    void shouldKeepAnH1FurtherDownAFragmentAsASubheading() {
        String fragment = "<h1>Council backs trams</h1><p>Intro paragraph of the story here.</p><h1>Section one</h1><p>More.</p>";

        ExtractedArticle article = extractor.extract(fragment, true);

        assertThat(article.title()).isEqualTo("Council backs trams");
        assertThat(article.bodyHtml()).isEqualTo("<p>Intro paragraph of the story here.</p><h2>Section one</h2><p>More.</p>");
    }

    @Test
    void shouldNotNumberAnItemAgainWhereItGoesOnAfterAListNestedInIt() {
        String fragment = "<ol start=\"7\"><li>Seven</li><li>Eight<ol><li>x</li></ol>more eight</li><li>Nine</li></ol>";

        ExtractedArticle article = extractor.extract(fragment, true);

        assertThat(article.bodyHtml()).isEqualTo("<ol start=\"7\"><li>Seven</li><li><p>Eight</p><ol><li>x</li></ol>"
                + "<p>more eight</p></li><li>Nine</li></ol>");
        assertThat(paragraphsOf(article.bodyHtml())).isEqualTo(article.paragraphs());
    }

    @Test
    void shouldKeepTheParagraphsOfOneListItemInOneItem() {
        String fragment = "<ol><li><p>First, a.</p><p>Still the first.</p></li><li><p>Second.</p></li></ol>";

        ExtractedArticle article = extractor.extract(fragment, true);

        assertThat(article.bodyHtml()).isEqualTo("<ol><li><p>First, a.</p><p>Still the first.</p></li><li>Second.</li></ol>");
        assertThat(paragraphsOf(article.bodyHtml())).isEqualTo(article.paragraphs());
    }

    @Test
    void shouldKeepTheBodyAboutTheSizeOfItsTextWhateverTheMarkup() {
        StringBuilder held = new StringBuilder("<b>".repeat(200) + "<i>".repeat(200));
        for (int i = 0; i < 2_000; i++) {
            held.append("<p>word ").append(i).append(" here</p>");
        }
        StringBuilder linked = new StringBuilder("<a href='https://ex.example/" + "x".repeat(1_500) + "'>");
        for (int i = 0; i < 5_000; i++) {
            linked.append("w<br><br>");
        }

        for (String body : new String[]{held.toString(), linked.toString()}) {
            ExtractedArticle article = extractor.extract(body, true);
            assertThat(article.bodyHtml().length()).isLessThanOrEqualTo(ExtractedArticle.MAX_MARKUP_RATIO
                    * (article.text().length() + 7 * article.paragraphs().size()) + 4_096);
            assertThat(paragraphsOf(article.bodyHtml())).isEqualTo(article.paragraphs());
        }
        // a bold in a bold adds nothing, and a link far too long is no link
        assertThat(extractor.extract("<p><b>a <b>b</b> c</b> <a href='https://ex.example/" + "y".repeat(3_000) + "'>d</a></p>",
                true).bodyHtml()).isEqualTo("<p><strong>a b c</strong> d</p>");
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
                new TextBlock("a", TextBlock.Kind.QUOTE, 1, 0, 0, 0, false, ListMarker.DECIMAL, "a"),
                new TextBlock("b", TextBlock.Kind.QUOTE, 2, 0, 0, 0, false, ListMarker.DECIMAL, "b"),
                new TextBlock("c", TextBlock.Kind.NUMBERED, 3, 4, 0, 1, false, ListMarker.DECIMAL, "c"),
                new TextBlock("d", TextBlock.Kind.BULLET, 3, 5, 0, 0, false, ListMarker.DECIMAL, "d"),
                TextBlock.paragraph("e & f"));

        assertThat(BodyHtml.render(blocks)).isEqualTo("<blockquote><p>a</p></blockquote><blockquote><p>b</p></blockquote>"
                + "<ol><li>c</li></ol><ul><li>d</li></ul><p>e &amp; f</p>");
    }

    @Test
    void shouldKeepADataTableWithItsHeadCellsAndSpans() {
        String fragment = "<p>" + STORY_1 + "</p><table><caption>Top two</caption><thead><tr><th>Club</th><th>Played"
                + "</th><th>Points</th></tr></thead><tbody><tr><td><b>Harbour City</b></td><td>12</td><td> 28 </td></tr>"
                + "<tr><td>Redmoor<br>Athletic</td><td></td><td>25</td></tr><tr><td colspan=\"2\">Total</td><td>53</td>"
                + "</tr></tbody></table><p>" + STORY_2 + "</p>";

        ExtractedArticle article = extractor.extract(fragment, true);

        assertThat(article.paragraphs()).containsExactly(STORY_1, "Top two", "Club Played Points", "Harbour City 12 28",
                "Redmoor Athletic 25", "Total 53", STORY_2);
        assertThat(article.bodyHtml()).isEqualTo("<p>" + STORY_1 + "</p><p>Top two</p><table><thead><tr><th>Club</th>"
                + "<th>Played</th><th>Points</th></tr></thead><tbody><tr><td><strong>Harbour City</strong></td><td>12</td>"
                + "<td>28</td></tr><tr><td>Redmoor Athletic</td><td></td><td>25</td></tr><tr><td colspan=\"2\">Total</td>"
                + "<td>53</td></tr></tbody></table><p>" + STORY_2 + "</p>");
        assertThat(paragraphsOf(article.bodyHtml())).isEqualTo(article.paragraphs());
    }

    @Test
    void shouldTakeARowOfHeadCellsAsTheTablesHeadAndCloseInlineElementsInEachCell() {
        String fragment = "<p>" + STORY_1 + "</p><b><table><tr><th>Year</th><th>Riders</th></tr><tr><td>2024</td>"
                + "<td>1.2m</td></tr><tr><th>2025</th><td>1.4m</td></tr></table></b>";

        assertThat(extractor.extract(fragment, true).bodyHtml()).isEqualTo("<p>" + STORY_1 + "</p><table><thead><tr>"
                + "<th><strong>Year</strong></th><th><strong>Riders</strong></th></tr></thead><tbody><tr><td><strong>2024"
                + "</strong></td><td><strong>1.2m</strong></td></tr><tr><th><strong>2025</strong></th><td><strong>1.4m"
                + "</strong></td></tr></tbody></table>");
    }

    @Test
    void shouldReadTablesThatLayOutAPageAsParagraphsAsBefore() {
        String layout = "<table><tr><td><p>" + STORY_1 + "</p></td><td>Menu</td></tr><tr><td><p>" + STORY_2
                + "</p></td><td>More</td></tr></table>";
        String presentation = "<table role=\"presentation\"><tr><td>" + STORY_1 + "</td><td>a</td></tr><tr><td>"
                + STORY_2 + "</td><td>b</td></tr></table>";
        String nested = "<table><tr><td>Outer</td><td><table><tr><td>In</td><td>ner</td></tr><tr><td>x</td><td>y</td>"
                + "</tr></table></td></tr><tr><td>a</td><td>b</td></tr></table><p>" + STORY_1 + "</p>";
        String oneColumn = "<table><tr><td>" + STORY_1 + "</td></tr><tr><td>" + STORY_2 + "</td></tr></table>";
        String longCells = "<table><tr><td>" + STORY_1 + " " + STORY_2 + " " + STORY_1 + "</td><td>a</td></tr><tr><td>b"
                + "</td><td>c</td></tr></table>";

        for (String html : List.of(layout, presentation, nested, oneColumn, longCells)) {
            ExtractedArticle article = extractor.extract(html, true);
            assertThat(article.bodyHtml()).as(html).doesNotContain("<table", "<td", "<tr");
            assertThat(paragraphsOf(article.bodyHtml())).as(html).isEqualTo(article.paragraphs());
        }
    }

    @Test
    void shouldKeepEveryRowOfATableOfShortLinesAndDatesAndTheHeadOfEachTable() {
        String hours = "<p>" + STORY_1 + "</p><table><tr><th>Day</th><th>Opens</th><th>Closes</th></tr>"
                + "<tr><td>Monday</td><td>09:00</td><td>17:00</td></tr><tr><td>Tuesday</td><td>09:00</td><td>17:00</td></tr>"
                + "<tr><td>Friday 5 March</td><td>10:00</td><td>16:00</td></tr></table>"
                + "<p>" + STORY_2 + "</p><table><tr><th>Line</th><th>Stops</th></tr><tr><td>North</td><td>12</td></tr></table>";

        ExtractedArticle article = extractor.extract(hours, true);

        assertThat(article.paragraphs()).contains("Monday 09:00 17:00", "Tuesday 09:00 17:00", "Friday 5 March 10:00 16:00");
        assertThat(article.bodyHtml()).contains("<p>" + STORY_2 + "</p><table><thead><tr><th>Line</th><th>Stops</th></tr>"
                + "</thead><tbody><tr><td>North</td><td>12</td></tr></tbody></table>");
        assertThat(paragraphsOf(article.bodyHtml())).isEqualTo(article.paragraphs());
    }

    @Test
    void shouldReadCellsThatWrapTheirWordsInParagraphsAsWordAndGoogleDocsWriteThem() {
        String pasted = "<p>" + STORY_1 + "</p><table><tbody><tr><td><p class=\"MsoNormal\">Party</p></td><td><p>Seats</p>"
                + "</td></tr><tr><td><div dir=\"ltr\"><p>Labour</p></div></td><td><p>412</p><p>(+211)</p></td></tr></tbody></table>";

        ExtractedArticle article = extractor.extract(pasted, true);

        assertThat(article.paragraphs()).containsExactly(STORY_1, "Party Seats", "Labour 412 (+211)");
        assertThat(article.bodyHtml()).isEqualTo("<p>" + STORY_1 + "</p><table><tbody><tr><td>Party</td><td>Seats</td></tr>"
                + "<tr><td>Labour</td><td>412 (+211)</td></tr></tbody></table>");
    }

    @Test
    void shouldTakeAMatrixHeadWithAnEmptyCornerAsTheHeadAndATableOfHeadCellsAsABody() {
        String matrix = "<table><tr><td></td><th>2024</th><th>2025</th></tr><tr><th>Riders</th><td>1.2m</td><td>1.4m</td>"
                + "</tr></table>";
        String keys = "<table><tr><th>Born</th><th>1961</th></tr><tr><th>Party</th><th>Labour</th></tr></table>";

        assertThat(extractor.extract(matrix, true).bodyHtml()).isEqualTo("<table><thead><tr><td></td><th>2024</th>"
                + "<th>2025</th></tr></thead><tbody><tr><th>Riders</th><td>1.2m</td><td>1.4m</td></tr></tbody></table>");
        assertThat(extractor.extract(keys, true).bodyHtml()).isEqualTo("<table><tbody><tr><th>Born</th><th>1961</th>"
                + "</tr><tr><th>Party</th><th>Labour</th></tr></tbody></table>");
    }

    @Test
    void shouldLeaveATableInsideAListItemToTheItemAndKeepTheListWhole() {
        String fragment = "<ul><li>Item one<table><tr><td>x</td><td>1</td></tr><tr><td>y</td><td>2</td></tr></table>rest of"
                + " item one</li><li>Item two</li></ul>";

        ExtractedArticle article = extractor.extract(fragment, true);

        assertThat(article.bodyHtml()).isEqualTo("<ul><li><p>Item one</p><p>x 1</p><p>y 2</p><p>rest of item one</p></li>"
                + "<li>Item two</li></ul>");
    }

    @Test
    void shouldShowATablesFootAfterItsBodyWhereverTheSourcePutsIt() {
        String fragment = "<table><thead><tr><th>Club</th><th>Goals</th></tr></thead><tfoot><tr><td>Total</td><td>3</td>"
                + "</tr></tfoot><tbody><tr><td>Harbour City</td><td>2</td></tr><tr><td>Redmoor</td><td>1</td></tr></tbody></table>";

        ExtractedArticle article = extractor.extract(fragment, true);

        assertThat(article.paragraphs()).containsExactly("Club Goals", "Harbour City 2", "Redmoor 1", "Total 3");
        assertThat(article.bodyHtml()).isEqualTo("<table><thead><tr><th>Club</th><th>Goals</th></tr></thead><tbody><tr>"
                + "<td>Harbour City</td><td>2</td></tr><tr><td>Redmoor</td><td>1</td></tr><tr><td>Total</td><td>3</td></tr>"
                + "</tbody></table>");
    }

    @Test
    void shouldStillDropATableRowThatIsChrome() {
        String fragment = "<p>" + STORY_1 + "</p><table><tr><td>Harbour City</td><td>2</td></tr><tr><td>Redmoor</td>"
                + "<td>1</td></tr><tr><td>Advertisement</td></tr><tr><td>Sign up for our newsletter</td></tr></table>";

        assertThat(extractor.extract(fragment, true).paragraphs()).containsExactly(STORY_1, "Harbour City 2", "Redmoor 1");
    }

    @Test
    void shouldShowATableWithOneRowLeftAsAParagraph() {
        String fragment = "<p>" + STORY_1 + "</p><table><tr><td>Harbour City</td><td>2</td></tr>"
                + "<tr style=\"display:none\"><td>Redmoor</td><td>1</td></tr></table>";

        assertThat(extractor.extract(fragment, true).bodyHtml()).isEqualTo("<p>" + STORY_1 + "</p><p>Harbour City 2</p>");
        // a hidden row is no row: this table never was one of two rows
        assertThat(ParagraphCollector.isDataTable(Jsoup.parseBodyFragment(fragment).selectFirst("table"))).isFalse();
    }

    @Test
    void shouldNotLetEmptySpannedCellsBlowUpTheBody() {
        String bomb = "<table><tr><td>a" + "<td colspan=99>".repeat(2_400) + "<tr><td>b<td>c</table>";
        String trailing = "<p>" + STORY_1 + "</p><table><tr><td>a</td><td>b</td>" + "<td colspan=\"99\"></td>".repeat(50)
                + "</tr><tr><td>c</td><td>d</td></tr></table>";

        ExtractedArticle article = extractor.extract(bomb, true);

        assertThat(article.bodyHtml().length()).isLessThan(3 * article.text().length() + 4_096 + 100);
        assertThat(extractor.extract(trailing, true).bodyHtml()).contains("<tr><td>a</td><td>b</td></tr>");
    }

    @Test
    void shouldReadAHugeOrDeeplyNestedTableQuicklyAndAsParagraphs() {
        StringBuilder big = new StringBuilder("<p>" + STORY_1 + "</p><table>");
        for (int i = 0; i < 3_000; i++) {
            big.append("<tr><td>").append(i).append("</td><td>x</td></tr>");
        }
        String nested = "<table><tr><td>".repeat(5_000) + "deep" + "</td></tr></table>".repeat(5_000) + "<p>" + STORY_1 + "</p>";

        String bigHtml = big.append("</table>").toString();

        // a table is judged in at most MAX_TABLE_NODES nodes, and a table inside another stops the judging at once
        assertThat(ParagraphCollector.isDataTable(Jsoup.parseBodyFragment(bigHtml).selectFirst("table"))).isFalse();
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), () -> { // a hang guard
            assertThat(extractor.extract(bigHtml, true).bodyHtml()).doesNotContain("<table").contains("<p>2999 x</p>");
            assertThat(extractor.extract(nested, true).paragraphs()).contains("deep", STORY_1);
        });
    }

    /**
     * The text of each block element of the body, counted as docs/consumers.md tells a site to (embeds are placed by
     * it): every p, h2, h3, pre, table row and list item is one, an item of several paragraphs counted by its p's; an
     * item with a list nested in it comes before the nested list's items.
     */
    static List<String> paragraphsOf(String bodyHtml) {
        List<String> out = new ArrayList<>();
        for (Element e : Jsoup.parseBodyFragment(bodyHtml).body().select("p, li, h2, h3, tr, pre")) {
            if (e.normalName().equals("li")) { // an item of paragraphs by them, else by its words before a nested list
                if (e.selectFirst("> p") == null) {
                    Element own = e.clone();
                    own.select("> ul, > ol").remove();
                    out.add(own.text());
                }
            } else { // a pre's lines are one paragraph of the text
                out.add(e.normalName().equals("pre") ? e.text().replaceAll("\\s+", " ").strip() : e.text());
            }
        }
        return out;
    }
}
