package dev.newsflow.enrich.text;

/**
 * The lead image a source names for its story.
 *
 * @param url     absolute http or https address, checked by {@code UrlPaths.isSafeHttpUrl}
 * @param alt     text alternative, plain text, or null
 * @param caption caption (often with the credit), plain text, or null
 */
public record LeadImage(String url, String alt, String caption) {
}
