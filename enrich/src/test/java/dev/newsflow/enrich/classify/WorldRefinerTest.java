package dev.newsflow.enrich.classify;

import dev.newsflow.schemas.MediaTopic;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The World refiner: trained on our labels of World items, stored in the model, used for short politics items. */
class WorldRefinerTest {

    private static final CategoryModel MODEL = SyntheticCorpus.modelWithWorldRefiner(3);
    private static final TrainedCategorizer CATEGORIZER = new TrainedCategorizer(MODEL, TopicLexicon.loadDefault(),
            ClassifierConfig.defaults());

    @Test
    void shouldTrainARefinerOverTheWorldTopicsOfTheLabelledItemsOnly() {
        assertThat(MODEL.worldRefiner()).isNotNull();
        assertThat(MODEL.worldRefiner().topics()).containsExactlyInAnyOrder(MediaTopic.POLITICS,
                MediaTopic.CONFLICT_WAR_PEACE, MediaTopic.DISASTER_ACCIDENT_EMERGENCY);
        assertThat(MODEL.worldRefiner().vectorizer().hashBits()).isLessThanOrEqualTo(MODEL.vectorizer().hashBits());
        assertThat(SyntheticCorpus.model(3).worldRefiner()).as("no World labels, no refiner").isNull();
    }

    @Test
    void shouldLeaveOutTopicsWithTooFewLabelledItemsAndTopicsOfTheOtherBuckets() {
        TrainingParameters parameters = new TrainingParameters(16, 5, 1e-4, 1.0, 3);
        List<TrainingExample> examples = new java.util.ArrayList<>(SyntheticCorpus.examplesWithWorldItems(20, 20, 20, 7, 16));
        Vectorizer vectorizer = new Vectorizer(16);
        for (int i = 0; i < ModelTrainer.WORLD_REFINER_MIN_EXAMPLES - 1; i++) { // too few religion items
            long[] tokens = Tokenizer.tokenize("the pope said mass at the cathedral " + i);
            examples.add(new TrainingExample(tokens, vectorizer.count(tokens), MediaTopic.POLITICS, "World", "synthetic", MediaTopic.RELIGION));
        }
        for (int i = 0; i < 30; i++) { // a World item we labelled sport stays the main model's to decide
            long[] tokens = Tokenizer.tokenize("the olympic team won gold in athens " + i);
            examples.add(new TrainingExample(tokens, vectorizer.count(tokens), MediaTopic.POLITICS, "World", "synthetic", MediaTopic.SPORT));
        }

        LinearModel refiner = new ModelTrainer(parameters).trainWorldRefiner(examples, CategoryModel.DEFAULT_SHORT_TEXT_TOKENS);

        assertThat(refiner.topics()).doesNotContain(MediaTopic.RELIGION, MediaTopic.SPORT).hasSize(3);
    }

    @Test
    void shouldStoreAndReadBackTheRefinerByteForByte() throws IOException {
        byte[] bytes = MODEL.toBytes();
        CategoryModel read = CategoryModel.fromBytes(bytes);

        assertThat(read.worldRefiner().topics()).isEqualTo(MODEL.worldRefiner().topics());
        assertThat(read.toBytes()).isEqualTo(bytes);
        assertThat(SyntheticCorpus.modelWithWorldRefiner(3).toBytes()).as("deterministic").isEqualTo(bytes);
    }

    @Test
    void shouldRefuseARefinerThatCouldMoveAnItemToAnotherBucket() {
        LinearModel sportAndPolitics = SyntheticCorpus.model(3).shortModel();

        assertThatThrownBy(() -> new CategoryModel(MODEL.shortModel(), MODEL.longModel(), sportAndPolitics,
                CategoryModel.DEFAULT_SHORT_TEXT_TOKENS, 0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("everything else");
    }

    @Test
    void shouldGiveAShortWorldItemTheRefinedTopicWithTheProductOfBothConfidences() {
        // two conflict words only: too little for the lexicon rule that comes first, enough for the refiner
        String text = "the troops said on the year the rebels were in the new year with people from the troops";
        assertThat(TopicLexicon.loadDefault().score(Tokenizer.tokenize(text))).noneMatch(s -> s.distinctTerms() >= 3);
        Classification c = CATEGORIZER.categorize(new ClassifierInput("", text, null, "en"));
        TermCounts counts = MODEL.vectorizer().count(Tokenizer.tokenize(text), Tokenizer.features(text, Tokenizer.tokenize(text)));
        double politics = probabilityOf(MODEL.shortModel(), counts, MediaTopic.POLITICS);
        double conflict = probabilityOf(MODEL.worldRefiner(), MODEL.vectorizer().fold(counts, MODEL.worldRefiner().vectorizer()),
                MediaTopic.CONFLICT_WAR_PEACE);

        assertThat(c.categories().get(0).topic()).isEqualTo(MediaTopic.CONFLICT_WAR_PEACE);
        assertThat(c.categories().get(0).confidence()).isCloseTo(politics * conflict, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(c.categories().get(0).decidedBy()).isEqualTo(MODEL.version() + TrainedCategorizer.WORLD_REFINER_SUFFIX);
        assertThat(c.categories()).extracting(CategoryScore::topic).doesNotHaveDuplicates();
        assertThat(c.categories()).as("the main model's other topics are not secondaries of world news")
                .noneMatch(score -> score.decidedBy().equals(MODEL.version()));
    }

    @Test
    void shouldKeepTheLexiconRuleFirstAndStillShowTheRefinersTopicsAsSecondaries() {
        // an earthquake with many disaster terms: the lexicon rule names the primary, the refiner the rest
        String text = "an earthquake and a tsunami hit the coast; rescue teams searched debris for survivors as the minister said";
        Classification c = CATEGORIZER.categorize(new ClassifierInput("", text, null, "en"));

        assertThat(c.categories().get(0).topic()).isEqualTo(MediaTopic.DISASTER_ACCIDENT_EMERGENCY);
        assertThat(c.categories().get(0).decidedBy()).endsWith("+lexicon");
        assertThat(c.categories()).extracting(CategoryScore::topic).doesNotHaveDuplicates();
        assertThat(c.categories()).noneMatch(score -> score.decidedBy().equals(MODEL.version()));
    }

    @Test
    void shouldNotRefineAnItemTheModelFilesUnderAnotherTopic() {
        Classification c = CATEGORIZER.categorize(new ClassifierInput("", "the striker scored a goal as the league leaders won the cup match", null, "en"));

        assertThat(c.categories().get(0).topic()).isEqualTo(MediaTopic.SPORT);
        assertThat(c.categories().get(0).decidedBy()).isEqualTo(MODEL.version());
    }

    @Test
    void shouldNotRefineAnArticle() {
        Random random = new Random(1);
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < 150; w++) {
            text.append(random.nextBoolean() ? "minister election parliament vote".split(" ")[random.nextInt(4)] : "troops").append(' ');
        }
        long[] tokens = Tokenizer.tokenize(text.toString());
        LinearModel articles = MODEL.longModel();
        double[] p = articles.probabilities(MODEL.vectorizer().count(text.toString(), tokens, Tokenizer.features(text.toString(), tokens)));
        Classification c = CATEGORIZER.categorize(new ClassifierInput("", text.toString(), null, "en"));

        assertThat(tokens.length).isGreaterThanOrEqualTo(MODEL.shortTextTokens());
        assertThat(articles.topics().get(LinearModel.argmax(p))).as("the article model says politics").isEqualTo(MediaTopic.POLITICS);
        assertThat(c.categories().get(0).topic()).isEqualTo(MediaTopic.POLITICS);
        assertThat(c.categories()).noneMatch(s -> s.decidedBy().endsWith(TrainedCategorizer.WORLD_REFINER_SUFFIX));
    }

    @Test
    void shouldFoldTheCountsOfAModelWithMoreHashBitsThanTheRefiner() {
        TrainingParameters parameters = new TrainingParameters(19, 5, 1e-4, 1.0, 3);
        CategoryModel wide = new ModelTrainer(parameters).trainCategoryModel(
                SyntheticCorpus.examplesWithWorldItems(20, 20, 20, 7, 19), CategoryModel.DEFAULT_SHORT_TEXT_TOKENS, 0.5);
        TrainedCategorizer categorizer = new TrainedCategorizer(wide, TopicLexicon.loadDefault(), ClassifierConfig.defaults());

        Classification c = categorizer.categorize(new ClassifierInput("",
                "the troops said on the year the rebels were in the new year with people from the troops", null, "en"));

        assertThat(wide.worldRefiner().vectorizer().hashBits()).isEqualTo(ModelTrainer.WORLD_REFINER_HASH_BITS).isLessThan(19);
        assertThat(c.categories().get(0).topic()).isEqualTo(MediaTopic.CONFLICT_WAR_PEACE);
        assertThat(c.categories().get(0).decidedBy()).endsWith(TrainedCategorizer.WORLD_REFINER_SUFFIX);
    }

    @Test
    void shouldFoldCountsIntoTheBucketsTheSmallerVectorizerWouldHaveCounted() {
        String text = "Iraqi troops and rebels fought near the border, officials said on Monday";
        long[] tokens = Tokenizer.tokenize(text);
        long[] features = Tokenizer.features(text, tokens);
        Vectorizer large = new Vectorizer(19);
        Vectorizer small = new Vectorizer(13);

        TermCounts folded = large.fold(large.count(tokens, features), small);
        TermCounts direct = small.count(tokens, features);

        assertThat(asMap(folded)).isEqualTo(asMap(direct));
        assertThat(folded.dense()).isEqualTo(direct.dense());
    }

    private static Map<Integer, Integer> asMap(TermCounts counts) {
        Map<Integer, Integer> map = new java.util.TreeMap<>();
        for (int k = 0; k < counts.indices().length; k++) {
            map.put(counts.indices()[k], counts.counts()[k]);
        }
        return map;
    }

    private static double probabilityOf(LinearModel model, TermCounts counts, MediaTopic topic) {
        return model.probabilities(counts)[model.topics().indexOf(topic)];
    }
}
