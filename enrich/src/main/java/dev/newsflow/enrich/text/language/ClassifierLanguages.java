package dev.newsflow.enrich.text.language;

import dev.newsflow.enrich.text.DetectedLanguage;

import java.util.Set;

/**
 * The languages the category classifier was trained for. An article in any other language, or whose language is
 * undetermined, goes to review instead of being categorised as if it were English.
 *
 * @param codes ISO 639-1 codes the classifier understands
 */
public record ClassifierLanguages(Set<String> codes) {

    /** The classifier today is trained on English news only. */
    public static final ClassifierLanguages ENGLISH_ONLY = new ClassifierLanguages(Set.of("en"));

    public ClassifierLanguages {
        codes = Set.copyOf(codes);
    }

    public boolean needsReview(DetectedLanguage language) {
        return language == null || !codes.contains(language.code());
    }
}
