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
    }

    @Test
    void shouldDropTheBidirectionalOverridesThatMakeTextReadAsOtherText() {
        // "Invoice\u202Efdp.exe" shows as "Invoiceexe.pdf"
        assertThat(PlainText.of("Invoice\u202Efdp.exe \u202Dx\u2066y\u2069")).isEqualTo("Invoicefdp.exe xy");
        // the marks right-to-left text needs stay
        assertThat(PlainText.of("\u05e9\u05dc\u05d5\u05dd \u200f(2026)")).contains("\u200f");
    }
}
