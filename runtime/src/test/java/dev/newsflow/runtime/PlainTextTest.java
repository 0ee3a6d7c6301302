package dev.newsflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void shouldTellTextFromMarkupEntitiesAndInvisibleCharacters() {
        assertThat(PlainText.hasText("<b>Storm</b> &amp; flood")).isTrue();
        assertThat(PlainText.hasText("<script>x</script>")).isFalse();
        assertThat(PlainText.hasText("&nbsp;\u200b\u00ad\ufeff")).isFalse();
        assertThat(PlainText.hasText(null)).isFalse();
        assertThat(PlainText.hasText(" . ")).isFalse();
        assertThat(PlainText.hasText("<p>…!</p>")).isFalse();
        assertThat(PlainText.hasText("7")).isTrue();
        assertThat(PlainText.hasText("東京")).isTrue();
    }

    @Test
    void shouldDecodeWhatAFeedEscapedTwiceButNeverMakeATag() {
        // WordPress and many feeds: "Council&amp;#8217;s" for "Council’s"
        assertThat(PlainText.of("Council&amp;#8217;s plan &amp;#8211; &amp;pound;2m")).isEqualTo("Council’s plan – £2m");
        assertThat(PlainText.of("<p>The council&amp;#8217;s plan</p>")).isEqualTo("The council’s plan");
        assertThat(PlainText.of("a &amp;lt;script&amp;gt; tag")).isEqualTo("a &lt;script&gt; tag");
        assertThat(PlainText.withDoubleEscapesDecoded("AT&T; R&D; &notanentity; 5 &amp; 6")).isEqualTo("AT&T; R&D; &notanentity; 5 & 6");
        // however the bracket is spelt
        assertThat(PlainText.withDoubleEscapesDecoded("&#060;b&#062; &#X3C;i&#x03e; &LT;")).isEqualTo("&#060;b&#062; &#X3C;i&#x03e; &LT;");
    }

    @Test
    void shouldKeepWordsInAngleBracketsThatAreNotMarkup() {
        assertThat(PlainText.of("A <style> guide for writers")).isEqualTo("A ‹style> guide for writers");
        assertThat(PlainText.of("Developers warn about <script> tags")).isEqualTo("Developers warn about ‹script> tags");
        assertThat(PlainText.of("Vote: <Yes> or <No> campaign")).isEqualTo("Vote: ‹Yes> or ‹No> campaign");
        assertThat(PlainText.of("HTML <table> tag turns 30")).isEqualTo("HTML ‹table> tag turns 30");
        // markup stays markup: closed, void, with attributes, an optional end tag, Word's namespaced tags
        assertThat(PlainText.of("Council <b>approves</b> budget <script>alert(1)</script>")).isEqualTo("Council approves budget");
        assertThat(PlainText.of("Storm<br>warning <img src=x onerror=alert(1)> <span class=\"x\">now")).isEqualTo("Storm warning now");
        assertThat(PlainText.of("<p>First<p>Second<o:p></o:p>")).isEqualTo("First Second");
        assertThat(PlainText.of("<P>Shouted</P> <Script>x()</SCRIPT>")).isEqualTo("Shouted");
        // custom elements and any tag with attributes or its end tag are markup, known to jsoup or not
        assertThat(PlainText.of("<amp-img src=\"s.jpg\" layout=\"responsive\"></amp-img>Storm hits coast"))
                .isEqualTo("Storm hits coast");
        assertThat(PlainText.hasText("<x-embed data-id=42></x-embed>")).isFalse();
        assertThat(PlainText.of("<my-widget>Storm</my-widget> <foo>hits</foo>")).isEqualTo("Storm hits");
    }

    @Test
    void shouldKeepWordsInBracketsBesideRealMarkup() {
        // an unknown name with words after it is words, not an element with attributes
        assertThat(PlainText.of("Shares in <Acme Holdings> rise as profit grows"))
                .isEqualTo("Shares in ‹Acme Holdings> rise as profit grows");
        // markup elsewhere in the field must not make the parser swallow a bare "<" and what follows it
        assertThat(PlainText.of("Profit at <Acme Holdings> grew, and x<y for rates."))
                .isEqualTo("Profit at ‹Acme Holdings> grew, and x‹y for rates.");
        assertThat(PlainText.of("<b>Rates</b> rose as x<y held"))
                .isEqualTo("Rates rose as x‹y held");
        assertThat(PlainText.withoutMarkup("<p>Profit at <Acme Holdings> grew</p>")).isEqualTo("Profit at <Acme Holdings> grew");
        // a known element's name opening a firm's name: words, since attributes are not capitalised words
        assertThat(PlainText.of("Shares in <Time Warner Inc> rose")).isEqualTo("Shares in ‹Time Warner Inc> rose");
        assertThat(PlainText.of("Shares in <Meta Platforms Inc> rise")).isEqualTo("Shares in ‹Meta Platforms Inc> rise");
        assertThat(PlainText.of("<Body Shop International> sold")).isEqualTo("‹Body Shop International> sold");
        assertThat(PlainText.of("Council <input disabled> votes")).isEqualTo("Council votes");
        // still markup: an unknown element with an attribute value, a tag left open with one, a comment
        assertThat(PlainText.of("<foo bar=\"x\">Storm</foo> <img src=x onerror=alert(1) <!-- c -->hits"))
                .isEqualTo("Storm hits");
    }

    @Test
    void shouldTakeLinearTimeOverManyUnclosedTags() {
        String hostile = "x. " + "<em>x ".repeat(60_000); // 360 KB: quadratic was minutes
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () -> {
            assertThat(PlainText.hasText(hostile)).isTrue();
            assertThat(PlainText.withoutMarkup(hostile)).startsWith("x. <em>x <em>x"); // unclosed and bare: words
        });
    }

    @Test
    void shouldNeverLetAnInvisibleCharacterOpenATagOnceItIsRemoved() {
        // "<" and an invisible character is no tag start, but it became one when the character was dropped after
        for (String raw : new String[] {"<\u200Bimg src=x onerror=alert(1)>Hi", "&lt;&#x200B;svg onload=alert(1)&gt;",
                "<\u202Eimg src=x onerror=alert(1)>", "<\u00ADscript>alert(1)</script>", "<\uFEFF/p>x",
                "Rates &lt;&#xD800;img src=x onerror=alert(1)&gt; rise", "&lt;&#xDC00;img&gt;"}) {
            String plain = PlainText.of(raw);
            assertThat(plain).as(raw).doesNotContainPattern("<[A-Za-z/!?]");
            // as it is written: UTF-8 turns a lone surrogate into '?', and "<?" opens markup in XML
            assertThat(new String(plain.getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.UTF_8))
                    .as(raw).doesNotContainPattern("<[A-Za-z/!?]");
        }
        assertThat(PlainText.of("Emoji \uD83D\uDE00 stay")).isEqualTo("Emoji \uD83D\uDE00 stay");
    }

    @Test
    void shouldDropTheBidirectionalOverridesThatMakeTextReadAsOtherText() {
        // "Invoice\u202Efdp.exe" shows as "Invoiceexe.pdf"
        assertThat(PlainText.of("Invoice\u202Efdp.exe \u202Dx\u2066y\u2069")).isEqualTo("Invoicefdp.exe xy");
        // the marks right-to-left text needs stay
        assertThat(PlainText.of("\u05e9\u05dc\u05d5\u05dd \u200f(2026)")).contains("\u200f");
    }
}
