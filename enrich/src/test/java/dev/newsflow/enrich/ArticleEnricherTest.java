package dev.newsflow.enrich;

import static dev.newsflow.enrich.RawArticles.aRawArticle;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.schemas.avro.EnrichedArticle;
import dev.newsflow.schemas.avro.Tag;
import dev.newsflow.schemas.avro.TagType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ArticleEnricherTest {

    private static final Instant NOW = Instant.parse("2026-11-28T09:30:00Z");

    private final ArticleEnricher enricher = FakeEnrichment.enricher().build();

    @Test
    void shouldCarryTheArticleAndAddTextTeaserCategoriesAndTags() {
        EnrichedArticle enriched = enricher.enrich(aRawArticle("a-1").version(2)
                .body("The home side won the final.\n\nFans celebrated late.").build(), NOW);

        assertThat(enriched.getUri()).isEqualTo("a-1");
        assertThat(enriched.getVersion()).isEqualTo(2L);
        assertThat(enriched.getText()).isEqualTo("The home side won the final.\n\nFans celebrated late.");
        assertThat(enriched.getTeaser()).isEqualTo("The home side won the final.");
        assertThat(enriched.getTeaserMachineMade()).isTrue();
        assertThat(enriched.getEnrichedAt()).isEqualTo(NOW);
        assertThat(enriched.getLanguage()).isEqualTo("en");
        assertThat(enriched.getCategories()).singleElement().satisfies(subject -> {
            assertThat(subject.getCode()).isEqualTo(FakeEnrichment.CATEGORY.code());
            assertThat(subject.getLabel()).isEqualTo(FakeEnrichment.CATEGORY.label());
            assertThat(subject.getConfidence()).isEqualTo(FakeEnrichment.CONFIDENCE);
            assertThat(subject.getDecidedBy()).isEqualTo(FakeEnrichment.MODEL);
        });
        assertThat(enriched.getReviewRequired()).isFalse();
        assertThat(enriched.getReviewReasons()).isEmpty();
        assertThat(enriched.getWordCount()).isEqualTo(9);
    }

    @Test
    void shouldNeverLetMarkupIntoTheFieldsSitesShowAsPlainText() {
        EnrichedArticle enriched = enricher.enrich(aRawArticle("a-1")
                .headline("Fire at <b>mill</b><img src=x onerror=alert(1)>")
                .byline("&lt;svg onload=alert(1)&gt;Jane Doe")
                .source("<script>alert(1)</script>Wire &amp; Co")
                .keywords("<i>fire</i>", "<script>x</script>", "mill", "mill")
                .body("The mill burned down overnight.\n\nNobody was hurt.").build(), NOW);

        assertThat(enriched.getHeadline()).isEqualTo("Fire at mill");
        assertThat(enriched.getByline()).isEqualTo("‹svg onload=alert(1)>Jane Doe").doesNotContain("<");
        assertThat(enriched.getSource()).isEqualTo("Wire & Co");
        assertThat(enriched.getKeywords()).containsExactly("fire", "mill"); // posts carry them since Post v4
    }

    @Test
    void shouldKeepTheWordsOfAStoryThatQuotesMarkupInItsTeaserMadeHarmless() {
        ArticleEnricher withTeasers = new ArticleEnricher(FakeEnrichment.PARAGRAPHS,
                new dev.newsflow.enrich.text.teaser.SentenceTeaserWriter(160), FakeEnrichment.ALWAYS_SPORT,
                text -> new dev.newsflow.enrich.text.DetectedLanguage("en", 0.99),
                dev.newsflow.enrich.text.language.ClassifierLanguages.ENGLISH_ONLY, FakeEnrichment.ONE_TAG);

        // the text as a page's "&lt;script&gt;" reads once decoded; read as HTML again it lost those words
        EnrichedArticle enriched = withTeasers.enrich(aRawArticle("a-1")
                .body("The attacker injected <script>alert(1)</script> into the form, researchers at AT&T said.").build(), NOW);

        assertThat(enriched.getTeaser())
                .isEqualTo("The attacker injected ‹script>alert(1)‹/script> into the form, researchers at AT&T said.");
    }

    @Test
    void shouldNotDateAStoryByAFutureDateItsPageMentions() {
        // what MainTextExtractor reads from article:published_time or a <time> in the story
        var raw = aRawArticle("a-1").build(); // received 2026-11-28T09:00Z
        Instant past = Instant.parse("2026-11-20T08:00:00Z");

        assertThat(ArticleEnricher.plausiblePublicationTime(past, raw)).isEqualTo(past);
        assertThat(ArticleEnricher.plausiblePublicationTime(Instant.parse("2026-11-29T08:00:00Z"), raw)).isNotNull(); // clocks
        // the URL would take it for good: the day ingest received the story is used instead
        assertThat(ArticleEnricher.plausiblePublicationTime(Instant.parse("2199-06-01T00:00:00Z"), raw)).isNull();
        // under an embargo, up to its release
        var embargoed = aRawArticle("a-2").build();
        embargoed.setEmbargoedUntil(Instant.parse("2026-12-24T00:00:00Z"));
        assertThat(ArticleEnricher.plausiblePublicationTime(Instant.parse("2026-12-24T00:00:00Z"), embargoed)).isNotNull();
        assertThat(ArticleEnricher.plausiblePublicationTime(null, raw)).isNull();
    }

    @Test
    void shouldNeverLetATwiceEncodedBylineFromAPageBecomeMarkup() {
        String page = "<html><head><meta name=\"author\" content=\"&amp;lt;img src=x onerror=alert(1)&amp;gt;\">"
                + "</head><body><article><p>The mill burned down overnight, and the town's fire crews worked until dawn."
                + "</p><p>Nobody was hurt, the fire service said on Sunday morning.</p></article></body></html>";

        EnrichedArticle enriched = enricher.enrich(aRawArticle("a-1").html(page).build(), NOW);

        assertThat(String.valueOf(enriched.getByline())).doesNotContain("<");
    }

    @Test
    void shouldKeepALessThanSignInAHeadlineThatIsNotMarkup() {
        EnrichedArticle enriched = enricher.enrich(aRawArticle("a-1").headline("Inflation < 2% for AT&amp;T staff").build(), NOW);

        assertThat(enriched.getHeadline()).isEqualTo("Inflation < 2% for AT&T staff");
    }

    @Test
    void shouldPassTheEditorsTeaserThrough() {
        EnrichedArticle enriched = enricher.enrich(aRawArticle("a-1").editorTeaser("The editor's own words.").build(), NOW);

        assertThat(enriched.getTeaser()).isEqualTo("The editor's own words.");
        assertThat(enriched.getTeaserMachineMade()).isFalse();
    }

    @Test
    void shouldPreferTheSendersLanguageOverDetection() {
        ArticleEnricher detectsFrench = FakeEnrichment.enricher().detecting("fr").build();

        EnrichedArticle enriched = detectsFrench.enrich(aRawArticle("a-1").language("en-gb").build(), NOW);

        assertThat(enriched.getLanguage()).isEqualTo("en");
        assertThat(enriched.getReviewReasons()).doesNotContain("unsupported-language");
    }

    @Test
    void shouldDropReutersStockCodesFromTheHeadlineAndDescriptionAsTheExtractorDoesFromTheBody() {
        EnrichedArticle enriched = enricher.enrich(aRawArticle("a-1").headline("Oracle <ORCL.O> raises bid")
                .editorTeaser("Oracle Corp. <ORCL.O> raised its bid for PeopleSoft <PSFT.O> on Monday.")
                .body("Oracle Corp. <ORCL.O> raised its bid.\n\nShares rose.").build(), NOW);

        assertThat(enriched.getHeadline()).isEqualTo("Oracle raises bid");
        assertThat(enriched.getTeaser()).isEqualTo("Oracle Corp. raised its bid for PeopleSoft on Monday.");
    }

    @Test
    void shouldUseTheTextsLanguageAndAskForReviewWhenTheSenderPlainlyDeclaredAnother() {
        ArticleEnricher detectsEnglish = FakeEnrichment.enricher().detecting("en").build();
        String body = "The home side won the final after extra time on Saturday, and their coach said the squad had"
                + " earned it over a long season.\n\nFans celebrated late into the night across the city centre.";

        EnrichedArticle enriched = detectsEnglish.enrich(aRawArticle("a-1").language("pt-BR").body(body).build(), NOW);

        assertThat(enriched.getLanguage()).isEqualTo("en");
        assertThat(enriched.getCategories()).isNotEmpty();
        assertThat(enriched.getReviewReasons()).containsExactly("language-mismatch");
        // text in a language the classifier does not read keeps the sender's, flagged
        EnrichedArticle german = FakeEnrichment.enricher().detecting("de").build()
                .enrich(aRawArticle("a-3").language("en").body(body).build(), NOW);
        assertThat(german.getLanguage()).isEqualTo("en");
        assertThat(german.getReviewReasons()).contains("language-mismatch");
        // Norwegian declared "no" and detected as Bokmål "nb" is the same language
        EnrichedArticle norwegian = FakeEnrichment.enricher().detecting("nb").build()
                .enrich(aRawArticle("a-4").language("no").body(body).build(), NOW);
        assertThat(norwegian.getReviewReasons()).doesNotContain("language-mismatch");
        // a withdrawn code is published as its successor
        EnrichedArticle hebrew = FakeEnrichment.enricher().detecting("he").build()
                .enrich(aRawArticle("a-5").language("iw").body(body).build(), NOW);
        assertThat(hebrew.getLanguage()).isEqualTo("he");
        assertThat(hebrew.getReviewReasons()).doesNotContain("language-mismatch");
        // a short text never overrules the sender
        EnrichedArticle shortOne = detectsEnglish.enrich(aRawArticle("a-2").language("pt-BR").body("Gol!").build(), NOW);
        assertThat(shortOne.getLanguage()).isEqualTo("pt");
        assertThat(shortOne.getReviewReasons()).doesNotContain("language-mismatch");
    }

    @Test
    void shouldAskForReviewWhenTheLanguageIsNotOneTheClassifierKnows() {
        ArticleEnricher detectsGerman = FakeEnrichment.enricher().detecting("de").build();

        EnrichedArticle enriched = detectsGerman.enrich(aRawArticle("a-1").build(), NOW);

        assertThat(enriched.getLanguage()).isEqualTo("de");
        assertThat(enriched.getReviewRequired()).isTrue();
        assertThat(enriched.getReviewReasons()).containsExactly("unsupported-language");
    }

    @Test
    void shouldLeaveAnUndeterminedLanguageEmptyAndStillCategorise() {
        List<String> languagesAsked = new ArrayList<>();
        ArticleEnricher undetermined = FakeEnrichment.enricher().detecting("und").categorizer(input -> {
            languagesAsked.add(String.valueOf(input.language()));
            return FakeEnrichment.ALWAYS_SPORT.categorize(input);
        }).build();

        EnrichedArticle enriched = undetermined.enrich(aRawArticle("a-1").build(), NOW);

        assertThat(enriched.getLanguage()).isNull();
        // no language means the classifier's own (English), not "und", which it would refuse
        assertThat(languagesAsked).containsExactly("null");
        assertThat(enriched.getCategories()).isNotEmpty();
        assertThat(enriched.getReviewReasons()).containsExactly("undetermined-language");
        assertThat(enriched.getReviewRequired()).isTrue();
    }

    @Test
    void shouldAskForReviewWhenThereIsNoText() {
        EnrichedArticle enriched = enricher.enrich(aRawArticle("a-1").body("  \n\n ").build(), NOW);

        assertThat(enriched.getText()).isEmpty();
        assertThat(enriched.getWordCount()).isZero();
        assertThat(enriched.getReadingTimeMinutes()).isZero();
        assertThat(enriched.getReviewRequired()).isTrue();
        assertThat(enriched.getReviewReasons()).containsExactly("no-text");
    }

    @Test
    void shouldRoundReadingTimeToWholeMinutesWithAtLeastOne() {
        assertThat(readingTimeOf(1)).isEqualTo(1);
        assertThat(readingTimeOf(344)).isEqualTo(1);
        assertThat(readingTimeOf(345)).isEqualTo(2);
        assertThat(readingTimeOf(690)).isEqualTo(3);
    }

    @Test
    void shouldMapTagsToAvroTagsWithTheirKind() {
        EnrichedArticle enriched = enricher.enrich(aRawArticle("a-1").build(), NOW);

        assertThat(enriched.getTags()).containsExactly(Tag.newBuilder()
                .setName(FakeEnrichment.TAG.name()).setType(TagType.PERSON).setScore(FakeEnrichment.TAG.score()).build());
    }

    @Test
    void shouldLeaveTheBodyHtmlOutWhenTextAndHtmlTogetherWouldPassWhatAStageReads() {
        String cjk = "中".repeat(600_000); // 1.8 MB of text, and as much again as HTML
        String ascii = "a".repeat(600_000);

        assertThat(ArticleEnricher.withinBudget(cjk, "<p>" + cjk + "</p>")).isNull();
        assertThat(ArticleEnricher.withinBudget(ascii, "<p>" + ascii + "</p>")).isNotNull();
        assertThat(ArticleEnricher.withinBudget("short", "<p>short</p>")).isEqualTo("<p>short</p>");
    }

    @Test
    void shouldNotRepeatTheHeadlineAsTheFirstParagraph() {
        EnrichedArticle enriched = enricher.enrich(aRawArticle("a-1").headline("Mill burns down")
                .body("Mill burns down\n\nThe mill burned down overnight.").build(), NOW);

        assertThat(enriched.getText()).isEqualTo("The mill burned down overnight.");
        assertThat(enriched.getBodyHtml()).isEqualTo("<p>The mill burned down overnight.</p>");
    }

    @Test
    void shouldTakeTheSendersImageOverTheBodysAsPlainText() {
        EnrichedArticle enriched = enricher.enrich(aRawArticle("a-1").image("https://cdn.example/cms.jpg", "A <b>tram</b>", "Photo &amp; credit")
                .body("The council voted.").build(), NOW);

        assertThat(enriched.getImage().getUrl()).isEqualTo("https://cdn.example/cms.jpg");
        assertThat(enriched.getImage().getAlt()).isEqualTo("A tram");
        assertThat(enriched.getImage().getCaption()).isEqualTo("Photo & credit");
    }

    @Test
    void shouldPassAKillThroughWithoutContent() {
        EnrichedArticle enriched = enricher.enrich(aRawArticle("a-1").killed().build(), NOW);

        assertThat(enriched.getText()).isEmpty();
        assertThat(enriched.getBodyHtml()).isNull();
        assertThat(enriched.getImage()).isNull();
        assertThat(enriched.getTeaser()).isEmpty();
        assertThat(enriched.getCategories()).isEmpty();
        assertThat(enriched.getWordCount()).isZero();
    }

    private int readingTimeOf(int words) {
        String text = IntStream.range(0, words).mapToObj(i -> "word").collect(Collectors.joining(" "));
        EnrichedArticle enriched = enricher.enrich(aRawArticle("a-1").body(text).build(), NOW);
        assertThat(enriched.getWordCount()).isEqualTo(words);
        return enriched.getReadingTimeMinutes();
    }
}
