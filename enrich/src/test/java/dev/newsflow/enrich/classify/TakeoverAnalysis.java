package dev.newsflow.enrich.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.schemas.MediaTopic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;

/**
 * Scratch harness of round 6 (not a test; see docs/classifier.md): 5-fold CV of the article model on BBC (folds as
 * {@link CrossValidation} deals them), printing every held-out article whose strongest lexicon topic has confidence
 * at least 0.9, with the model's calibrated primary and that topic's evidence in the lead and headline. Run after
 * {@code mvn -DskipTests -pl app -am package} and {@code mvn -o test-compile -pl enrich} with
 * {@code java -cp "enrich/target/test-classes:enrich/target/classes:app/target/lib/*"
 * dev.newsflow.enrich.classify.TakeoverAnalysis DATA_DIR ARTICLE_TEMPERATURE} (the temperature {@code train} prints).
 */
public final class TakeoverAnalysis {
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        double longT = Double.parseDouble(args[1]);
        Vectorizer vec = new Vectorizer(TrainingParameters.DEFAULTS.hashBits());
        List<TrainingExample> ag = LabelledArticles.read(dir.resolve("agnews-train-8k.jsonl"), vec);
        List<TrainingExample> bbc = LabelledArticles.read(dir.resolve("bbc-train.jsonl"), vec);
        List<String> texts = new ArrayList<>(), ids = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(dir.resolve("bbc-train.jsonl"))) {
            if (line.isBlank()) continue;
            JsonNode n = json.readTree(line);
            texts.add(ArticleText.plain(n.path("title").asText(""), n.path("body").asText("")));
            ids.add(n.path("id").asText());
        }
        TopicLexicon lex = TopicLexicon.loadDefault();
        int folds = 5;
        int[] fold = new int[bbc.size()];
        Map<String, List<Integer>> byLabel = new TreeMap<>();
        for (int i = 0; i < bbc.size(); i++) byLabel.computeIfAbsent(bbc.get(i).label(), l -> new ArrayList<>()).add(i);
        Random random = new Random(TrainingParameters.DEFAULTS.seed() * 31 + "bbc-train".hashCode());
        for (List<Integer> g : byLabel.values()) {
            Collections.shuffle(g, random);
            for (int r = 0; r < g.size(); r++) fold[g.get(r)] = r % folds;
        }
        ModelTrainer trainer = new ModelTrainer(TrainingParameters.DEFAULTS);
        if (args.length > 2 && args[2].equals("leadmix")) { // round 7: article model mixed with the short model on the lead
            double[] ws = {0, 0.1, 0.2, 0.3, 0.4, 0.5};
            int[] correct = new int[ws.length];
            for (int k = 0; k < folds; k++) {
                List<TrainingExample> train = new ArrayList<>(ag);
                for (int i = 0; i < bbc.size(); i++) if (fold[i] != k) train.add(bbc.get(i));
                CategoryModel m = trainer.trainCategoryModel(train, 100, 0.5);
                for (int i = 0; i < bbc.size(); i++) {
                    if (fold[i] != k) continue;
                    String text = texts.get(i);
                    String leadText = text.substring(0, Vectorizer.leadEnd(text));
                    long[] lt = Tokenizer.tokenize(leadText);
                    double[] pl = m.longModel().probabilities(bbc.get(i).counts());
                    double[] ps = lt.length == 0 ? pl : m.shortModel().probabilities(vec.count(lt, Tokenizer.features(leadText, lt)));
                    for (int w = 0; w < ws.length; w++) {
                        int best = 0;
                        double bestP = -1;
                        for (int c = 0; c < pl.length; c++) {
                            MediaTopic t = m.longModel().topics().get(c);
                            int sc = m.shortModel().topics().indexOf(t);
                            double pp = (1 - ws[w]) * pl[c] + ws[w] * (sc < 0 ? 0 : ps[sc]);
                            if (pp > bestP) { bestP = pp; best = c; }
                        }
                        if (m.longModel().topics().get(best) == bbc.get(i).topic()) correct[w]++;
                    }
                }
            }
            for (int w = 0; w < ws.length; w++) System.out.printf(Locale.ROOT, "lead weight %.1f: BBC %.4f (%d errors)%n", ws[w], (double) correct[w] / bbc.size(), bbc.size() - correct[w]);
            return;
        }
        if (args.length > 2 && args[2].equals("leads")) { // round 7: the shipped World refiner on BBC articles' leads
            CategoryModel shipped = TrainedCategorizer.loadBundledModel();
            Map<String, int[]> counts = new TreeMap<>();
            for (int i = 0; i < bbc.size(); i++) {
                String text = texts.get(i);
                String leadText = text.substring(0, Vectorizer.leadEnd(text));
                long[] lt = Tokenizer.tokenize(leadText);
                if (lt.length == 0 || lt.length >= CategoryModel.DEFAULT_SHORT_TEXT_TOKENS) continue;
                double[] q = shipped.worldTopicProbabilities(vec.count(lt, Tokenizer.features(leadText, lt)));
                int best = 0;
                for (int c = 1; c < q.length; c++) if (q[c] > q[best]) best = c;
                MediaTopic t = shipped.worldRefiner().topics().get(best);
                for (double min : new double[]{0.0, 0.7, 0.8, 0.9}) {
                    if (t != MediaTopic.POLITICS && q[best] >= min) counts.computeIfAbsent(bbc.get(i).label() + " >=" + min, x -> new int[1])[0]++;
                }
                if (args.length > 3 && t != MediaTopic.POLITICS && q[best] >= 0.8) System.out.printf(Locale.ROOT, "%s\t%s %.2f\t%s%n", ids.get(i), t, q[best], leadText.replace('\n', ' '));
            }
            counts.forEach((k, v) -> System.out.println(k + ": " + v[0]));
            return;
        }
        for (int k = 0; k < folds; k++) {
            List<TrainingExample> train = new ArrayList<>(ag);
            for (int i = 0; i < bbc.size(); i++) if (fold[i] != k) train.add(bbc.get(i));
            LinearModel m = trainer.trainCategoryModel(train, 100, 0.5).longModel();
            for (int i = 0; i < bbc.size(); i++) {
                if (fold[i] != k) continue;
                TrainingExample e = bbc.get(i);
                double[] p = LinearModel.softmax(m.logits(m.vectorize(e.counts())), longT);
                int best = 0;
                for (int c = 1; c < p.length; c++) if (p[c] > p[best]) best = c;
                List<TopicLexicon.Score> s = lex.score(e.tokens());
                if (s.isEmpty() || s.get(0).confidence() < 0.9) continue;
                TopicLexicon.Score top = s.get(0);
                String text = texts.get(i);
                long[] lead = Tokenizer.tokenize(text.substring(0, Vectorizer.leadEnd(text)));
                String title = text.substring(0, Math.max(0, text.indexOf('\n')));
                long[] head = Tokenizer.tokenize(title);
                TopicLexicon.Score inLead = lex.score(lead).stream().filter(x -> x.topic() == top.topic()).findFirst().orElse(null);
                int leadTerms = inLead == null ? 0 : inLead.distinctTerms(); // 0 also for a single term (score needs 2)
                int headTerms = lex.score(head).stream().filter(x -> x.topic() == top.topic()).mapToInt(TopicLexicon.Score::distinctTerms).findFirst().orElse(0);
                System.out.printf(Locale.ROOT, "%s\t%s\t%s %.3f\t%s %.4f/%d\tlead %.3f/%d head %d\t%s%n", ids.get(i), e.topic(), m.topics().get(best), p[best],
                        top.topic(), top.confidence(), top.distinctTerms(), inLead == null ? 0 : inLead.confidence(), leadTerms, headTerms, title);
            }
        }
    }
}
