package dev.newsflow.enrich.text;

import java.time.Instant;
import java.util.List;

/**
 * The main content found in an HTML page, an HTML fragment or plain text.
 *
 * @param title      headline found in the document, or null
 * @param byline     author line found in the document ("Post by : Jane Doe" becomes "Jane Doe"), or null
 * @param published  publication time found in the document, or null
 * @param paragraphs clean paragraphs of main text, no markup, whitespace normalised
 */
public record ExtractedArticle(String title, String byline, Instant published, List<String> paragraphs) {
    public ExtractedArticle {
        paragraphs = List.copyOf(paragraphs);
    }

    /** Paragraphs separated by a blank line. */
    public String text() {
        return String.join("\n\n", paragraphs);
    }
}
