package dev.newsflow.enrich.text;

import java.util.List;

/** Finds up to a bounded number of ranked, deduplicated tags in an article. */
public interface TagExtractor {
    List<ArticleTag> extract(String headline, List<String> paragraphs, String language);
}
