package dev.newsflow.publish;

import dev.newsflow.schemas.avro.Post;
import java.util.List;

/**
 * Everything one article version makes the publish stage write.
 *
 * @param event         the event for {@code news.posts}
 * @param categoryPosts events for the category topics (including deletes where a category was dropped)
 * @param current       the new value of {@code news.posts.current}: the post, or null for a tombstone
 */
record PublishDecision(Post event, List<CategoryPost> categoryPosts, Post current) {
    PublishDecision {
        categoryPosts = List.copyOf(categoryPosts);
    }
}
