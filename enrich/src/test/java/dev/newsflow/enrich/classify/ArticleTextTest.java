package dev.newsflow.enrich.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.enrich.text.extract.MainTextExtractor;
import org.junit.jupiter.api.Test;

class ArticleTextTest {

    @Test
    void shouldKeepPlainTextAsItIs() {
        assertThat(ArticleText.stripHtml("Shares rose 3% <5 minutes> after the open.\n\nSecond paragraph."))
                .isEqualTo("Shares rose 3% <5 minutes> after the open.\n\nSecond paragraph.");
        assertThat(ArticleText.stripHtml(null)).isEmpty();
    }

    @Test
    void shouldSeparateHtmlParagraphsWithABlankLineAsTheEnrichStageDoes() {
        String html = "<p>Harbour City reached the <b>semi-finals</b>\n on Tuesday.</p><p>Second paragraph.</p>"
                + "<ul><li>One</li><li>Two</li></ul>Tail<br>line";

        assertThat(ArticleText.stripHtml(html))
                .isEqualTo("Harbour City reached the semi-finals on Tuesday.\n\nSecond paragraph.\n\nOne\n\nTwo\n\nTail line")
                .isEqualTo(new MainTextExtractor().extract(html, true).text());
    }

    @Test
    void shouldGiveAnHtmlArticleTheSameLeadAsItsPlainText() {
        String plain = Vectorizer.articleText("Headline", "First paragraph here.\n\nSecond one.");
        String html = ArticleText.plain("Headline", "<div><p>First paragraph here.</p><p>Second one.</p></div>");

        assertThat(html).isEqualTo(plain);
        assertThat(html.substring(0, Vectorizer.leadEnd(html))).isEqualTo("Headline\nFirst paragraph here.");
    }

    @Test
    void shouldEndTheLeadAtABlankLineWithSpacesOrCarriageReturnsButNotBeforeAnyText() {
        assertThat(lead("Headline\nFirst.\r\n\r\nSecond.")).isEqualTo("Headline\nFirst.\r");
        assertThat(lead("Headline\nFirst.\n \t\nSecond.")).isEqualTo("Headline\nFirst.");
        assertThat(lead("\n\nFirst.\n\nSecond.")).isEqualTo("\n\nFirst.");
        assertThat(lead("No paragraphs at all")).isEqualTo("No paragraphs at all");
    }

    private static String lead(String text) {
        return text.substring(0, Vectorizer.leadEnd(text));
    }

    @Test
    void shouldTellAHugeUnclosedTagFromHtmlInLinearTime() {
        // a hang guard, not a speed target: linear takes milliseconds, the backtracking pattern took hours
        String text = "<a" + "a".repeat(2_000_000);

        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                () -> assertThat(ArticleText.looksLikeHtml(text)).isFalse());
    }
}
