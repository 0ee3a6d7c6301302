package dev.newsflow.enrich;

import dev.newsflow.enrich.classify.ClassifierConfig;
import dev.newsflow.enrich.classify.TrainedCategorizer;
import dev.newsflow.enrich.text.extract.MainTextExtractor;
import dev.newsflow.enrich.text.language.ClassifierLanguages;
import dev.newsflow.enrich.text.language.OpenNlpLanguageDetector;
import dev.newsflow.enrich.text.tags.HeuristicTagExtractor;
import dev.newsflow.enrich.text.teaser.SentenceTeaserWriter;
import dev.newsflow.enrich.text.teaser.TeaserLimits;

/** Builds the production {@link ArticleEnricher} from its parts; used by the stage and by {@code newsflow preview}. */
public final class Enrichers {

    private Enrichers() {
    }

    public static ArticleEnricher create(TeaserLimits teaserLimits, ClassifierConfig classifierConfig) {
        return new ArticleEnricher(new MainTextExtractor(), new SentenceTeaserWriter(teaserLimits),
                TrainedCategorizer.loadDefault(classifierConfig), new OpenNlpLanguageDetector(),
                ClassifierLanguages.ENGLISH_ONLY, new HeuristicTagExtractor());
    }

    public static ArticleEnricher defaults() {
        return create(TeaserLimits.DEFAULT, ClassifierConfig.defaults());
    }
}
