package dev.newsflow.enrich.text;

/**
 * A tag: a person, organisation, place or key phrase.
 *
 * @param name  normalised display form
 * @param kind  what it names
 * @param score relevance in [0, 1]
 */
public record ArticleTag(String name, Kind kind, double score) {
    public enum Kind { PERSON, ORGANISATION, PLACE, PHRASE }
}
