package dev.newsflow.enrich;

import dev.newsflow.schemas.avro.ContentType;
import dev.newsflow.schemas.avro.PubStatus;
import dev.newsflow.schemas.avro.RawArticle;
import java.time.Instant;

/** Test fixture builder: {@code aRawArticle("a-1").body("...").language("fr").build()}. */
final class RawArticles {

    static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");

    private final RawArticle.Builder builder;

    private RawArticles(String id) {
        builder = RawArticle.newBuilder()
                .setUri(id).setVersion(1).setProvider("cms").setHeadline("Headline of " + id)
                .setBody("First paragraph of " + id + ".\n\nSecond paragraph.").setContentType(ContentType.PLAIN)
                .setVersionCreated(T0).setPubStatus(PubStatus.USABLE).setReceivedAt(T0);
    }

    static RawArticles aRawArticle(String id) {
        return new RawArticles(id);
    }

    RawArticles headline(String headline) {
        builder.setHeadline(headline);
        return this;
    }

    RawArticles byline(String byline) {
        builder.setByline(byline);
        return this;
    }

    RawArticles source(String source) {
        builder.setSource(source);
        return this;
    }

    RawArticles html(String body) {
        builder.setBody(body).setContentType(ContentType.HTML);
        return this;
    }

    RawArticles image(String url, String alt, String caption) {
        builder.setImage(dev.newsflow.schemas.avro.Image.newBuilder().setUrl(url).setAlt(alt).setCaption(caption).build());
        return this;
    }

    RawArticles body(String body) {
        builder.setBody(body);
        return this;
    }

    RawArticles language(String language) {
        builder.setLanguage(language);
        return this;
    }

    RawArticles editorTeaser(String teaser) {
        builder.setDescription(teaser);
        return this;
    }

    RawArticles keywords(String... keywords) {
        builder.setKeywords(java.util.List.of(keywords));
        return this;
    }

    RawArticles version(long version) {
        builder.setVersion(version);
        return this;
    }

    RawArticles killed() {
        builder.setPubStatus(PubStatus.CANCELED).setHeadline("").setBody("");
        return this;
    }

    RawArticles status(PubStatus status) {
        builder.setPubStatus(status);
        return this;
    }

    RawArticles withheldWithoutContent() {
        builder.setPubStatus(PubStatus.WITHHELD).setHeadline("").setBody("");
        return this;
    }

    RawArticle build() {
        return builder.build();
    }
}
