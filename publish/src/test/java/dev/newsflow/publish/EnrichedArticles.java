package dev.newsflow.publish;

import dev.newsflow.schemas.MediaTopic;
import dev.newsflow.schemas.avro.EnrichedArticle;
import dev.newsflow.schemas.avro.PubStatus;
import dev.newsflow.schemas.avro.Subject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Test fixture builder: {@code anArticle("a1").inCategory(SPORT, 0.9).version(2).build()}. */
final class EnrichedArticles {

    static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");

    private final EnrichedArticle.Builder builder;
    private final List<Subject> categories = new ArrayList<>();

    private EnrichedArticles(String id) {
        builder = EnrichedArticle.newBuilder()
                .setUri(id).setVersion(1).setProvider("cms").setHeadline("Headline of " + id)
                .setVersionCreated(T0).setPubStatus(PubStatus.USABLE)
                .setText("First paragraph.\n\nSecond paragraph.").setTeaser("First paragraph.").setTeaserMachineMade(true)
                .setWordCount(4).setReadingTimeMinutes(1).setReceivedAt(T0).setEnrichedAt(T0);
    }

    static EnrichedArticles anArticle(String id) {
        return new EnrichedArticles(id);
    }

    EnrichedArticles inCategory(MediaTopic topic, double confidence) {
        categories.add(Subject.newBuilder().setCode(topic.code()).setLabel(topic.label()).setConfidence(confidence)
                .setDecidedBy("test-model").build());
        return this;
    }

    EnrichedArticles forReview(String... reasons) {
        builder.setReviewRequired(true).setReviewReasons(List.of(reasons));
        return this;
    }

    EnrichedArticles sourceDigest(String digest) {
        builder.setSourceDigest(digest);
        return this;
    }

    EnrichedArticles sentFrom(String url, String... keywords) {
        builder.setUrl(url).setKeywords(List.of(keywords));
        return this;
    }

    EnrichedArticles version(long version) {
        builder.setVersion(version);
        return this;
    }

    EnrichedArticles headline(String headline) {
        builder.setHeadline(headline);
        return this;
    }

    EnrichedArticles text(String text) {
        builder.setText(text);
        return this;
    }

    /** The lead image enrich found (EnrichedArticle v5). */
    EnrichedArticles image(String url, String alt, String caption) {
        builder.setImage(dev.newsflow.schemas.avro.Image.newBuilder().setUrl(url).setAlt(alt).setCaption(caption).build());
        return this;
    }

    /** An embed enrich found (EnrichedArticle v6), after the ones given before. */
    EnrichedArticles embed(String provider, String url, int afterParagraph) {
        java.util.List<dev.newsflow.schemas.avro.Embed> embeds = new java.util.ArrayList<>(
                builder.hasEmbeds() ? builder.getEmbeds() : java.util.List.of());
        embeds.add(dev.newsflow.schemas.avro.Embed.newBuilder().setProvider(provider).setUrl(url)
                .setAfterParagraph(afterParagraph).build());
        builder.setEmbeds(embeds);
        return this;
    }

    /** The body enrich wrote with the source's structure (EnrichedArticle v4). */
    EnrichedArticles bodyHtml(String bodyHtml) {
        builder.setBodyHtml(bodyHtml);
        return this;
    }

    EnrichedArticles status(PubStatus status) {
        builder.setPubStatus(status);
        return this;
    }

    EnrichedArticles versionCreated(Instant at) {
        builder.setVersionCreated(at);
        return this;
    }

    EnrichedArticles byline(String byline) {
        builder.setByline(byline);
        return this;
    }

    EnrichedArticles receivedAt(Instant at) {
        builder.setReceivedAt(at);
        return this;
    }

    EnrichedArticles embargoedUntil(Instant until) {
        builder.setEmbargoedUntil(until);
        return this;
    }

    EnrichedArticle build() {
        return builder.setCategories(List.copyOf(categories)).build();
    }
}
