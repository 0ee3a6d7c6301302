package dev.newsflow.enrich.classify;

/**
 * What the classifier sees of an article: clean text, not HTML.
 *
 * @param title    headline, may be empty
 * @param text     clean body text
 * @param source   originating source or provider, may be null (used by newsroom overrides)
 * @param language ISO 639-1 code if known, may be null
 */
public record ClassifierInput(String title, String text, String source, String language) {
    public ClassifierInput {
        title = title == null ? "" : title;
        text = text == null ? "" : text;
    }
}
