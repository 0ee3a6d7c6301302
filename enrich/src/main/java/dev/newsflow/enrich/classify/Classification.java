package dev.newsflow.enrich.classify;

import java.util.List;

/**
 * The classifier's answer for one article.
 *
 * @param categories     primary first, then up to three more
 * @param reviewRequired true when an editor should check the categories (low confidence, unsupported language)
 * @param reviewReasons  stable reason codes when review is required, e.g. {@code low-confidence}
 */
public record Classification(List<CategoryScore> categories, boolean reviewRequired, List<String> reviewReasons) {
    public Classification {
        categories = List.copyOf(categories);
        reviewReasons = List.copyOf(reviewReasons);
    }
}
