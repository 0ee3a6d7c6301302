package dev.newsflow.enrich.classify;

import dev.newsflow.schemas.MediaTopic;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ModelTrainerTest {

    @Test
    void shouldWriteIdenticalBytesWhenTrainedTwiceOnTheSameData() {
        byte[] first = SyntheticCorpus.model(42).toBytes();
        byte[] second = SyntheticCorpus.model(42).toBytes();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void shouldWriteDifferentBytesWhenTheSeedChanges() {
        assertThat(SyntheticCorpus.model(43).toBytes()).isNotEqualTo(SyntheticCorpus.model(42).toBytes());
    }

    @Test
    void shouldLearnTheTopicsOfHeldOutSyntheticArticles() {
        CategoryModel model = SyntheticCorpus.model(42);
        LinearModel linear = model.modelFor(40);
        Random random = new Random(99);
        int correct = 0;
        for (int i = 0; i < 40; i++) {
            String label = new String[] {"business", "politics", "sport", "tech"}[i % 4];
            long[] tokens = Tokenizer.tokenize(SyntheticCorpus.text(label, 40, random));
            double[] p = linear.probabilities(model.vectorizer().count(tokens));
            int best = 0;
            for (int c = 1; c < p.length; c++) {
                best = p[c] > p[best] ? c : best;
            }
            correct += linear.topics().get(best) == LabelMapping.trainingTopic(label).orElseThrow() ? 1 : 0;
        }

        assertThat(correct).isGreaterThanOrEqualTo(38);
    }

    @Test
    void shouldReadBackTheSameModelAndVersion() throws IOException {
        CategoryModel model = SyntheticCorpus.model(42);
        CategoryModel read = CategoryModel.fromBytes(model.toBytes());
        long[] tokens = Tokenizer.tokenize("the striker scored a goal in the cup match");

        assertThat(read.version()).isEqualTo(model.version()).startsWith(CategoryModel.VERSION_PREFIX);
        assertThat(read.modelFor(tokens.length).probabilities(read.vectorizer().count(tokens)))
                .containsExactly(model.modelFor(tokens.length).probabilities(model.vectorizer().count(tokens)));
        assertThat(read.modelFor(tokens.length).topics()).contains(MediaTopic.SPORT);
    }

    @Test
    void shouldPredictWithTheSameArithmeticThatCrossValidationScores() {
        LinearModel linear = SyntheticCorpus.model(42).modelFor(10);
        TermCounts counts = linear.vectorizer().count(Tokenizer.tokenize("shares and profit in the market"));

        assertThat(linear.probabilities(counts))
                .containsExactly(LinearModel.softmax(linear.logits(linear.vectorize(counts)), linear.temperature()));
    }

    @Test
    void shouldRejectAFileThatIsNotAModel() {
        byte[] notAModel = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0};

        assertThatThrownBy(() -> CategoryModel.fromBytes(notAModel)).isInstanceOf(IOException.class);
    }

    @Test
    void shouldScaleAWordSeenInOneTopicOnlyAboveAWordSeenEverywhere() {
        // bucket 0 occurs in every document, bucket 1 only in documents of topic 0
        SparseVector[] xs = {
                new SparseVector(new int[]{0, 1}, new float[]{0.7f, 0.7f}),
                new SparseVector(new int[]{0, 1}, new float[]{0.7f, 0.7f}),
                new SparseVector(new int[]{0, 2}, new float[]{0.7f, 0.7f}),
                new SparseVector(new int[]{0, 2}, new float[]{0.7f, 0.7f})};
        int[] ys = {0, 0, 1, 1};

        double[] r = ModelTrainer.logCountRatios(xs, ys, 4, 2, 1.0);
        double[] plain = ModelTrainer.logCountRatios(xs, ys, 4, 2, 0.0);

        assertThat(r[1 * 2]).isGreaterThan(r[0]);
        assertThat(r[0]).isCloseTo(0.0, within(1e-9));
        assertThat(plain).containsOnly(1.0);
    }

    @Test
    void shouldGiveComplementNaiveBayesWeightToTheTopicWhoseWordItIs() {
        // bucket 1 occurs only in documents of topic 0, bucket 2 only in those of topic 1, bucket 3 never
        SparseVector[] xs = {
                new SparseVector(new int[]{0, 1}, new float[]{0.7f, 0.7f}),
                new SparseVector(new int[]{0, 2}, new float[]{0.7f, 0.7f})};
        int[] ys = {0, 1};

        double[] w = ModelTrainer.complementNaiveBayes(xs, ys, 4, 2);

        assertThat(w[1 * 2]).isGreaterThan(w[1 * 2 + 1]);
        assertThat(w[2 * 2 + 1]).isGreaterThan(w[2 * 2]);
        assertThat(w[0] + w[1]).isCloseTo(0.0, within(1e-12));
        assertThat(w[3 * 2]).isZero();
    }

    @Test
    void shouldTrainTheShortModelWithoutTheArticlesLeadVectors() {
        List<TrainingExample> plain = new ArrayList<>(SyntheticCorpus.examples(10, 40, 7, 16));
        plain.addAll(SyntheticCorpus.examples(10, 150, 8, 16));
        List<TrainingExample> withLeads = plain.stream().map(e -> e.counts().tokenCount() < 100 ? e
                : new TrainingExample(e.tokens(), new TermCounts(e.counts().indices(), e.counts().counts(),
                e.counts().tokenCount(), WordEmbeddings.bundled().meanVector(e.tokens(), 20)), e.topic(), e.label(),
                e.dataset())).toList();
        ModelTrainer trainer = new ModelTrainer(new TrainingParameters(16, 5, 1e-4, 0.5, 1L));
        CategoryModel a = trainer.trainCategoryModel(plain, 100, 0.5);
        CategoryModel b = trainer.trainCategoryModel(withLeads, 100, 0.5);
        TermCounts item = new Vectorizer(16).count(Tokenizer.tokenize("shares and profit in the market on monday"));

        assertThat(b.shortModel().probabilities(item)).containsExactly(a.shortModel().probabilities(item));
        assertThat(b.longModel().probabilities(withLeads.get(45).counts()))
                .isNotEqualTo(a.longModel().probabilities(withLeads.get(45).counts()));
    }

    @Test
    void shouldRefuseToRouteShortItemsAtAnotherLengthThanTheirFeaturesAreComputedFor() {
        List<TrainingExample> examples = SyntheticCorpus.examples(10, 40, 7, 16);
        ModelTrainer trainer = new ModelTrainer(new TrainingParameters(16, 2, 1e-4, 0.5, 1L));

        assertThatThrownBy(() -> trainer.trainCategoryModel(examples, 50, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("50");
    }
}
