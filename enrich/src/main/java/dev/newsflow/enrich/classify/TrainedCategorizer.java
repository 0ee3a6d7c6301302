package dev.newsflow.enrich.classify;

import dev.newsflow.runtime.NamedThreads;
import dev.newsflow.schemas.MediaTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The newsroom's categoriser: the trained {@link CategoryModel} decides among the topics it has data for, the
 * {@link TopicLexicon} adds the topics it has none for, then {@link NewsroomOverrides} apply. Reads clean text,
 * writes a {@link Classification}: a primary category and up to three more, and a review flag.
 *
 * <ul>
 *   <li>Primary: the model's most probable topic. For a short item, when that is politics (the topic AG's
 *       {@code World} news, a catch-all for hard news, was trained as) and a lexicon topic is strong
 *       (confidence at least {@value #LEXICON_PRIMARY_MIN} from at least {@value #LEXICON_PRIMARY_TERMS} distinct
 *       terms), the lexicon topic becomes primary and politics secondary. Not for full articles: there, in
 *       cross-validation, it turned correct politics into crime, education or labour (BBC accuracy 0.973 to 0.967).
 *       For any text, the strongest lexicon topic also becomes primary when the model's calibrated confidence is
 *       below T1 and the lexicon's at least T2 (two rules, see {@link #LEXICON_TAKEOVER_MODEL_BELOW}): a weather,
 *       health or court report that the model, knowing only five topics, would call economy or politics. For an
 *       article, only if its lead names that topic too ({@link #leadAnnounces}).</li>
 *   <li>Confidences: a secondary never shows more than the primary; model probabilities and lexicon confidences are
 *       different scales, so a secondary's confidence is capped at the primary's.</li>
 *   <li>Secondaries: other model topics with probability at least {@value #MODEL_SECONDARY_MIN}, lexicon topics
 *       with confidence at least {@value #LEXICON_SECONDARY_MIN}, highest first, at most three.</li>
 *   <li>Review: primary confidence below the threshold gives {@code low-confidence} (unless an override rule set
 *       the primary); a language other than English gives {@code unsupported-language}, and then only
 *       source-based override rules may name categories, since model and lexicons only know English.</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class TrainedCategorizer implements Categorizer {

    public static final String MODEL_RESOURCE = "newsflow-categories.model";
    public static final String REASON_LOW_CONFIDENCE = "low-confidence";
    public static final String REASON_UNSUPPORTED_LANGUAGE = "unsupported-language";
    /** The language could not be told ({@code und}): categorised as English, and flagged so an editor looks. */
    public static final String REASON_UNDETERMINED_LANGUAGE = "undetermined-language";
    /** Neither headline nor text has a word: no category is guessed (a source override rule may still set one). */
    public static final String REASON_NO_TEXT = "no-text";
    /** Appended to the model version in {@link CategoryScore#decidedBy()} of a topic the World refiner chose. */
    public static final String WORLD_REFINER_SUFFIX = "+world";
    static final int MAX_SECONDARY = 3;
    static final double MODEL_SECONDARY_MIN = 0.15;
    static final double LEXICON_SECONDARY_MIN = 0.5;
    static final double LEXICON_PRIMARY_MIN = 0.85;
    static final int LEXICON_PRIMARY_TERMS = 3;
    /**
     * T1/T2: the lexicon may take the primary of any text when the model's calibrated confidence is below T1 and the
     * strongest lexicon topic's is at least T2. Two rules, from the grid {@code newsflow train} prints (5-fold CV):
     * <ul>
     *   <li>0.99 / 0.995: an overwhelming weather, health or court report the model is confidently wrong about
     *       (it knows five topics only: a hospital story is "politics 0.98"). Alone it cost BBC 0.9779 to 0.9774.</li>
     *   <li>0.6 / 0.95: the model itself is unsure and the lexicon strong, as for the demo's storm warning
     *       ("politics 0.37") or vaccine trial. A newsroom choice: BBC's politics class is full of NHS and crime
     *       policy, which the lexicon calls health or crime, so each such article counts as an error there.</li>
     * </ul>
     * Lexicon confidence is {@code 1 - exp(-strength / 4)}: 0.95 needs a length-normalised strength of about 12,
     * 0.995 about 21 — many distinct, specific terms, repeated, not a passing mention. Lower T2 with high T1 turned
     * BBC politics articles about crime, schools or hospitals into crime, education or health (0.99/0.95: BBC 0.9638).
     */
    public static final double LEXICON_TAKEOVER_MODEL_BELOW = 0.99;
    public static final double LEXICON_TAKEOVER_MIN = 0.995;
    public static final double LEXICON_TAKEOVER_UNSURE_MODEL_BELOW = 0.6;
    public static final double LEXICON_TAKEOVER_UNSURE_MIN = 0.95;

    /**
     * When a lexicon topic replaces the model's primary of any text: the model's primary confidence below
     * {@code modelBelow} and the lexicon's at least {@code lexiconAtLeast}, or below {@code unsureModelBelow} and at
     * least {@code unsureLexiconAtLeast}. {@link #OFF} never fires.
     */
    record LexiconTakeover(double modelBelow, double lexiconAtLeast, double unsureModelBelow, double unsureLexiconAtLeast) {
        static final LexiconTakeover DEFAULT = new LexiconTakeover(LEXICON_TAKEOVER_MODEL_BELOW, LEXICON_TAKEOVER_MIN,
                LEXICON_TAKEOVER_UNSURE_MODEL_BELOW, LEXICON_TAKEOVER_UNSURE_MIN);
        static final LexiconTakeover OFF = new LexiconTakeover(0.0, 2.0);

        /** One rule only (the grid {@code train} prints). */
        LexiconTakeover(double modelBelow, double lexiconAtLeast) {
            this(modelBelow, lexiconAtLeast, 0.0, 2.0);
        }

        boolean fires(double modelConfidence, double lexiconConfidence) {
            return (modelConfidence < modelBelow && lexiconConfidence >= lexiconAtLeast)
                    || (modelConfidence < unsureModelBelow && lexiconConfidence >= unsureLexiconAtLeast);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(TrainedCategorizer.class);

    private final CategoryModel model;
    private final TopicLexicon lexicon;
    private final NewsroomOverrides overrides;
    private final double reviewThreshold;
    private final String lexiconVersion;
    private final String refinerVersion;
    private final LexiconTakeover takeover;

    public TrainedCategorizer(CategoryModel model, TopicLexicon lexicon, ClassifierConfig config) {
        this(model, lexicon, config, LexiconTakeover.DEFAULT);
    }

    TrainedCategorizer(CategoryModel model, TopicLexicon lexicon, ClassifierConfig config, LexiconTakeover takeover) {
        this.takeover = takeover;
        this.model = model;
        this.lexicon = lexicon;
        this.overrides = config.overrides();
        this.reviewThreshold = config.reviewThreshold().orElse(model.reviewThreshold());
        this.lexiconVersion = model.version() + "+lexicon";
        this.refinerVersion = model.version() + WORLD_REFINER_SUFFIX;
    }

    /** The bundled model and lexicon, loaded once per JVM, with the given configuration. */
    public static TrainedCategorizer loadDefault(ClassifierConfig config) {
        return new TrainedCategorizer(Bundled.MODEL, Bundled.LEXICON, config);
    }

    /** The bundled model and lexicon with the threshold recommended by training and no overrides. */
    public static TrainedCategorizer loadDefault() {
        return loadDefault(ClassifierConfig.defaults());
    }

    /** Reads the bundled model from the class path. */
    public static CategoryModel loadBundledModel() {
        long start = System.nanoTime();
        try (InputStream in = TrainedCategorizer.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("bundled model missing: " + MODEL_RESOURCE + " (run newsflow train)");
            }
            // short items need the word embeddings: load them now (beside the model, on another core) rather than
            // on the first short item
            CompletableFuture<WordEmbeddings> embeddings =
                    NamedThreads.supply("newsflow-embeddings-loader", WordEmbeddings::bundled);
            CategoryModel model = CategoryModel.fromBytes(in.readAllBytes());
            try {
                embeddings.join();
            } catch (CompletionException e) {
                // the cause names the file and line; the wrappers would hide it three levels down
                Throwable cause = e.getCause() instanceof ExceptionInInitializerError init && init.getCause() != null
                        ? init.getCause() : e.getCause();
                throw cause instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException(String.valueOf(cause), cause);
            }
            LOG.info("Loaded category model version={} loadMillis={}", model.version(),
                    (System.nanoTime() - start) / 1_000_000);
            return model;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled model " + MODEL_RESOURCE, e);
        }
    }

    public String modelVersion() {
        return model.version();
    }

    public double reviewThreshold() {
        return reviewThreshold;
    }

    @Override
    public Classification categorize(ClassifierInput input) {
        String text = Vectorizer.articleText(input.title(), input.text());
        long[] tokens = Tokenizer.tokenize(text);
        return categorize(tokens, model.vectorizer().count(text, tokens, Tokenizer.features(text, tokens)), input.source(), input.language());
    }

    /**
     * The same as {@link #categorize(ClassifierInput)} on already tokenised headline and body.
     *
     * @param tokens their {@link Tokenizer#tokenize} hashes (for lexicons and rules)
     * @param counts their feature counts (for the model)
     */
    public Classification categorize(long[] tokens, TermCounts counts, String source, String language) {
        // no language, or one the detector could not determine ("und"), is read as the classifier's own
        String lang = language == null ? "" : language.trim().toLowerCase(Locale.ROOT);
        boolean english = lang.isEmpty() || lang.startsWith("en") || lang.equals("und");
        // no words, nothing to go on: a model would only return its priors ("politics 0.07")
        boolean words = tokens.length > 0;
        List<CategoryScore> ranked = english && words ? modelAndLexicon(tokens, counts) : new ArrayList<>();
        boolean primaryByRule = false;
        for (NewsroomOverrides.Rule rule : overrides.matching(tokens, source, english)) {
            CategoryScore score = new CategoryScore(rule.topic(), rule.confidence(), rule.decidedBy());
            if (rule.primary() && !primaryByRule) {
                ranked.removeIf(s -> s.topic() == rule.topic());
                ranked.add(0, score);
                primaryByRule = true;
            } else if (!ranked.isEmpty() && ranked.get(0).topic() == rule.topic()) {
                // a rule that adds a topic never demotes that topic from the primary: it only vouches for it
                if (score.confidence() > ranked.get(0).confidence() && !primaryByRule) {
                    ranked.set(0, score);
                }
            } else {
                ranked.removeIf(s -> s.topic() == rule.topic());
                ranked.add(ranked.isEmpty() ? 0 : 1, score);
            }
        }
        capSecondaries(ranked);
        List<CategoryScore> categories = ranked.size() > 1 + MAX_SECONDARY ? ranked.subList(0, 1 + MAX_SECONDARY) : ranked;
        List<String> reasons = new ArrayList<>(2);
        if (lang.equals("und")) {
            reasons.add(REASON_UNDETERMINED_LANGUAGE);
        }
        if (!english) {
            reasons.add(REASON_UNSUPPORTED_LANGUAGE);
        } else if (!words && !primaryByRule) {
            reasons.add(REASON_NO_TEXT);
        }
        if (english && words && !primaryByRule && (categories.isEmpty() || categories.get(0).confidence() < reviewThreshold)) {
            reasons.add(REASON_LOW_CONFIDENCE);
        }
        return new Classification(categories, !reasons.isEmpty(), reasons);
    }

    private List<CategoryScore> modelAndLexicon(long[] tokens, TermCounts counts) {
        LinearModel linear = model.modelFor(tokens.length);
        double[] p = linear.probabilities(counts);
        List<MediaTopic> topics = linear.topics();
        int best = LinearModel.argmax(p);
        Map<MediaTopic, CategoryScore> byTopic = new EnumMap<>(MediaTopic.class);
        for (int c = 0; c < p.length; c++) {
            if (c == best || p[c] >= MODEL_SECONDARY_MIN) {
                byTopic.put(topics.get(c), new CategoryScore(topics.get(c), p[c], model.version()));
            }
        }
        CategoryScore primary = byTopic.get(topics.get(best));
        List<TopicLexicon.Score> lexical = lexicon.score(tokens);
        for (TopicLexicon.Score s : lexical) {
            CategoryScore existing = byTopic.get(s.topic());
            if (existing == null && s.confidence() >= LEXICON_SECONDARY_MIN) {
                byTopic.put(s.topic(), new CategoryScore(s.topic(), s.confidence(), lexiconVersion));
            }
        }
        boolean shortItem = tokens.length < model.shortTextTokens();
        if (shortItem && primary.topic() == MediaTopic.POLITICS) {
            TopicLexicon.Score strongest = lexical.isEmpty() ? null : lexical.get(0);
            CategoryScore lexiconPrimary = strongest != null && strongest.confidence() >= LEXICON_PRIMARY_MIN
                    && strongest.distinctTerms() >= LEXICON_PRIMARY_TERMS ? byTopic.get(strongest.topic()) : null;
            if (model.worldRefiner() != null) {
                CategoryScore refined = refineWorldItem(counts, p[best], byTopic);
                if (lexiconPrimary != null) {
                    byTopic.put(lexiconPrimary.topic(), lexiconPrimary); // the lexicon rule first (round 7)
                }
                primary = lexiconPrimary != null ? lexiconPrimary : refined;
            } else if (lexiconPrimary != null) {
                primary = lexiconPrimary;
            }
        }
        // the takeover second-guesses the main model; a primary the World refiner chose is already a measured decision
        boolean refined = primary.decidedBy().equals(refinerVersion);
        if (!refined && primary.topic() == topics.get(best) && !lexical.isEmpty()) {
            TopicLexicon.Score strongest = lexical.get(0);
            if (takeover.fires(p[best], strongest.confidence()) && byTopic.containsKey(strongest.topic())
                    && (shortItem || leadAnnounces(lexicon, tokens, counts.leadTokenCount(), strongest.topic()))) {
                primary = byTopic.get(strongest.topic());
            }
        }
        List<CategoryScore> ranked = new ArrayList<>(byTopic.size());
        ranked.add(primary);
        for (CategoryScore s : byTopic.values()) {
            if (s != primary) {
                ranked.add(s);
            }
        }
        return ranked;
    }

    /**
     * Model probabilities, lexicon and rule confidences are different scales: a secondary is capped at the
     * primary's confidence, so the primary always shows highest, then the secondaries are sorted.
     */
    private static void capSecondaries(List<CategoryScore> ranked) {
        if (ranked.isEmpty()) {
            return;
        }
        double top = ranked.get(0).confidence();
        for (int i = 1; i < ranked.size(); i++) {
            CategoryScore s = ranked.get(i);
            if (s.confidence() > top) {
                ranked.set(i, new CategoryScore(s.topic(), top, s.decidedBy()));
            }
        }
        sortSecondaries(ranked);
    }

    /**
     * A short item the model calls politics is world news of some kind: the World refiner says which topic of the
     * bucket "everything else" it is. A refined topic's confidence is the model's politics probability times the
     * refiner's probability for it (the chance that the item is world news and then that topic), so an unsure split
     * is flagged for review like any other unsure primary. Refined topics replace the model's own topics (its other
     * topics are then wrong as secondaries most of the time: 15 % right on our labels, round 7) and any lexicon entry
     * for the same topic; those below {@value #MODEL_SECONDARY_MIN} are dropped. Returns the refiner's topic.
     */
    private CategoryScore refineWorldItem(TermCounts counts, double worldProbability, Map<MediaTopic, CategoryScore> byTopic) {
        double[] q = model.worldTopicProbabilities(counts);
        List<MediaTopic> refined = model.worldRefiner().topics();
        int top = LinearModel.argmax(q);
        byTopic.values().removeIf(score -> score.decidedBy().equals(model.version()));
        CategoryScore primary = null;
        for (int c = 0; c < q.length; c++) {
            double confidence = worldProbability * q[c];
            if (c == top || confidence >= MODEL_SECONDARY_MIN) {
                CategoryScore score = new CategoryScore(refined.get(c), confidence, refinerVersion);
                byTopic.put(refined.get(c), score);
                if (c == top) {
                    primary = score;
                }
            }
        }
        return primary;
    }

    /**
     * Whether an article's lead (headline and first paragraph) names {@code topic} itself: the lexicon finds the
     * topic there with its usual minimum of distinct terms. A lexicon topic takes an article's primary only then. A
     * story says what it is about in its headline and first paragraph; a business article on pension reform whose
     * body dwells on employment and retirement does not announce labour (round 6 of docs/classifier.md). Stricter
     * tests on the lead (the short-item rule: 0.85 from 3 terms) would also stop the demo's vaccine-trial story,
     * whose lead has two health terms.
     */
    static boolean leadAnnounces(TopicLexicon lexicon, long[] tokens, int leadTokens, MediaTopic topic) {
        long[] lead = Arrays.copyOf(tokens, Math.min(leadTokens, tokens.length));
        return lexicon.score(lead).stream().anyMatch(s -> s.topic() == topic);
    }

    private static void sortSecondaries(List<CategoryScore> ranked) {
        if (ranked.size() > 2) {
            ranked.subList(1, ranked.size()).sort(Comparator.comparingDouble(CategoryScore::confidence).reversed()
                    .thenComparing(CategoryScore::topic));
        }
    }

    /** Initialised on first use, once per JVM: the model is immutable, so sharing it is safe. */
    private static final class Bundled {
        static final CategoryModel MODEL = loadBundledModel();
        static final TopicLexicon LEXICON = TopicLexicon.loadDefault();
    }
}
