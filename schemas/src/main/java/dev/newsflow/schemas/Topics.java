package dev.newsflow.schemas;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Every topic of the pipeline, with its settings, defined once. Stages, tests, the demo and downstream
 * consumers take names from here; no topic name is written as a literal anywhere else.
 */
public final class Topics {

    /** Raw articles as pushed; compacted and never expired, so a replay can rebuild every post. */
    public static final String ARTICLES_RAW = "news.articles.raw";
    /** Enriched articles, key = article id. */
    public static final String ARTICLES_ENRICHED = "news.articles.enriched";
    /** Every post event (upsert / delete), in order per article. */
    public static final String POSTS = "news.posts";
    /** The latest post per id; a tombstone when an article is killed or withheld. */
    public static final String POSTS_CURRENT = "news.posts.current";
    /** Dead letters of the enrich stage. */
    public static final String ENRICH_DLQ = "news.enrich.dlq";
    /** Dead letters of the publish stage. */
    public static final String PUBLISH_DLQ = "news.publish.dlq";

    private static final String POSTS_PREFIX = "news.posts.";
    /**
     * Per topic: enough for three instances of a stage to share the work (a topic's partition count cannot change
     * later without moving articles between partitions and breaking per-article order), few enough for a small cluster.
     */
    public static final int PARTITIONS = 3;
    /**
     * How long event topics (enriched articles, posts, dead letters) keep records: long enough to rebuild a site or
     * replay a bad week through a fixed stage; the current state lives on in the compacted topics.
     */
    public static final Duration EVENT_RETENTION = Duration.ofDays(30);
    /** A compacted record stays uncompacted this long, so a consumer a few minutes behind still sees every version. */
    private static final Duration MIN_COMPACTION_LAG = Duration.ofMinutes(10);
    private static final String FOREVER = "-1";
    /**
     * 8 MiB, the producers' max.request.size: the broker's default (about 1 MiB) refused articles the ingest API
     * accepts (up to 2 MiB a request), and enriching and publishing may double an article's size.
     */
    public static final String MAX_MESSAGE_BYTES = String.valueOf(8 * 1024 * 1024);

    private Topics() {
    }

    /** The posts topic of one category, e.g. {@code news.posts.sport}. */
    public static String postsFor(MediaTopic topic) {
        return POSTS_PREFIX + topic.slug();
    }

    /** The section a category's posts topic is for, as a post's {@code sections} name it: {@code sport} for {@code news.posts.sport}. */
    public static String sectionOf(String categoryTopic) {
        return categoryTopic.substring(categoryTopic.lastIndexOf('.') + 1);
    }

    /** All topics the pipeline needs, created up front (and waited on) before any traffic is accepted. */
    public static List<TopicSpec> all() {
        List<TopicSpec> specs = new ArrayList<>(List.of(
                compacted(ARTICLES_RAW),
                expiring(ARTICLES_ENRICHED),
                expiring(POSTS),
                compacted(POSTS_CURRENT),
                expiring(ENRICH_DLQ),
                expiring(PUBLISH_DLQ)));
        categoryTopics().stream().map(Topics::expiring).forEach(specs::add);
        return List.copyOf(specs);
    }

    /** Every category's posts topic, in Media Topic order. */
    public static List<String> categoryTopics() {
        return Arrays.stream(MediaTopic.values()).map(Topics::postsFor).toList();
    }

    /**
     * How long a tombstone stays on a compacted topic once compacted: a consumer that follows news.posts.current and
     * is away longer than this may miss a kill and must re-read the topic from the start (the broker's default is
     * one day, shorter than a long weekend).
     */
    public static final Duration TOMBSTONE_RETENTION = Duration.ofDays(30);
    /**
     * A compacted topic's open segment is rolled after this, and a record left uncompacted this long is compacted
     * (max.compaction.lag.ms): the broker never compacts the open segment, which by default rolls after 7 days or
     * 1 GiB, so on a quiet topic a killed story's words (the UPSERT before its tombstone) stayed readable for a week
     * or more. Together, killed words leave news.posts.current and news.articles.raw within about two hours.
     */
    public static final Duration COMPACTION_DEADLINE = Duration.ofHours(1);

    private static TopicSpec compacted(String name) {
        return new TopicSpec(name, PARTITIONS, Map.of(
                "cleanup.policy", "compact",
                "retention.ms", FOREVER,
                "min.compaction.lag.ms", String.valueOf(MIN_COMPACTION_LAG.toMillis()),
                "max.compaction.lag.ms", String.valueOf(COMPACTION_DEADLINE.toMillis()),
                "segment.ms", String.valueOf(COMPACTION_DEADLINE.toMillis()),
                "delete.retention.ms", String.valueOf(TOMBSTONE_RETENTION.toMillis()),
                "max.message.bytes", MAX_MESSAGE_BYTES));
    }

    private static TopicSpec expiring(String name) {
        return new TopicSpec(name, PARTITIONS, Map.of(
                "cleanup.policy", "delete",
                "retention.ms", String.valueOf(EVENT_RETENTION.toMillis()),
                "max.message.bytes", MAX_MESSAGE_BYTES));
    }
}
