package dev.newsflow.enrich.classify;

/** Decides which Media Topics an article is about. Plain Java: no Kafka, usable from the CLI and tests. */
public interface Categorizer {

    /** Never null; {@link Classification#categories()} is primary first and may be empty only when review is required. */
    Classification categorize(ClassifierInput input);
}
