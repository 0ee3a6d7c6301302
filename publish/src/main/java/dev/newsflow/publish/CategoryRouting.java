package dev.newsflow.publish;

import dev.newsflow.schemas.MediaTopic;
import dev.newsflow.schemas.Topics;
import dev.newsflow.schemas.avro.Post;
import dev.newsflow.schemas.avro.Subject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which category topics a post goes to: always its primary category, and each further category the classifier
 * is at least {@code minConfidence} sure of, so a section page is not filled with long-shot guesses.
 */
public final class CategoryRouting {

    private final double minConfidence;

    public CategoryRouting(double minConfidence) {
        this.minConfidence = minConfidence;
    }

    /**
     * Every category topic a post may have been sent to, whatever the threshold: where a kill must go. The routing
     * threshold may have been raised since the post went out, and a kill must never miss a section page.
     */
    public Set<String> everyTopicOf(Post post) {
        Set<String> topics = new LinkedHashSet<>();
        if (post != null) {
            post.getCategories().forEach(s -> MediaTopic.fromCode(s.getCode()).map(Topics::postsFor).ifPresent(topics::add));
        }
        return topics;
    }

    /** Every category topic there is. */
    public Set<String> everyTopic() {
        return new LinkedHashSet<>(Topics.categoryTopics());
    }

    public Set<String> topicsFor(Post post) {
        Set<String> topics = new LinkedHashSet<>();
        if (post == null) {
            return topics;
        }
        List<Subject> categories = post.getCategories();
        for (int i = 0; i < categories.size(); i++) {
            Subject s = categories.get(i);
            if (i == 0 || s.getConfidence() >= minConfidence) {
                MediaTopic.fromCode(s.getCode()).map(Topics::postsFor).ifPresent(topics::add);
            }
        }
        return topics;
    }
}
