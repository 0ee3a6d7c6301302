package dev.newsflow.publish;

import dev.newsflow.schemas.avro.DeadLetter;
import dev.newsflow.schemas.avro.Post;
import java.util.List;

/**
 * Everything one article version makes the publish stage write: post events, or (an embargoed article that could
 * not be released) a dead letter.
 *
 * @param event         the event for {@code news.posts}, or null with a dead letter
 * @param categoryPosts events for the category topics (including deletes where a category was dropped)
 * @param current       the new value of {@code news.posts.current}: the post, or null for a tombstone
 * @param deadLetter    what goes to {@code news.publish.dlq} instead of any post, or null
 */
record PublishDecision(Post event, List<CategoryPost> categoryPosts, Post current, DeadLetter deadLetter) {
    PublishDecision {
        categoryPosts = List.copyOf(categoryPosts);
    }

    PublishDecision(Post event, List<CategoryPost> categoryPosts, Post current) {
        this(event, categoryPosts, current, null);
    }

    static PublishDecision deadLetter(DeadLetter letter) {
        return new PublishDecision(null, List.of(), null, letter);
    }

    boolean isDeadLetter() {
        return deadLetter != null;
    }
}
