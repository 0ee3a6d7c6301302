package dev.newsflow.enrich.text.language;

import dev.newsflow.enrich.text.DetectedLanguage;

import java.util.Set;

/**
 * The languages the category classifier was trained for. An article detected (or declared) in any other language
 * goes to review instead of being categorised as if it were English.
 *
 * <p>An article whose language could not be determined is categorised as English and still flagged for review
 * ({@code undetermined-language}): the detector leaves short items undetermined, and of the 9,754 English items in
 * {@code shared/data/categories} it left 45 undetermined (AG snippets such as "Sir Alex Ferguson is set to take
 * charge of Man Utd for the 1,000th time.") and called none confidently foreign. Those had gone to review with no
 * category at all, so a sport snippet never reached the sport topic; now they are routed, and an editor still
 * checks them, since a short foreign text may be among them.
 *
 * @param codes ISO 639-1 codes the classifier understands
 */
public record ClassifierLanguages(Set<String> codes) {

    /** The classifier today is trained on English news only. */
    public static final ClassifierLanguages ENGLISH_ONLY = new ClassifierLanguages(Set.of("en"));

    public ClassifierLanguages {
        codes = Set.copyOf(codes);
    }

    /** True for a determined language the classifier was not trained for (undetermined: see the class comment). */
    public boolean needsReview(DetectedLanguage language) {
        return language != null && !isUndetermined(language) && !codes.contains(language.code());
    }

    /** The language to classify the text as: the detected one, or none (the classifier's own) when undetermined. */
    public String classifyAs(DetectedLanguage language) {
        return language == null || isUndetermined(language) ? null : language.code();
    }

    private static boolean isUndetermined(DetectedLanguage language) {
        return DetectedLanguage.UNDETERMINED.equals(language.code());
    }
}
