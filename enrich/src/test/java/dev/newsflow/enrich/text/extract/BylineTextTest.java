package dev.newsflow.enrich.text.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BylineTextTest {

    @Test
    void shouldLeaveOutTheDateTimeAndSeparatorsATemplatePrintsBesideTheName() {
        assertThat(BylineText.tidy("Sarah Gooding March 9, 2017 13")).isEqualTo("Sarah Gooding");
        assertThat(BylineText.tidy("By GILLIAN MOHNEY March 11, 2015 3:46 PM")).isEqualTo("GILLIAN MOHNEY");
        assertThat(BylineText.tidy("James Akinaka • 8h")).isEqualTo("James Akinaka");
        assertThat(BylineText.tidy("by Lucas Nolan22 Dec 2016651")).isEqualTo("Lucas Nolan");
        assertThat(BylineText.tidy("Nicolas Perriault —")).isEqualTo("Nicolas Perriault");
        assertThat(BylineText.tidy("Jane Doe | Updated 2 hours ago")).isEqualTo("Jane Doe");
    }

    @Test
    void shouldKeepNamesAsWritten() {
        assertThat(BylineText.tidy("Jane Doe, Li Wei")).isEqualTo("Jane Doe, Li Wei");
        assertThat(BylineText.tidy("Daniel Kahn Gillmor")).isEqualTo("Daniel Kahn Gillmor");
        assertThat(BylineText.tidy("AP")).isEqualTo("AP");
        assertThat(BylineText.tidy("BBC NEWS")).isEqualTo("BBC NEWS");
        assertThat(BylineText.tidy("Mayday Parker")).isEqualTo("Mayday Parker"); // a name that starts like a month
        assertThat(BylineText.tidy("Juneau Staff")).isEqualTo("Juneau Staff");
        assertThat(BylineText.tidy(null)).isNull();
    }

    @Test
    void shouldReadOnlyABylinesLengthOfAPagesAuthorField() {
        // a page's author meta of 40,000 dashes: the pattern that trimmed separators took 27 s on it
        String author = "a" + "-".repeat(40_000) + "b";

        assertThat(BylineText.tidy(author)).isEqualTo("a"); // its first 300 characters, the dashes trimmed
        assertThat(BylineText.tidy("Jane Doe and " + "John Roe, ".repeat(40))).hasSizeLessThanOrEqualTo(BylineText.MAX_CHARS)
                .startsWith("Jane Doe and John Roe").doesNotEndWith(" ");
        assertThat(BylineText.withoutLooseEnds(" • — Jane Doe, ; ")).isEqualTo("Jane Doe");
        assertThat(BylineText.withoutLooseEnds(",,,")).isEmpty();
        assertThat(BylineText.tidy("a" + "😀".repeat(200))).hasSize(BylineText.MAX_CHARS - 1).endsWith("😀");
    }
}
