package dev.newsflow.publish;

import dev.newsflow.schemas.Topics;
import dev.newsflow.schemas.avro.EnrichedArticle;
import dev.newsflow.schemas.avro.Post;
import dev.newsflow.schemas.avro.PostChange;
import dev.newsflow.schemas.avro.PostEventType;
import dev.newsflow.schemas.avro.Subject;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What publish knows of one article, for an operator or a CMS asking "is it on the site?": its post (live, or what
 * is remembered of a killed or withheld one), a version held for its embargo, and the highest version a kill or
 * withhold applied to. Built from publish's state stores ({@link ArticleLookup}); plain data, tested without Kafka.
 *
 * <p>A held version shows only its number and release time: its words are under embargo, and this answer is not.
 * A killed post shows no words either, not even its URL (its slug is the headline's).
 *
 * @param post             the live post, or the remembered delete of a taken-down one, or null
 * @param sections         the section topics the live post went to (comma-separated), or null
 * @param held             the version held for its embargo, or null
 * @param unpublishedUpTo  the highest version a kill or withhold applied to, or null
 */
record ArticleState(String id, Post post, String sections, EnrichedArticle held, Long unpublishedUpTo) {

    /**
     * One word for what a reader of the site sees now: {@code live}, {@code embargoed} (nothing live, a version
     * held), {@code killed} or {@code withheld} (taken down), {@code unpublished} (a kill arrived before any post),
     * or {@code unknown}.
     */
    String state() {
        if (post != null && post.getEvent() == PostEventType.UPSERT) {
            return "live";
        }
        if (held != null) {
            return "embargoed";
        }
        if (post != null && post.getUrl() == null) {
            return "unpublished"; // taken down before any version was published: there was never a URL
        }
        if (post != null) {
            return switch (post.getChange()) {
                case KILLED, WITHHELD -> post.getChange().name().toLowerCase(Locale.ROOT);
                default -> "unpublished";
            };
        }
        return unpublishedUpTo != null ? "unpublished" : "unknown";
    }

    boolean known() {
        return post != null || held != null || unpublishedUpTo != null;
    }

    /** The JSON answer of {@code GET /articles/<id>}. */
    Map<String, Object> toJson() {
        return toJson(null);
    }

    /**
     * As {@link #toJson()}; an unknown article's answer also names the partitions this instance keeps, when it could
     * not ask the others (no {@code application.server}).
     */
    Map<String, Object> toJson(Set<Integer> localPartitions) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("state", state());
        if (post != null && post.getEvent() == PostEventType.UPSERT) {
            Map<String, Object> live = new LinkedHashMap<>();
            live.put("version", post.getVersion());
            live.put("change", String.valueOf(post.getChange()));
            live.put("headline", post.getHeadline());
            live.put("url", post.getUrl());
            live.put("publishedAt", String.valueOf(post.getPublishedAt()));
            if (post.getUpdatedAt() != null) {
                live.put("updatedAt", String.valueOf(post.getUpdatedAt()));
            }
            if (post.getFirstPublishedAt() != null) {
                live.put("firstPublishedAt", String.valueOf(post.getFirstPublishedAt()));
            }
            live.put("categories", categories(post.getCategories()));
            live.put("reviewRequired", post.getReviewRequired());
            if (!post.getReviewReasons().isEmpty()) {
                live.put("reviewReasons", post.getReviewReasons());
            }
            // the section topics (as this answer has always named them), and the slugs a post's sections hold (Post v6)
            List<String> topics = sections == null || sections.isEmpty() ? List.of() : Arrays.asList(sections.split(","));
            live.put("sections", topics);
            live.put("sectionSlugs", topics.stream().map(Topics::sectionOf).toList());
            json.put("live", live);
        } else if (post != null) {
            // what is remembered of a taken-down post, without its words: a killed story's URL is left out too, its
            // slug is made of the headline (a withheld one may come back at the same URL, so it is shown)
            Map<String, Object> down = new LinkedHashMap<>();
            down.put("version", post.getVersion());
            down.put("change", String.valueOf(post.getChange()));
            if (post.getChange() != PostChange.KILLED) {
                down.put("url", post.getUrl());
            }
            down.put("at", String.valueOf(post.getPublishedAt()));
            json.put("takenDown", down);
        }
        if (held != null) {
            Map<String, Object> embargo = new LinkedHashMap<>();
            embargo.put("version", held.getVersion());
            embargo.put("until", String.valueOf(held.getEmbargoedUntil()));
            json.put("embargoed", embargo);
        }
        if (unpublishedUpTo != null) {
            json.put("unpublishedUpToVersion", unpublishedUpTo);
        }
        if (!known()) {
            json.put("detail", "publish has no record of this id: not sent, not enriched yet (see the lag on "
                    + "/metrics), refused by enrich (see 'newsflow dead-letters')" + (localPartitions == null ? ""
                    : ", or kept by another publish instance: this one keeps partitions " + localPartitions + " of "
                    + Topics.ARTICLES_ENRICHED + " (set KAFKA_APPLICATION_SERVER on every instance so any one answers)"));
        }
        return json;
    }

    private static List<Map<String, Object>> categories(List<Subject> subjects) {
        if (subjects == null) {
            return List.of();
        }
        return subjects.stream().map(s -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("code", s.getCode());
            c.put("label", s.getLabel());
            c.put("confidence", s.getConfidence());
            return c;
        }).toList();
    }
}
