package dev.newsflow.enrich.classify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.schemas.MediaTopic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;

/**
 * Scratch harness of round 7 (not a test; see docs/classifier.md): on the AG {@code World} items we labelled with
 * Media Topics ({@code agnews-world-topics.tsv}), 5-fold CV of a "World refiner" (a short-item model over Media
 * Topics trained on those labels) against the shipped rule (the strongest lexicon topic when at least 0.85 from 3
 * terms, else politics). Run like {@link Round4Experiment}:
 * {@code ... WorldRefinerExperiment DATA_DIR LABELS_TSV VARIANT...}; options: {@code min=P} (the refiner's topic
 * only when its probability is at least P, else politics), {@code lex} (lexicon rule first, refiner otherwise),
 * {@code only=main} (train on items whose label is not sport / economy / science-technology).
 */
public final class WorldRefinerExperiment {

    record Labelled(Round4Experiment.Item item, MediaTopic gold, long[] tokens) {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Map<String, String> labels = new HashMap<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] p = line.split("\t");
            labels.put(p[0], p[1].trim());
        }
        Round4Experiment.loadClusterIds();
        List<Labelled> all = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("agnews-train-8k.jsonl"))) {
            if (line.isBlank()) continue;
            JsonNode n = Round4Experiment.JSON.readTree(line);
            String slug = labels.get(n.path("id").asText());
            if (slug == null) continue;
            String text = ArticleText.plain(n.path("title").asText(""), n.path("body").asText(""));
            Round4Experiment.Item it = Round4Experiment.item(text, slug, true, "");
            all.add(new Labelled(it, it.topic(), it.tokens()));
        }
        TopicLexicon lexicon = TopicLexicon.loadDefault();
        Map<MediaTopic, Integer> dist = new TreeMap<>();
        all.forEach(l -> dist.merge(l.gold(), 1, Integer::sum));
        System.out.println("labelled World items: " + all.size() + " " + dist);
        // baseline: the shipped rule for a short item the model calls politics
        MediaTopic[] base = new MediaTopic[all.size()];
        for (int i = 0; i < all.size(); i++) {
            List<TopicLexicon.Score> s = lexicon.score(all.get(i).tokens());
            base[i] = !s.isEmpty() && s.get(0).confidence() >= TrainedCategorizer.LEXICON_PRIMARY_MIN
                    && s.get(0).distinctTerms() >= TrainedCategorizer.LEXICON_PRIMARY_TERMS ? s.get(0).topic() : MediaTopic.POLITICS;
        }
        report("shipped rule (lexicon >= 0.85 from 3 terms, else politics)", all, base);
        for (int a = 2; a < args.length; a++) {
            String variant = args[a];
            double min = 0;
            int over = 0;
            boolean lexFirst = false, onlyMain = false;
            Round4Experiment.V v = new Round4Experiment.V();
            for (String p : variant.split(";")) {
                String[] kv = p.split("=", 2);
                switch (kv[0]) {
                    case "min" -> min = Double.parseDouble(kv[1]);
                    case "over" -> over = Integer.parseInt(kv[1]);
                    case "lex" -> lexFirst = true;
                    case "only" -> onlyMain = true;
                    case "l2" -> v.l2 = Double.parseDouble(kv[1]);
                    case "cnb" -> v.cnb = Double.parseDouble(kv[1]);
                    case "nb" -> v.nb = Double.parseDouble(kv[1]);
                    case "ep" -> v.epochs = Integer.parseInt(kv[1]);
                    case "base", "" -> { }
                    default -> throw new IllegalArgumentException(p);
                }
            }
            int folds = 5;
            int[] fold = new int[all.size()];
            Map<MediaTopic, List<Integer>> byGold = new TreeMap<>();
            for (int i = 0; i < all.size(); i++) byGold.computeIfAbsent(all.get(i).gold(), g -> new ArrayList<>()).add(i);
            Random r = new Random(20261128L);
            for (List<Integer> g : byGold.values()) {
                Collections.shuffle(g, r);
                for (int q = 0; q < g.size(); q++) fold[g.get(q)] = q % folds;
            }
            MediaTopic[] pred = new MediaTopic[all.size()];
            Set<MediaTopic> mainTopics = EnumSet.of(MediaTopic.SPORT, MediaTopic.ECONOMY_BUSINESS_FINANCE, MediaTopic.SCIENCE_TECHNOLOGY);
            for (int k = 0; k < folds; k++) {
                List<Round4Experiment.Item> train = new ArrayList<>();
                for (int i = 0; i < all.size(); i++)
                    if (fold[i] != k && !(onlyMain && mainTopics.contains(all.get(i).gold()))) train.add(all.get(i).item());
                if (over > 0) { // oversample each topic with fewer than `over` training items, up to 5 copies
                    Map<MediaTopic, List<Round4Experiment.Item>> byTopic = new TreeMap<>();
                    for (Round4Experiment.Item it : train) byTopic.computeIfAbsent(it.topic(), t -> new ArrayList<>()).add(it);
                    List<Round4Experiment.Item> extra = new ArrayList<>();
                    for (List<Round4Experiment.Item> items : byTopic.values()) {
                        int copies = Math.min(4, Math.max(0, (over + items.size() - 1) / items.size() - 1));
                        for (int c = 0; c < copies; c++) extra.addAll(items);
                    }
                    train = new ArrayList<>(train);
                    train.addAll(extra);
                }
                LinearModel m = Round4Experiment.train(train, v);
                for (int i = 0; i < all.size(); i++) {
                    if (fold[i] != k) continue;
                    double[] p = LinearModel.softmax(m.logits(m.vectorize(all.get(i).item().counts())), 1.0);
                    int best = 0;
                    for (int c = 1; c < p.length; c++) if (p[c] > p[best]) best = c;
                    MediaTopic t = p[best] >= min ? m.topics().get(best) : MediaTopic.POLITICS;
                    pred[i] = lexFirst && base[i] != MediaTopic.POLITICS ? base[i] : t;
                }
            }
            report(variant, all, pred);
        }
    }

    static void report(String name, List<Labelled> all, MediaTopic[] pred) {
        int correct = 0;
        Map<MediaTopic, int[]> pr = new TreeMap<>(); // tp, predicted, gold
        for (int i = 0; i < all.size(); i++) {
            MediaTopic g = all.get(i).gold();
            if (g == pred[i]) correct++;
            pr.computeIfAbsent(g, x -> new int[3])[2]++;
            pr.computeIfAbsent(pred[i], x -> new int[3])[1]++;
            if (g == pred[i]) pr.get(g)[0]++;
        }
        StringBuilder b = new StringBuilder();
        double f1Sum = 0;
        int f1Count = 0;
        for (var e : pr.entrySet()) {
            int[] c = e.getValue();
            if (c[2] >= 10) {
                double pp = c[1] == 0 ? 0 : (double) c[0] / c[1], rr = (double) c[0] / c[2];
                f1Sum += pp + rr == 0 ? 0 : 2 * pp * rr / (pp + rr);
                f1Count++;
            }
            if (c[2] < 10 && c[1] < 10) continue;
            b.append(String.format(Locale.ROOT, " %s P%.2f R%.2f (%d);", e.getKey().slug(), c[1] == 0 ? 0 : (double) c[0] / c[1], c[2] == 0 ? 0 : (double) c[0] / c[2], c[2]));
        }
        System.out.printf(Locale.ROOT, "%-45s acc %.4f (%d/%d) macro-F1 (topics with >= 10 items) %.4f%s%n", name,
                (double) correct / all.size(), correct, all.size(), f1Sum / f1Count, b);
    }
}
