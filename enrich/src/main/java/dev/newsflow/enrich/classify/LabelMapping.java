package dev.newsflow.enrich.classify;

import dev.newsflow.schemas.MediaTopic;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one place where the labels of the training data sets meet the IPTC Media Topics.
 *
 * <p>Training: each data-set label becomes the Media Topic the model learns. BBC {@code entertainment} is arts,
 * culture, entertainment and media; {@code tech} and AG {@code Sci/Tech} are science and technology. AG
 * {@code World} is not one topic (it is international hard news: diplomacy, elections, war, disasters), so the
 * model learns it as politics, the closest catch-all. Which topic such a short item really is (politics, conflict,
 * crime, disaster, ...) is then the World refiner's job, trained on our own labels of the AG World items
 * ({@link WorldTopicLabels}); it only chooses among the topics of the bucket "everything else"
 * ({@link #isWorldTopic}), so it never changes an item's AG bucket.
 *
 * <p>Scoring: BBC-style data is scored on the exact primary topic. AG-style data is scored in four buckets:
 * sport, business, science-technology and everything else, because {@code World} has no single topic.
 */
public final class LabelMapping {

    /** How a labelled file is scored. */
    public enum Scheme {
        /** The gold label maps to one Media Topic; the primary category must be that topic. */
        TOPIC,
        /** AG News: sport / business / science-technology / everything else. */
        AG_BUCKETS
    }

    public static final String BUCKET_SPORT = "sport";
    public static final String BUCKET_BUSINESS = "business";
    public static final String BUCKET_SCIENCE_TECHNOLOGY = "sci-tech";
    public static final String BUCKET_OTHER = "other";

    private static final Map<String, MediaTopic> TRAINING_TOPIC = Map.ofEntries(
            // BBC News (Greene and Cunningham 2006)
            Map.entry("business", MediaTopic.ECONOMY_BUSINESS_FINANCE),
            Map.entry("entertainment", MediaTopic.ARTS_CULTURE_ENTERTAINMENT),
            Map.entry("politics", MediaTopic.POLITICS),
            Map.entry("sport", MediaTopic.SPORT),
            Map.entry("tech", MediaTopic.SCIENCE_TECHNOLOGY),
            // AG's News (Zhang, Zhao and LeCun 2015); "business" is shared with BBC
            Map.entry("world", MediaTopic.POLITICS),
            Map.entry("sports", MediaTopic.SPORT),
            Map.entry("sci/tech", MediaTopic.SCIENCE_TECHNOLOGY));

    private static final Set<String> AG_ONLY_LABELS = Set.of("world", "sports", "sci/tech");

    private LabelMapping() {
    }

    /** Whether a data-set label is AG's {@code World} (case-insensitive). */
    public static boolean isAgWorld(String label) {
        return label != null && label.trim().equalsIgnoreCase("world");
    }

    /**
     * Whether the World refiner may choose a topic: any topic of the AG bucket "everything else", i.e. not sport,
     * business or science-technology, which stay the main model's to decide.
     */
    public static boolean isWorldTopic(MediaTopic topic) {
        return BUCKET_OTHER.equals(bucketOf(topic));
    }

    /** The topic the model learns for a data-set label (case-insensitive), or a Media Topic code or slug. */
    public static Optional<MediaTopic> trainingTopic(String label) {
        if (label == null) {
            return Optional.empty();
        }
        String key = label.trim().toLowerCase(Locale.ROOT);
        MediaTopic mapped = TRAINING_TOPIC.get(key);
        if (mapped != null) {
            return Optional.of(mapped);
        }
        return MediaTopic.fromCode(label).or(() -> MediaTopic.fromSlug(key));
    }

    /** AG scoring when any label is one only AG uses; otherwise exact topics. */
    public static Scheme schemeFor(Collection<String> labels) {
        for (String label : labels) {
            if (label != null && AG_ONLY_LABELS.contains(label.trim().toLowerCase(Locale.ROOT))) {
                return Scheme.AG_BUCKETS;
            }
        }
        return Scheme.TOPIC;
    }

    /** The AG bucket of a topic: sport, business, sci-tech or other. */
    public static String bucketOf(MediaTopic topic) {
        if (topic == null) {
            return BUCKET_OTHER;
        }
        return switch (topic) {
            case SPORT -> BUCKET_SPORT;
            case ECONOMY_BUSINESS_FINANCE -> BUCKET_BUSINESS;
            case SCIENCE_TECHNOLOGY -> BUCKET_SCIENCE_TECHNOLOGY;
            default -> BUCKET_OTHER;
        };
    }

    /** The scoring class of a gold label under a scheme; empty when the label is unknown. */
    public static Optional<String> goldClass(String label, Scheme scheme) {
        return trainingTopic(label).map(topic -> predictedClass(topic, scheme));
    }

    /** The scoring class of a predicted primary topic under a scheme ({@code none} when there is no category). */
    public static String predictedClass(MediaTopic topic, Scheme scheme) {
        if (topic == null) {
            return "none"; // never a gold class: no category is wrong under any scheme, not "other" (World)
        }
        if (scheme == Scheme.AG_BUCKETS) {
            return bucketOf(topic);
        }
        return topic.slug();
    }
}
