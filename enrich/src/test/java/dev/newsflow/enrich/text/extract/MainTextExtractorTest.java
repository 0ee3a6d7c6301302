package dev.newsflow.enrich.text.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.enrich.text.ExtractedArticle;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MainTextExtractorTest {

    private static final String STORY_1 = "The city council voted on Tuesday to expand the tram network to the northern "
            + "suburbs, a project that has been debated for more than a decade and will cost an estimated 1.2 billion.";
    private static final String STORY_2 = "Construction is expected to begin next spring, and the first trams could run "
            + "by 2029, according to the transport department, which said the line would carry 40,000 people a day.";
    private static final String STORY_3 = "Opponents argued that the money would be better spent on buses, but the "
            + "measure passed by a wide margin after residents of the affected districts spoke in favour of it.";

    private final MainTextExtractor extractor = new MainTextExtractor();

    @Test
    void shouldKeepOnlyArticleParagraphsOfAWholePage() {
        String page = """
                <!DOCTYPE html><html><head><title>Council backs tram extension | City Herald</title></head><body>
                <header><nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li>
                  <li><a href="/sport">Sport</a></li></ul></nav></header>
                <div id="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
                <main><article class="post">
                  <h1>Council backs tram extension</h1>
                  <p>%s</p><p>%s</p>
                  <div class="newsletter-box"><p>Stay in the loop with our weekly roundup of the best stories</p></div>
                  <p>%s</p>
                  <div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
                </article>
                <section class="related-posts"><h3>Related posts</h3><ul>
                  <li><a href="/a">Bus fares to rise in January</a></li><li><a href="/b">New bridge opens</a></li></ul></section>
                <section id="comments"><h3>3 Comments</h3><p>Great news, finally! I have waited for this tram, it is about time.</p></section>
                </main>
                <footer><p>Copyright 2026 City Herald. All rights reserved.</p></footer>
                </body></html>
                """.formatted(STORY_1, STORY_2, STORY_3);

        ExtractedArticle article = extractor.extract(page, true);

        assertThat(article.paragraphs()).containsExactly(STORY_1, STORY_2, STORY_3);
        assertThat(article.title()).isEqualTo("Council backs tram extension");
    }

    @Test
    void shouldReadAPageNestedDeeperThanAnyRealOneWholeInsteadOfScoringIt() {
        String page = "<html><head><title>Deep</title></head><body>" + "<div>".repeat(8_000)
                + "<p>The striker scored twice in the cup final on Saturday evening at the stadium.</p>"
                + "</div>".repeat(8_000) + "</body></html>";

        assertThat(MainTextExtractor.deeperThan(org.jsoup.Jsoup.parse(page), MainTextExtractor.MAX_SCORED_DEPTH)).isTrue();
        assertThat(extractor.extract(page, true).text()).contains("The striker scored twice");
        assertThat(MainTextExtractor.deeperThan(org.jsoup.Jsoup.parse("<html><body><div><p>x</p></div></body></html>"),
                MainTextExtractor.MAX_SCORED_DEPTH)).isFalse();
        // not as deep, but holding a megabyte of text 480 levels down: each container would read it all again
        String heavy = "<html><body>" + "<div><section><ul><li>".repeat(120)
                + "<p><a href=\"https://e.com/x\">The minister said the budget would rise next year</a></p>".repeat(11_500);
        assertThat(MainTextExtractor.deeperThan(org.jsoup.Jsoup.parse(heavy), MainTextExtractor.MAX_SCORED_DEPTH)).isFalse();
        assertThat(MainTextExtractor.tooCostlyToScore(org.jsoup.Jsoup.parse(heavy))).isTrue();
        assertThat(MainTextExtractor.tooCostlyToScore(org.jsoup.Jsoup.parse(
                "<html><body>" + "<div>".repeat(30) + "<p>The minister said the budget would rise.</p>".repeat(5_000)))).isFalse();
    }

    @Test
    void shouldDropHalfASurrogatePairAnEntityMadeButKeepWholeOnes() {
        // "&#xD800;" decodes to half a pair: UTF-8 cannot carry it (Avro wrote '?', the body "&#xd800;")
        ExtractedArticle html = extractor.extract("<p>The minister&#xD800; said the budget&#xDFFF; would rise 🎉.</p>", true);
        ExtractedArticle plain = extractor.extract("The minister&#xD800; said the budget would rise 🎉.", false);

        for (ExtractedArticle article : java.util.List.of(html, plain)) {
            assertThat(article.text()).startsWith("The minister said the budget").endsWith("rise 🎉.");
            assertThat(article.text().chars().filter(c -> Character.isSurrogate((char) c)).count()).isEqualTo(2);
            assertThat(article.bodyHtml()).doesNotContain("&#xd800;").doesNotContain("&#xdfff;").contains("🎉");
        }
    }

    @Test
    void shouldDropChromeLinesFromAFragmentAndTakeTheByline() {
        String fragment = """
                <p>Post by : Jane Doe</p>
                <p>You have not yet added any article to your bookmarks!</p>
                <p>%s</p>
                <p>Join 10k+ people to get notified about new posts</p>
                <p>Do not worry we don't spam!</p>
                <p>%s</p>
                """.formatted(STORY_1, STORY_2);

        ExtractedArticle article = extractor.extract(fragment, true);

        assertThat(article.byline()).isEqualTo("Jane Doe");
        assertThat(article.paragraphs()).containsExactly(STORY_1, STORY_2);
    }

    @Test
    void shouldSplitPlainTextOnBlankLinesAndDropChrome() {
        String text = "By John Smith\n\n" + STORY_1 + "\n\n  " + STORY_2.replace(", and ", ",\n  and ")
                + "\n\nShare this article\n\nRelated posts\n\nBus fares to rise in January\n\nNew bridge opens\n";

        ExtractedArticle article = extractor.extract(text, false);

        assertThat(article.byline()).isEqualTo("John Smith");
        assertThat(article.paragraphs()).containsExactly(STORY_1, STORY_2);
        assertThat(article.text()).isEqualTo(STORY_1 + "\n\n" + STORY_2);
    }

    @Test
    void shouldReadDateBylineAndHeadlineFromJsonLdAndMetaTags() {
        String page = """
                <html><head>
                <meta property="og:title" content="OpenGraph title">
                <meta name="author" content="Meta Author">
                <meta property="article:published_time" content="2024-01-02T03:04:05+01:00">
                <script type="application/ld+json">
                {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Herald"},
                 {"@type":"NewsArticle","headline":"Council backs tram extension",
                  "datePublished":"2024-03-05T10:15:00Z","author":[{"@type":"Person","name":"Jane Doe"},{"name":"Li Wei"}]}]}
                </script></head><body><article><p>%s</p><p>%s</p></article></body></html>
                """.formatted(STORY_1, STORY_2);

        ExtractedArticle article = extractor.extract(page, true);

        assertThat(article.title()).isEqualTo("Council backs tram extension");
        assertThat(article.byline()).isEqualTo("Jane Doe, Li Wei");
        assertThat(article.published()).isEqualTo(Instant.parse("2024-03-05T10:15:00Z"));
    }

    @Test
    void shouldReadJsonLdWrappedInCdata() {
        for (String[] wrap : new String[][] {{"<![CDATA[", "]]>"}, {"//<![CDATA[", "//]]>"}, {"/* <![CDATA[ */", "/* ]]> */"}}) {
            String page = """
                    <html><head><meta property="article:published_time" content="2024-01-02T03:04:05+01:00">
                    <script type="application/ld+json">
                    %s
                    {"@type":"NewsArticle","datePublished":"2024-03-05T10:15:00Z","author":{"name":"Jane Doe"}}
                    %s
                    </script></head><body><article><p>%s</p><p>%s</p></article></body></html>
                    """.formatted(wrap[0], wrap[1], STORY_1, STORY_2);

            ExtractedArticle article = extractor.extract(page, true);

            assertThat(article.byline()).as(wrap[0]).isEqualTo("Jane Doe");
            assertThat(article.published()).as(wrap[0]).isEqualTo(Instant.parse("2024-03-05T10:15:00Z"));
        }
    }

    @Test
    void shouldNotTakeAJsonLdDescriptionForTheHeadline() {
        String page = """
                <html><head><title>New Zealand - Wikipedia</title><meta property="og:site_name" content="Wikipedia">
                <script type="application/ld+json">{"@type":"Article","name":"New Zealand",
                "headline":"constitutional monarchy in Oceania","datePublished":"2002-01-02T00:00:00Z"}</script>
                </head><body><article><p>%s</p><p>%s</p></article></body></html>
                """.formatted(STORY_1, STORY_2);

        assertThat(extractor.extract(page, true).title()).isEqualTo("New Zealand");
    }

    @Test
    void shouldIgnoreADateOutsideTheYearsAnArticleCanCarry() {
        // year +300000000 parses, and would overflow Avro's timestamp-millis when the article is written
        String page = """
                <html><head>
                <meta property="article:published_time" content="2024-01-02T03:04:05+01:00">
                <script type="application/ld+json">
                {"@type":"NewsArticle","headline":"Council backs tram extension","datePublished":"+300000000-01-01T00:00:00Z"}
                </script></head><body><article><p>%s</p><p>%s</p></article></body></html>
                """.formatted(STORY_1, STORY_2);

        assertThat(extractor.extract(page, true).published()).isEqualTo(Instant.parse("2024-01-02T02:04:05Z"));
        assertThat(PageMetadata.parseInstant("1066-10-14")).isNull();
    }

    @Test
    void shouldFallBackToMetaTagsWithoutJsonLd() {
        String page = """
                <html><head><title>Tram | Herald</title>
                <meta name="author" content="By Meta Author | Meta Author">
                <meta property="article:published_time" content="2024-01-02T03:04:05+01:00">
                </head><body><article><p>%s</p><p>%s</p></article></body></html>
                """.formatted(STORY_1, STORY_2);

        ExtractedArticle article = extractor.extract(page, true);

        assertThat(article.byline()).isEqualTo("Meta Author");
        assertThat(article.published()).isEqualTo(Instant.parse("2024-01-02T02:04:05Z"));
    }

    @Test
    void shouldTakeTheBylineFromABylineElementWhenMetadataHasNone() {
        String page = """
                <html><head><title>Tram</title></head><body><div class="story-byline">By Jane Doe</div>
                <article><p>%s</p><p>%s</p></article></body></html>
                """.formatted(STORY_1, STORY_2);

        assertThat(extractor.extract(page, true).byline()).isEqualTo("Jane Doe");
    }

    @Test
    void shouldDecodeEntities() {
        ExtractedArticle article = extractor.extract(
                "<p>Fish &amp; chips cost &pound;5 &mdash; &quot;cheap&quot;&nbsp;now &#8364;6 &#x263A;</p>", true);

        assertThat(article.text()).isEqualTo("Fish & chips cost £5 — \"cheap\" now €6 ☺");
    }

    @Test
    void shouldNeverPutScriptOrStyleInTheText() {
        String page = """
                <html><head><style>p { color: red; }</style></head><body><article>
                <p>%s</p><script>var tracking = "secret-token";</script>
                <p>%s<style>.x{display:block}</style></p><noscript>Enable JavaScript to continue</noscript>
                </article></body></html>
                """.formatted(STORY_1, STORY_2);

        ExtractedArticle page1 = extractor.extract(page, true);
        ExtractedArticle fragment = extractor.extract("<p>" + STORY_1 + "</p><script>alert('x')</script><style>b{}</style>", true);

        assertThat(page1.text()).doesNotContain("tracking", "color", "display", "JavaScript").contains(STORY_2);
        assertThat(fragment.text()).isEqualTo(STORY_1);
    }

    @Test
    void shouldNeverPublishHiddenNotesOrStruckOutText() {
        String fragment = "<div class=\"note\" hidden>Do not run before 6pm: source is the aide Tom Brown.</div>"
                + "<p>" + STORY_1 + "</p><p style=\"color:red; display:\tnone !important\">EDITOR NOTE: witness is Jane"
                + " Smith.</p><p style=\"Visibility:Hidden\">LAWYER: hold this.</p>"
                + "<p><span aria-hidden=\"true\">P</span><span class=\"sr-only\">P</span>olice said <del>five</del> <ins>three</ins> people were hurt,"
                + " down from <s>£80</s> £60.</p><details><p hidden=\"until-found\">" + STORY_2 + "</p></details>"
                + "<p style=\"background:url(display:none.png)\">Shown.</p>";

        ExtractedArticle article = extractor.extract(fragment, true);

        // aria-hidden hides from screen readers only (a drop cap), and <s> shows what readers are meant to see
        assertThat(article.paragraphs()).containsExactly(STORY_1, "Police said three people were hurt, down from £80 £60.",
                STORY_2, "Shown.");
    }

    @Test
    void shouldReadWhatABrowserShowsAfterAnUnclosedSvg() {
        ExtractedArticle svg = extractor.extract("<p>" + STORY_1 + "</p><svg/onload=alert(2)><circle r=\"1\">drawing"
                + "</circle><p>" + STORY_2 + "</p><p>Opposition councillors voted against.</p>", true);
        ExtractedArticle closed = extractor.extract("<p>" + STORY_1 + "</p><svg><text>Chart label</text></svg><p>"
                + STORY_2 + "</p>", true);

        ExtractedArticle nested = extractor.extract("<p>" + STORY_1 + "</p><svg><g><path d=\"M0\"><p>" + STORY_2
                + "</p></g><p>Opposition councillors voted against.</p>", true);
        ExtractedArticle page = extractor.extract("<html><body><article><p>" + STORY_1 + "</p><svg><g><p>" + STORY_2
                + "</p><p>" + STORY_1 + "</p></article></body></html>", true);

        assertThat(svg.paragraphs()).containsExactly(STORY_1, STORY_2, "Opposition councillors voted against.");
        assertThat(nested.paragraphs()).containsExactly(STORY_1, STORY_2, "Opposition councillors voted against.");
        assertThat(page.text()).contains(STORY_2);
        assertThat(closed.paragraphs()).containsExactly(STORY_1, STORY_2);
    }

    @Test
    void shouldKeepARealSentenceThatMentionsANewsletter() {
        String sentence = "In its latest newsletter, the union said members would vote on the offer next week.";
        ExtractedArticle article = extractor.extract("<p>" + sentence + "</p><p>Subscribe to our newsletter</p>", true);

        assertThat(article.paragraphs()).containsExactly(sentence);
    }

    @Test
    void shouldTakeHeadlineAndDateFromAFragmentAndDropTheDatelineFromItsText() {
        String fragment = "<h1>Council backs tram extension</h1><time datetime=\"2024-03-05\">5 March</time><p>" + STORY_1 + "</p>";

        ExtractedArticle article = extractor.extract(fragment, true);

        assertThat(article.title()).isEqualTo("Council backs tram extension");
        assertThat(article.published()).isEqualTo(Instant.parse("2024-03-05T00:00:00Z"));
        assertThat(article.paragraphs()).containsExactly(STORY_1);
    }

    @Test
    void shouldSkipChromeContainersOfAFragment() {
        String fragment = "<p>" + STORY_1 + "</p><div class=\"newsletter-signup\"><p>Stay in the loop with our weekly roundup of the best stories</p></div>"
                + "<aside><p>Most read today: something else entirely different here</p></aside><p>" + STORY_2 + "</p>";

        assertThat(extractor.extract(fragment, true).paragraphs()).containsExactly(STORY_1, STORY_2);
    }

    @Test
    void shouldKeepAFragmentWrapperWhoseClassHappensToNameChrome() {
        String fragment = "<div class=\"entry-content social-ready\"><p>" + STORY_1 + "</p><p>" + STORY_2 + "</p>"
                + "<div class=\"related-posts\"><a href=\"/a\">Bus fares to rise in January after a long debate in the council</a>"
                + " <a href=\"/b\">New bridge opens on the river to traffic in both directions from Monday morning on</a>"
                + " <a href=\"/c\">Mayor to stand again at next year's election, her office confirmed on Thursday night</a>"
                + " <a href=\"/d\">Heavy rain expected across the region over the weekend, forecasters say</a></div></div>";

        assertThat(extractor.extract(fragment, true).paragraphs()).containsExactly(STORY_1, STORY_2);
    }

    @Test
    void shouldTreatHtmlWithoutTagsAsPlainText() {
        ExtractedArticle article = extractor.extract(STORY_1 + "\n\n" + STORY_2, true);

        assertThat(article.paragraphs()).containsExactly(STORY_1, STORY_2);
    }

    @Test
    void shouldDecodeTheEntitiesOfTextACmsStoredEscaped() {
        ExtractedArticle article = extractor.extract("Marlow &amp; Finch said &quot;no&quot; to AT&#38;T.\n\n"
                + "Fish & chips &c. stay as written, and so does R&D;", false);

        assertThat(article.paragraphs()).containsExactly("Marlow & Finch said \"no\" to AT&T.",
                "Fish & chips &c. stay as written, and so does R&D;");
    }

    @Test
    void shouldTurnLineAndParagraphSeparatorsIntoSpaces() {
        assertThat(extractor.extract("First line\u2028second line.\u2029Third\u0085part.", false).paragraphs())
                .containsExactly("First line second line. Third part.");
        assertThat(extractor.extract("<p>First line\u2028second line.</p>", true).paragraphs())
                .containsExactly("First line second line.");
    }

    @Test
    void shouldReadMarkupACmsStoredEscapedAsMarkup() {
        ExtractedArticle article = extractor.extract("Shares of Microsoft Corp. &lt;A HREF=\"http://www.investor.example/"
                + "q?t=MSFT.O\"&gt;MSFT.O&lt;/A&gt; rose. &lt;script&gt;alert(1)&lt;/script&gt;Power was cut.\n\n"
                + "The a &lt; b rule and the &lt;table&gt; tag stay text.", false);

        assertThat(article.paragraphs()).containsExactly("Shares of Microsoft Corp. rose. Power was cut.",
                "The a < b rule and the <table> tag stay text.");
        assertThat(extractor.extract("Oracle Corp. <ORCL.O> said on Thursday it extended its offer.", false).text())
                .isEqualTo("Oracle Corp. said on Thursday it extended its offer.");
        assertThat(extractor.extract("Dell Inc. &lt;A HREF=\"http://q.example/?t=DELL.O\"&gt;DELL.O&lt;/A&gt;, a day after"
                + " Google &lt;A HREF=\"x\"&gt;GOOG.OQ&lt;/A&gt; rose.", false).text())
                .isEqualTo("Dell Inc., a day after Google rose.");
    }

    @Test
    void shouldReturnNothingForABlankBody() {
        assertThat(extractor.extract("  ", true).paragraphs()).isEmpty();
        assertThat(extractor.extract(null, false).text()).isEmpty();
    }

    @Test
    void shouldTakeTheJsonLdPublishersNameOffTheHeadline() {
        for (String publisher : new String[] {"{\"@type\":\"Organization\",\"name\":\"City Herald\"}",
                "[{\"@type\":\"Organization\",\"name\":\"City Herald\"}]", "\"City Herald\""}) {
            String page = """
                    <html><head><script type="application/ld+json">
                    {"@type":"NewsArticle","headline":"Council backs tram extension | City Herald","publisher":%s}
                    </script></head><body><article><p>%s</p><p>%s</p></article></body></html>
                    """.formatted(publisher, STORY_1, STORY_2);

            assertThat(extractor.extract(page, true).title()).as(publisher).isEqualTo("Council backs tram extension");
        }
    }

    @Test
    void shouldKeepATitlesPartsWhenThePagesHeadingIsTheWholeTitle() {
        String whole = "<html><head><title>Obama - the final years</title></head><body><article><h1>Obama - the final"
                + " years</h1><p>%s</p><p>%s</p></article></body></html>";
        String part = "<html><head><title>Q&amp;A - Why rates rose | City Herald</title></head><body><article>"
                + "<h1>Q&amp;A - Why rates rose</h1><p>%s</p><p>%s</p></article></body></html>";

        assertThat(extractor.extract(whole.formatted(STORY_1, STORY_2), true).title()).isEqualTo("Obama - the final years");
        assertThat(extractor.extract(part.formatted(STORY_1, STORY_2), true).title()).isEqualTo("Q&A - Why rates rose");
        // only whole parts: a heading that ends inside a part says nothing about the title
        String inside = "<html><head><title>Live - Election night: results | Herald</title></head><body><article>"
                + "<h1>Live - Election night</h1><p>%s</p><p>%s</p></article></body></html>";
        assertThat(extractor.extract(inside.formatted(STORY_1, STORY_2), true).title()).isEqualTo("Election night: results");
    }
}
