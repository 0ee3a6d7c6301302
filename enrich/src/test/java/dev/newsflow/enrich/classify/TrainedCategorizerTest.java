package dev.newsflow.enrich.classify;

import dev.newsflow.schemas.MediaTopic;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

class TrainedCategorizerTest {

    private static final CategoryModel MODEL = SyntheticCorpus.model(42);
    private static final String SPORT_TEXT = "the striker scored a goal as the league leaders won the cup match, the coach said";

    private static TrainedCategorizer categorizer(double threshold, String overrides) throws IOException {
        NewsroomOverrides rules = overrides == null ? NewsroomOverrides.none() : NewsroomOverrides.parse(new StringReader(overrides), "test");
        return new TrainedCategorizer(MODEL, TopicLexicon.loadDefault(), new ClassifierConfig(OptionalDouble.of(threshold), rules));
    }

    @Test
    void shouldPutTheMostProbableTopicFirstWithConfidencesInRange() throws IOException {
        Classification c = categorizer(0.5, null).categorize(new ClassifierInput("", SPORT_TEXT, null, "en"));

        assertThat(c.categories()).isNotEmpty().hasSizeLessThanOrEqualTo(4);
        assertThat(c.categories().get(0).topic()).isEqualTo(MediaTopic.SPORT);
        assertThat(c.categories().get(0).decidedBy()).isEqualTo(MODEL.version());
        assertThat(c.categories()).allSatisfy(s -> assertThat(s.confidence()).isBetween(0.0, 1.0));
        for (int i = 2; i < c.categories().size(); i++) {
            assertThat(c.categories().get(i).confidence()).isLessThanOrEqualTo(c.categories().get(i - 1).confidence());
        }
        assertThat(c.reviewRequired()).isFalse();
    }

    @Test
    void shouldFlagLowConfidenceForReviewButStillCategorise() throws IOException {
        Classification c = categorizer(1.0, null).categorize(new ClassifierInput("", "the people said on the year", null, null));

        assertThat(c.reviewRequired()).isTrue();
        assertThat(c.reviewReasons()).containsExactly(TrainedCategorizer.REASON_LOW_CONFIDENCE);
        assertThat(c.categories()).isNotEmpty();
    }

    @Test
    void shouldUseTheModelsRecommendedThresholdWhenNoneIsConfigured() {
        TrainedCategorizer categorizer = new TrainedCategorizer(MODEL, TopicLexicon.loadDefault(), ClassifierConfig.defaults());

        assertThat(categorizer.reviewThreshold()).isEqualTo(MODEL.reviewThreshold());
    }

    @Test
    void shouldFlagUnsupportedLanguageWithoutGuessingCategories() throws IOException {
        Classification c = categorizer(0.5, null).categorize(new ClassifierInput("", SPORT_TEXT, null, "fr"));

        assertThat(c.reviewRequired()).isTrue();
        assertThat(c.reviewReasons()).containsExactly(TrainedCategorizer.REASON_UNSUPPORTED_LANGUAGE);
        assertThat(c.categories()).isEmpty();
    }

    @Test
    void shouldLetASourceRuleDecideThePrimaryEvenInAnotherLanguage() throws IOException {
        String rules = "rule.wire.source = Sports Wire\nrule.wire.topic = sport\nrule.wire.primary = true\n";
        Classification c = categorizer(0.5, rules).categorize(new ClassifierInput("", "le match de football", "sports wire", "fr"));

        assertThat(c.categories()).extracting(CategoryScore::topic).containsExactly(MediaTopic.SPORT);
        assertThat(c.categories().get(0).decidedBy()).isEqualTo("override:wire");
        assertThat(c.reviewReasons()).containsExactly(TrainedCategorizer.REASON_UNSUPPORTED_LANGUAGE);
    }

    @Test
    void shouldMakeAPrimaryRuleWinOverTheModelAndClearLowConfidence() throws IOException {
        String rules = "rule.markets.source = markets-desk\nrule.markets.topic = economy-business-finance\nrule.markets.primary = true\n";
        Classification c = categorizer(1.0, rules).categorize(new ClassifierInput("", SPORT_TEXT, "Markets-Desk", "en"));

        assertThat(c.categories().get(0).topic()).isEqualTo(MediaTopic.ECONOMY_BUSINESS_FINANCE);
        assertThat(c.categories().get(0).confidence()).isEqualTo(1.0);
        assertThat(c.categories()).extracting(CategoryScore::topic).contains(MediaTopic.SPORT);
        assertThat(c.reviewRequired()).isFalse();
    }

    @Test
    void shouldAddASecondaryTopicWhenARulesTermsOccur() throws IOException {
        String rules = "rule.derby.terms = cup match\nrule.derby.topic = human-interest\nrule.derby.confidence = 0.7\n";
        Classification c = categorizer(0.5, rules).categorize(new ClassifierInput("", SPORT_TEXT, null, "en"));

        assertThat(c.categories().get(0).topic()).isEqualTo(MediaTopic.SPORT);
        assertThat(c.categories()).anySatisfy(s -> {
            assertThat(s.topic()).isEqualTo(MediaTopic.HUMAN_INTEREST);
            assertThat(s.decidedBy()).isEqualTo("override:derby");
            assertThat(s.confidence()).isEqualTo(0.7);
        });
    }

    @Test
    void shouldNeverLetASecondaryRuleDemoteThePrimaryOfItsOwnTopic() throws IOException {
        double model = categorizer(0.5, null).categorize(new ClassifierInput("", SPORT_TEXT, null, "en"))
                .categories().get(0).confidence();
        String rules = "rule.football.terms = cup match\nrule.football.topic = sport\nrule.football.confidence = 0.3\n";

        Classification c = categorizer(0.5, rules).categorize(new ClassifierInput("", SPORT_TEXT, null, "en"));

        assertThat(c.categories().get(0).topic()).isEqualTo(MediaTopic.SPORT);
        assertThat(c.categories().get(0).confidence()).isEqualTo(model);
        assertThat(c.categories()).extracting(CategoryScore::topic).containsOnlyOnce(MediaTopic.SPORT);
    }

    @Test
    void shouldNeverShowASecondaryAboveThePrimaryWhateverARuleSays() throws IOException {
        String secondary = "rule.w.terms = cup match\nrule.w.topic = weather\n"; // confidence 1.0 by default
        String lowPrimary = "rule.p.terms = cup match\nrule.p.topic = crime-law-justice\nrule.p.primary = true\nrule.p.confidence = 0.3\n";

        for (String rules : List.of(secondary, lowPrimary)) {
            List<CategoryScore> categories = categorizer(0.5, rules)
                    .categorize(new ClassifierInput("", SPORT_TEXT, null, "en")).categories();

            assertThat(categories.subList(1, categories.size())).as(rules)
                    .allSatisfy(s -> assertThat(s.confidence()).isLessThanOrEqualTo(categories.get(0).confidence()));
        }
    }

    @Test
    void shouldCategoriseATextWhoseLanguageIsUndetermined() throws IOException {
        Classification c = categorizer(0.5, null).categorize(new ClassifierInput("", SPORT_TEXT, null, "und"));

        assertThat(c.categories()).isNotEmpty();
        assertThat(c.reviewReasons()).containsExactly(TrainedCategorizer.REASON_UNDETERMINED_LANGUAGE);
    }

    @Test
    void shouldNotApplyATermRuleWhenItsTermsAreAbsent() throws IOException {
        String rules = "rule.derby.terms = derby day\nrule.derby.topic = human-interest\n";
        Classification c = categorizer(0.5, rules).categorize(new ClassifierInput("", SPORT_TEXT, null, "en"));

        assertThat(c.categories()).extracting(CategoryScore::topic).doesNotContain(MediaTopic.HUMAN_INTEREST);
    }

    @Test
    void shouldAddAStrongLexiconTopicAsSecondaryToAnArticle() throws IOException {
        String text = SPORT_TEXT + " before an earthquake and a tsunami hit the coast; rescue teams searched debris for survivors";
        Classification c = categorizer(0.5, null).categorize(new ClassifierInput("", text, null, "en"));

        assertThat(c.categories()).extracting(CategoryScore::topic).contains(MediaTopic.DISASTER_ACCIDENT_EMERGENCY);
        assertThat(c.categories().get(0).topic()).isNotEqualTo(MediaTopic.DISASTER_ACCIDENT_EMERGENCY);
    }

    @Test
    void shouldLetAStrongLexiconTopicReplacePoliticsAsPrimaryOfAShortItem() throws IOException {
        String text = "the minister said the government vote was delayed after an earthquake and tsunami; "
                + "rescue teams searched debris for survivors";
        Classification c = categorizer(0.5, null).categorize(new ClassifierInput("", text, null, "en"));

        assertThat(c.categories().get(0).topic()).isEqualTo(MediaTopic.DISASTER_ACCIDENT_EMERGENCY);
        assertThat(c.categories()).extracting(CategoryScore::topic).contains(MediaTopic.POLITICS);
    }

    @Test
    void shouldLetTheLexiconTakeThePrimaryOnlyBelowT1AndFromT2() {
        TrainedCategorizer.LexiconTakeover rule = new TrainedCategorizer.LexiconTakeover(0.9, 0.99);

        assertThat(rule.fires(0.6, 0.995)).isTrue();
        assertThat(rule.fires(0.6, 0.99)).isTrue();
        assertThat(rule.fires(0.9, 0.999)).isFalse();
        assertThat(rule.fires(0.6, 0.98)).isFalse();
        assertThat(TrainedCategorizer.LexiconTakeover.OFF.fires(0.0, 1.0)).isFalse();
    }

    private static final String HEALTH_PARAGRAPHS = "Hospitals reported longer waiting lists as doctors and nurses treated "
            + "record numbers of patients, and the vaccine clinic at the health centre ran out of flu jabs. "
            + "A consultant said intensive care beds were full, the virus was spreading in care homes and surgery "
            + "had been cancelled for hundreds of patients.\n\n"
            + "Public health officials urged patients with symptoms to see their GP, while the hospital trust said "
            + "more nurses, doctors and vaccine clinics were needed before the winter. The health service said "
            + "accident and emergency departments had treated more patients than in any month on record, and that "
            + "the backlog of operations would take years to clear.";

    /** Every lexicon topic strong enough for {@code T2 = 0.5} takes over whatever the model says: only the lead matters. */
    private static TrainedCategorizer takeoverAlways() {
        return new TrainedCategorizer(MODEL, TopicLexicon.loadDefault(), ClassifierConfig.defaults(),
                new TrainedCategorizer.LexiconTakeover(1.01, 0.5));
    }

    @Test
    void shouldLetALexiconTopicTakeAnArticlesPrimaryWhenItsLeadAnnouncesIt() {
        Classification c = takeoverAlways().categorize(new ClassifierInput("Hospital waiting lists grow as vaccine campaign begins",
                HEALTH_PARAGRAPHS, null, "en"));

        assertThat(Tokenizer.tokenize(HEALTH_PARAGRAPHS)).hasSizeGreaterThanOrEqualTo(MODEL.shortTextTokens());
        assertThat(c.categories().get(0).topic()).isEqualTo(MediaTopic.HEALTH);
    }

    @Test
    void shouldKeepTheModelsPrimaryWhenOnlyTheBodyOfAnArticleIsAboutALexiconTopic() {
        String lead = "The party's leader told the conference that the government would lose the vote on the bill, "
                + "as ministers and opposition MPs prepared for the election campaign.\n\n";
        Classification c = takeoverAlways().categorize(new ClassifierInput("Minister faces vote on spending plans",
                lead + HEALTH_PARAGRAPHS, null, "en"));

        assertThat(c.categories().get(0).topic()).isNotEqualTo(MediaTopic.HEALTH);
        assertThat(c.categories()).extracting(CategoryScore::topic).contains(MediaTopic.HEALTH);
    }

    @Test
    void shouldSayALeadAnnouncesATopicWhenTheLexiconFindsItThere() {
        TopicLexicon lexicon = TopicLexicon.loadDefault();
        long[] tokens = Tokenizer.tokenize("Hospital vaccine clinic opens. The party won the vote in parliament.");

        assertThat(TrainedCategorizer.leadAnnounces(lexicon, tokens, 4, MediaTopic.HEALTH)).isTrue();
        assertThat(TrainedCategorizer.leadAnnounces(lexicon, tokens, 1, MediaTopic.HEALTH)).isFalse(); // one term only
        assertThat(TrainedCategorizer.leadAnnounces(lexicon, tokens, tokens.length, MediaTopic.CRIME_LAW_JUSTICE)).isFalse();
    }

    @Test
    void shouldGuessNoCategoryForATextWithoutWords() throws IOException {
        Classification c = categorizer(0.5, null).categorize(new ClassifierInput("", "!!! ... 😀 --", null, "en"));

        assertThat(c.categories()).isEmpty();
        assertThat(c.reviewReasons()).containsExactly(TrainedCategorizer.REASON_NO_TEXT);
    }

    @Test
    void shouldStillLetASourceRuleNameTheTopicOfATextWithoutWords() throws IOException {
        String rules = "rule.wire.source = Sports Wire\nrule.wire.topic = sport\nrule.wire.primary = true\n";
        Classification c = categorizer(0.5, rules).categorize(new ClassifierInput("", "", "sports wire", "en"));

        assertThat(c.categories()).extracting(CategoryScore::topic).containsExactly(MediaTopic.SPORT);
        assertThat(c.reviewRequired()).isFalse();
    }
}
