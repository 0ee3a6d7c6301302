package dev.newsflow.enrich;

import dev.newsflow.enrich.classify.Categorizer;
import dev.newsflow.enrich.classify.CategoryScore;
import dev.newsflow.enrich.classify.Classification;
import dev.newsflow.enrich.text.ArticleTag;
import dev.newsflow.enrich.text.DetectedLanguage;
import dev.newsflow.enrich.text.ExtractedArticle;
import dev.newsflow.enrich.text.LanguageDetector;
import dev.newsflow.enrich.text.TagExtractor;
import dev.newsflow.enrich.text.Teaser;
import dev.newsflow.enrich.text.TeaserWriter;
import dev.newsflow.enrich.text.TextExtractor;
import dev.newsflow.enrich.text.language.ClassifierLanguages;
import dev.newsflow.schemas.MediaTopic;
import java.util.Arrays;
import java.util.List;

/**
 * Small, predictable stand-ins for the enricher's collaborators: paragraphs split on blank lines, the first paragraph
 * as teaser, always SPORT, a fixed language, one tag. {@code FakeEnrichment.enricher().detecting("fr").build()}.
 */
final class FakeEnrichment {

    static final MediaTopic CATEGORY = MediaTopic.SPORT;
    static final double CONFIDENCE = 0.9;
    static final String MODEL = "fake-model";
    static final ArticleTag TAG = new ArticleTag("Jane Doe", ArticleTag.Kind.PERSON, 0.8);

    /** Splits on blank lines; never sees HTML in these tests. */
    static final TextExtractor PARAGRAPHS = (body, html) -> new ExtractedArticle(null, null, null,
            Arrays.stream(body.split("\\n\\s*\\n")).map(String::strip).filter(p -> !p.isEmpty()).toList());

    /** The editor's teaser when given, else the first paragraph. */
    static final TeaserWriter FIRST_PARAGRAPH = (headline, paragraphs, editorTeaser, language) -> editorTeaser != null
            ? new Teaser(editorTeaser, false)
            : new Teaser(paragraphs.isEmpty() ? "" : paragraphs.get(0), true);

    static final Categorizer ALWAYS_SPORT = input -> new Classification(
            List.of(new CategoryScore(CATEGORY, CONFIDENCE, MODEL)), false, List.of());

    static final TagExtractor ONE_TAG = (headline, paragraphs, language) -> List.of(TAG);

    private Categorizer categorizer = ALWAYS_SPORT;
    private String detected = "en";

    private FakeEnrichment() {
    }

    static FakeEnrichment enricher() {
        return new FakeEnrichment();
    }

    /** The language the detector answers, whatever the text. */
    FakeEnrichment detecting(String language) {
        detected = language;
        return this;
    }

    FakeEnrichment categorizer(Categorizer categorizer) {
        this.categorizer = categorizer;
        return this;
    }

    ArticleEnricher build() {
        LanguageDetector detector = text -> new DetectedLanguage(detected, 0.99);
        return new ArticleEnricher(PARAGRAPHS, FIRST_PARAGRAPH, categorizer, detector, ClassifierLanguages.ENGLISH_ONLY,
                ONE_TAG);
    }
}
