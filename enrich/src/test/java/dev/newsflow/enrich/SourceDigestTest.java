package dev.newsflow.enrich;

import static dev.newsflow.enrich.RawArticles.aRawArticle;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceDigestTest {

    @Test
    void shouldChangeWithTheSendersWordsAndNothingElse() {
        String digest = SourceDigest.of(aRawArticle("a-1").body("The council voted.").build());

        assertThat(SourceDigest.of(aRawArticle("a-1").body("The council voted.").version(9).build()))
                .as("the version is not words").isEqualTo(digest);
        assertThat(SourceDigest.of(aRawArticle("a-1").body("The council voted. More.").build())).isNotEqualTo(digest);
        assertThat(SourceDigest.of(aRawArticle("a-1").body("The council voted.").headline("Another headline").build()))
                .isNotEqualTo(digest);
        assertThat(SourceDigest.of(aRawArticle("a-1").body("The council voted.").editorTeaser("A teaser.").build()))
                .isNotEqualTo(digest);
        assertThat(SourceDigest.of(aRawArticle("a-1").headline("AB").body("C").build()))
                .as("words moved between fields").isNotEqualTo(SourceDigest.of(aRawArticle("a-1").headline("A").body("BC").build()));
    }

    @Test
    void shouldChangeWithTheSendersImageAndStayAsBeforeWithoutOne() {
        String digest = SourceDigest.of(aRawArticle("a-1").body("The council voted.").build());
        String withImage = SourceDigest.of(aRawArticle("a-1").body("The council voted.").image("https://cdn.example/a.jpg", null, null).build());

        // the digest of an article without an image is the one enrich wrote before RawArticle v2 had images (this
        // value from the build before it), so publish does not take every article sent again as a correction
        assertThat(digest).isEqualTo("crc32c:9b978a27:43");
        assertThat(withImage).isNotEqualTo(digest);
        assertThat(SourceDigest.of(aRawArticle("a-1").body("The council voted.").image("https://cdn.example/b.jpg", null, null).build()))
                .isNotEqualTo(withImage);
        assertThat(SourceDigest.of(aRawArticle("a-1").body("The council voted.").image("https://cdn.example/a.jpg", null, "Photo: Jo").build()))
                .isNotEqualTo(withImage);
    }

    @Test
    void shouldReadAnHtmlBodyByItsWordsNotItsBytes() {
        String digest = SourceDigest.of(aRawArticle("a-1")
                .html("<p class=\"a\">The council   voted.</p><script>var nonce='1';</script><!-- x -->").build());

        assertThat(SourceDigest.of(aRawArticle("a-1")
                .html("<div><p>The council voted.</p></div><script>var nonce='2';</script>").build()))
                .as("markup, a script's nonce and white space are not words").isEqualTo(digest);
        assertThat(SourceDigest.of(aRawArticle("a-1").html("<p>The council voted again.</p>").build())).isNotEqualTo(digest);
    }
}
