package dev.newsflow.enrich;

import static dev.newsflow.enrich.RawArticles.aRawArticle;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.schemas.avro.RawArticle;
import org.junit.jupiter.api.Test;

class SourceDigestTest {

    @Test
    void shouldChangeWithTheSendersWordsAndNothingElse() {
        RawArticle article = aRawArticle("a-1").build();
        String digest = SourceDigest.of(article);

        assertThat(SourceDigest.of(RawArticle.newBuilder(article).setVersion(9).setReceivedAt(article.getReceivedAt()
                .plusSeconds(60)).build())).as("version and times are not words").isEqualTo(digest);
        assertThat(SourceDigest.of(RawArticle.newBuilder(article).setBody(article.getBody() + " More.").build()))
                .isNotEqualTo(digest);
        assertThat(SourceDigest.of(RawArticle.newBuilder(article).setHeadline(article.getHeadline() + "!").build()))
                .isNotEqualTo(digest);
        assertThat(SourceDigest.of(RawArticle.newBuilder(article).setDescription("An editor's teaser.").build()))
                .isNotEqualTo(digest);
        assertThat(SourceDigest.of(RawArticle.newBuilder(article).setHeadline("AB").setBody("C").build()))
                .as("words moved between fields").isNotEqualTo(
                        SourceDigest.of(RawArticle.newBuilder(article).setHeadline("A").setBody("BC").build()));
    }
}
