package dev.newsflow.enrich.classify;

import dev.newsflow.schemas.MediaTopic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A small generated corpus for tests: articles drawn from a few words per topic plus shared filler words. */
final class SyntheticCorpus {

    static final Map<String, List<String>> WORDS = Map.of(
            "sport", List.of("match", "goal", "striker", "league", "coach", "season", "cup", "referee"),
            "business", List.of("shares", "profit", "market", "investors", "bank", "prices", "sales", "quarter"),
            "politics", List.of("minister", "election", "parliament", "party", "vote", "government", "policy", "mp"),
            "tech", List.of("software", "computer", "internet", "users", "phone", "digital", "network", "chip"));
    private static final List<String> FILLER = List.of("the", "a", "said", "on", "in", "year", "new", "people", "with", "from");

    private SyntheticCorpus() {
    }

    /** {@code perLabel} articles for each label, each {@code length} words long, reproducible from {@code seed}. */
    static List<TrainingExample> examples(int perLabel, int length, long seed, int hashBits) {
        Vectorizer vectorizer = new Vectorizer(hashBits);
        Random random = new Random(seed);
        List<TrainingExample> examples = new ArrayList<>();
        for (String label : List.of("business", "politics", "sport", "tech")) {
            for (int i = 0; i < perLabel; i++) {
                long[] tokens = Tokenizer.tokenize(text(label, length, random));
                MediaTopic topic = LabelMapping.trainingTopic(label).orElseThrow();
                examples.add(new TrainingExample(tokens, vectorizer.count(tokens), topic, label, "synthetic"));
            }
        }
        return examples;
    }

    static String text(String label, int length, Random random) {
        List<String> own = WORDS.get(label);
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < length; w++) {
            List<String> source = random.nextInt(3) == 0 ? own : FILLER;
            text.append(source.get(random.nextInt(source.size()))).append(' ');
        }
        return text.toString();
    }

    /** Words of world-news items by our World label: politics, conflict, disaster. */
    static final Map<MediaTopic, List<String>> WORLD_WORDS = Map.of(
            MediaTopic.POLITICS, List.of("minister", "election", "parliament", "party", "vote", "talks", "summit", "treaty"),
            MediaTopic.CONFLICT_WAR_PEACE, List.of("troops", "militants", "bomb", "rebels", "soldiers", "army", "attack", "insurgents"),
            MediaTopic.DISASTER_ACCIDENT_EMERGENCY, List.of("earthquake", "flood", "rescue", "survivors", "quake", "collapsed", "landslide", "toll"));

    /**
     * The {@link #examples} plus {@code perTopic} AG-style {@code World} items per World topic, each carrying that
     * topic as our World label ({@link TrainingExample#worldTopic}).
     */
    static List<TrainingExample> examplesWithWorldItems(int perLabel, int perTopic, int length, long seed, int hashBits) {
        List<TrainingExample> examples = new ArrayList<>(examples(perLabel, length, seed, hashBits));
        Vectorizer vectorizer = new Vectorizer(hashBits);
        Random random = new Random(seed + 1);
        for (MediaTopic topic : List.of(MediaTopic.POLITICS, MediaTopic.CONFLICT_WAR_PEACE, MediaTopic.DISASTER_ACCIDENT_EMERGENCY)) {
            for (int i = 0; i < perTopic; i++) {
                StringBuilder text = new StringBuilder();
                for (int w = 0; w < length; w++) {
                    List<String> source = random.nextInt(3) == 0 ? WORLD_WORDS.get(topic) : FILLER;
                    text.append(source.get(random.nextInt(source.size()))).append(' ');
                }
                long[] tokens = Tokenizer.tokenize(text);
                examples.add(new TrainingExample(tokens, vectorizer.count(tokens), MediaTopic.POLITICS, "World", "synthetic",
                        topic));
            }
        }
        return examples;
    }

    /** A model with a World refiner over politics, conflict and disaster. */
    static CategoryModel modelWithWorldRefiner(long seed) {
        TrainingParameters parameters = new TrainingParameters(16, 5, 1e-4, 1.0, seed);
        return new ModelTrainer(parameters).trainCategoryModel(examplesWithWorldItems(30, 30, 20, 7, parameters.hashBits()),
                CategoryModel.DEFAULT_SHORT_TEXT_TOKENS, 0.5);
    }

    static CategoryModel model(long seed) {
        TrainingParameters parameters = new TrainingParameters(16, 5, 1e-4, 1.0, seed);
        return new ModelTrainer(parameters).trainCategoryModel(examples(30, 40, 7, parameters.hashBits()), CategoryModel.DEFAULT_SHORT_TEXT_TOKENS, 0.5);
    }
}
