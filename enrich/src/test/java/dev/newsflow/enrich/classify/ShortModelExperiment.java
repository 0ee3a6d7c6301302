package dev.newsflow.enrich.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.schemas.MediaTopic;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

/**
 * Scratch experiment harness of round 3 (not a test; see docs/classifier.md): 5-fold CV of the short-item model
 * alone on AG, trained as the shipped model is (other AG folds plus all BBC), scored in the four AG buckets. Run with
 * {@code java -cp enrich/target/classes:enrich/target/test-classes:DEPS dev.newsflow.enrich.classify.ShortModelExperiment
 * DATA_DIR CLUSTERS.txt.gz VECTORS.f32 VARIANT...}, where the last two come from {@code enrich/tools/word-clusters.py}
 * ({@code --vectors-out}) and a variant is {@code ;}-separated options: {@code cl:0,1,2} extra cluster features from
 * that file's granularities, {@code vec:S} the harness's own mean vector at scale S ({@code sif}, {@code vtop=N}),
 * {@code nbens=W;cnb} complement NB added, {@code hb=B}, {@code ep=E}, {@code l2=L}, {@code nb=M}, {@code snip=K},
 * {@code cbi=G}, {@code rf=N}, {@code seeds=N}; system properties {@code quantise}, {@code alpha}, {@code nobbc},
 * {@code vmax}, {@code bbcx}. Its features start from {@link Tokenizer#features}, which now already include the
 * shipped clusters; the production mean vector is stripped and replaced by the harness's own.
 */
public final class ShortModelExperiment {

    record Item(String text, long[] tokens, long[] features, MediaTopic topic, String label, boolean ag) {
    }

    static final ObjectMapper JSON = new ObjectMapper();

    static List<Item> read(Path file, boolean ag) throws IOException {
        List<Item> items = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) continue;
                JsonNode n = JSON.readTree(line);
                String label = n.path("label").asText();
                String text = ArticleText.plain(n.path("title").asText(""), n.path("body").asText(""));
                long[] tokens = Tokenizer.tokenize(text);
                items.add(new Item(text, tokens, Tokenizer.features(text, tokens),
                        LabelMapping.trainingTopic(label).orElseThrow(), label, ag));
            }
        }
        return items;
    }

    // ---- word clusters: token hash -> ids per granularity
    static Map<Long, int[]> clusters = new HashMap<>();
    static Map<Long, Integer> rank = new HashMap<>();
    static int granularities;

    static void loadClusters(Path file) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(new FileInputStream(file.toFile())), StandardCharsets.UTF_8))) {
            String line;
            int i = 0;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#")) continue;
                String[] p = line.split("\t");
                long[] t = Tokenizer.tokenize(p[0]);
                if (t.length != 1) continue;
                int[] ids = new int[p.length - 1];
                for (int k = 1; k < p.length; k++) ids[k - 1] = Integer.parseInt(p[k]);
                granularities = ids.length;
                if (clusters.putIfAbsent(t[0], ids) == null) rank.put(t[0], i++);
            }
        }
    }

    // ---- vectors
    static Map<Long, float[]> vectors = new HashMap<>();

    static void loadVectors(Path file) throws IOException {
        List<String> words = Files.readAllLines(Path.of(file + ".words"));
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(file.toFile()), 1 << 20))) {
            byte[] b = new byte[400];
            for (String w : words) {
                in.readFully(b);
                float[] v = new float[100];
                java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
                if (Boolean.getBoolean("quantise")) {
                    float mx = 0;
                    for (float x : v) mx = Math.max(mx, Math.abs(x));
                    float sc = mx / 127f;
                    for (int k = 0; k < 100; k++) v[k] = Math.round(v[k] / sc) * sc;
                }
                long[] t = Tokenizer.tokenize(w);
                if (t.length == 1) vectors.putIfAbsent(t[0], v);
            }
        }
    }

    static final java.util.Set<Long> STOP = new java.util.HashSet<>();

    static {
        for (String w : ("the a an of to and in for on is was with as at by from that it its be are has have had he she "
                + "they his her their this which who will would said says but or not after over into than also been were "
                + "s one two new up out about more its more").split(" ")) {
            STOP.add(Tokenizer.tokenize(w)[0]);
        }
    }

    /** Variant spec, e.g. "base", "cl:0,1,2", "cl:2;top=50000", "vec:0.5", "cl:1;vec:0.3". */
    record Variant(String name, int[] gran, int topWords, double vecScale, boolean shortOnly, double nbMix, int epochs, int snip, double l2, boolean sif, int cbi, int vtop, int rf, double nbens, boolean cnb, int hb, int seeds) {
        static Variant parse(String s) {
            int[] gran = new int[0];
            int top = Integer.MAX_VALUE;
            double vec = 0;
            double nb = ModelTrainer.SHORT_NB_MIX;
            int epochs = 30;
            int snip = 0;
            double l2 = 2e-5;
            boolean sif = false;
            int cbi = -1;
            int vtop = Integer.MAX_VALUE;
            int rf = 0;
            double nbens = 0;
            boolean cnb = false;
            int hb = 18;
            int seeds = 1;
            for (String part : s.split(";")) {
                if (part.startsWith("cl:")) gran = Arrays.stream(part.substring(3).split(",")).mapToInt(Integer::parseInt).toArray();
                else if (part.startsWith("top=")) top = Integer.parseInt(part.substring(4));
                else if (part.startsWith("vec:")) vec = Double.parseDouble(part.substring(4));
                else if (part.startsWith("nb=")) nb = Double.parseDouble(part.substring(3));
                else if (part.startsWith("ep=")) epochs = Integer.parseInt(part.substring(3));
                else if (part.startsWith("snip=")) snip = Integer.parseInt(part.substring(5));
                else if (part.startsWith("l2=")) l2 = Double.parseDouble(part.substring(3));
                else if (part.equals("sif")) sif = true;
                else if (part.startsWith("cbi=")) cbi = Integer.parseInt(part.substring(4));
                else if (part.startsWith("vtop=")) vtop = Integer.parseInt(part.substring(5));
                else if (part.startsWith("rf=")) rf = Integer.parseInt(part.substring(3));
                else if (part.startsWith("nbens=")) nbens = Double.parseDouble(part.substring(6));
                else if (part.equals("cnb")) cnb = true;
                else if (part.startsWith("hb=")) hb = Integer.parseInt(part.substring(3));
                else if (part.startsWith("seeds=")) seeds = Integer.parseInt(part.substring(6));
            }
            return new Variant(s, gran, top, vec, true, nb, epochs, snip, l2, sif, cbi, vtop, rf, nbens, cnb, hb, seeds);
        }
    }

    static long[] features(Item it, Variant v) {
        if (v.gran().length == 0 || it.tokens().length >= CategoryModel.DEFAULT_SHORT_TEXT_TOKENS) return it.features();
        long[] extra = new long[it.tokens().length * (v.gran().length + 1)];
        int n = 0;
        if (v.cbi() >= 0) for (int i = 0; i + 1 < it.tokens().length; i++) {
            int[] a = clusters.get(it.tokens()[i]), b = clusters.get(it.tokens()[i + 1]);
            if (a == null || b == null) continue;
            extra[n++] = Tokenizer.mix((((long) a[v.cbi()] << 20) | b[v.cbi()]) * 0x9E3779B97F4A7C15L ^ 0x1234567L);
        }
        for (long t : it.tokens()) {
            int[] ids = clusters.get(t);
            if (ids == null || rank.get(t) >= v.topWords()) continue;
            for (int g : v.gran()) extra[n++] = Tokenizer.mix(((long) (g + 1) << 40 | ids[g]) * 0x9E3779B97F4A7C15L ^ 0x5851F42D4C957F2DL);
        }
        long[] out = Arrays.copyOf(it.features(), it.features().length + n);
        System.arraycopy(extra, 0, out, it.features().length, n);
        return out;
    }

    static List<Item> snippets(List<Item> bbc, int sentences) {
        List<Item> out = new ArrayList<>();
        for (Item it : bbc) {
            String[] s = it.text().split("(?<=[.!?])\\s+");
            for (int i = 1; i < s.length; i += sentences) { // skip the headline line? keep it simple: from sentence 1
                StringBuilder b = new StringBuilder();
                for (int k = i; k < Math.min(s.length, i + sentences); k++) b.append(s[k]).append(' ');
                String text = b.toString();
                long[] tokens = Tokenizer.tokenize(text);
                if (tokens.length < 8 || tokens.length >= CategoryModel.DEFAULT_SHORT_TEXT_TOKENS) continue;
                out.add(new Item(text, tokens, Tokenizer.features(text, tokens), it.topic(), it.label(), false));
            }
        }
        return out;
    }

    static final double ALPHA = Double.parseDouble(System.getProperty("alpha", "0.1"));
    static final double VMAX = Double.parseDouble(System.getProperty("vmax", "0"));

    static float[] concatMax(float[] d, Item it, int vtop) {
        float[] mx = new float[100];
        float[] mn = new float[100];
        boolean any = false;
        for (long t : it.tokens()) {
            float[] v = vectors.get(t);
            if (v == null || rank.getOrDefault(t, Integer.MAX_VALUE) >= vtop || STOP.contains(t)) continue;
            for (int k = 0; k < 100; k++) {
                if (!any || v[k] > mx[k]) mx[k] = v[k];
                if (!any || v[k] < mn[k]) mn[k] = v[k];
            }
            any = true;
        }
        float[] out = Arrays.copyOf(d, d.length + 100);
        double norm = 0;
        for (int k = 0; k < 100; k++) norm += mx[k] * mx[k];
        if (norm > 0) for (int k = 0; k < 100; k++) out[d.length + k] = (float) (mx[k] / Math.sqrt(norm) * VMAX / 0.3);
        return out;
    }

    static final boolean BBCX = Boolean.getBoolean("bbcx");
    static float[][] RF;

    static float[] randomFeatures(float[] m, int rf) {
        if (rf == 0) return m;
        if (RF == null || RF.length != rf) {
            Random g = new Random(42);
            RF = new float[rf][101];
            for (float[] row : RF) for (int k = 0; k < 101; k++) row[k] = (float) g.nextGaussian();
        }
        float[] out = Arrays.copyOf(m, 100 + rf);
        double norm = 0;
        for (int j = 0; j < rf; j++) {
            double z = RF[j][100] * 0.5;
            for (int k = 0; k < 100; k++) z += RF[j][k] * m[k];
            out[100 + j] = (float) Math.max(0, z);
            norm += out[100 + j] * out[100 + j];
        }
        if (norm > 0) for (int j = 0; j < rf; j++) out[100 + j] /= (float) Math.sqrt(norm);
        return out;
    }

    static float[] meanVector(Item it, boolean sif, int vtop) {
        float[] m = new float[100];
        int n = 0;
        for (long t : it.tokens()) {
            if (!sif && STOP.contains(t)) continue;
            float[] v = vectors.get(t);
            if (v == null || rank.getOrDefault(t, Integer.MAX_VALUE) >= vtop) continue;
            double wt = 1;
            if (sif) { int r = rank.getOrDefault(t, 100000); wt = 1e-3 / (1e-3 + 0.08 / (r + 1)); }
            for (int k = 0; k < 100; k++) m[k] += (float) (wt * v[k]);
            n++;
        }
        if (n > 0) {
            double norm = 0;
            for (float x : m) norm += x * x;
            float s = (float) (1 / Math.sqrt(norm));
            for (int k = 0; k < 100; k++) m[k] *= s;
        }
        return m;
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        if (!args[1].equals("-")) loadClusters(Path.of(args[1]));
        if (!args[2].equals("-")) loadVectors(Path.of(args[2]));
        List<Item> ag = read(dir.resolve("agnews-train-8k.jsonl"), true);
        List<Item> bbc = read(dir.resolve("bbc-train.jsonl"), false);
        System.err.printf("clusters %d, vectors %d, AG %d, BBC %d%n", clusters.size(), vectors.size(), ag.size(), bbc.size());
        // coverage of AG tokens
        long tok = 0, covered = 0;
        for (Item it : ag) for (long t : it.tokens()) { tok++; if (clusters.containsKey(t)) covered++; }
        System.err.printf("AG token coverage by cluster table: %.3f%n", (double) covered / Math.max(1, tok));
        for (int a = 3; a < args.length; a++) {
            Variant v = Variant.parse(args[a]);
            long start = System.nanoTime();
            double acc = cv(ag, bbc, v);
            System.out.printf(Locale.ROOT, "%-40s AG short-model 5-fold acc %.4f  (%.0f s)%n", v.name(), acc, (System.nanoTime() - start) / 1e9);
        }
    }

    static double cv(List<Item> ag, List<Item> bbc, Variant v) {
        TrainingParameters p = new TrainingParameters(v.hb(), v.epochs(), v.l2(), 2.0, TrainingParameters.DEFAULTS.seed());
        Vectorizer vectorizer = new Vectorizer(p.hashBits());
        List<Item> all = new ArrayList<>(ag);
        if (!Boolean.getBoolean("nobbc")) all.addAll(bbc);
        if (v.snip() > 0) all.addAll(snippets(bbc, v.snip()));
        TermCounts[] counts = new TermCounts[all.size()];
        float[][] dense = new float[all.size()][];
        for (int i = 0; i < all.size(); i++) {
            Item it = all.get(i);
            long[] f = features(it, v);
            if (BBCX && !it.ag()) f = WordEmbeddings.bundled().withClusterFeatures(it.tokens(), f);
            TermCounts c = vectorizer.count(it.tokens(), f);
            counts[i] = new TermCounts(c.indices(), c.counts(), c.tokenCount()); // dense: this harness's own
            if (v.vecScale() > 0 && (it.ag() || BBCX || Boolean.getBoolean("bbcdense"))) dense[i] = randomFeatures(meanVector(it, v.sif(), v.vtop()), v.rf());
                if (VMAX > 0) dense[i] = concatMax(dense[i], it, v.vtop());
        }
        // stratified folds like CrossValidation
        int[] fold = new int[ag.size()];
        Map<String, List<Integer>> byLabel = new TreeMap<>();
        for (int i = 0; i < ag.size(); i++) byLabel.computeIfAbsent(ag.get(i).label(), l -> new ArrayList<>()).add(i);
        Random random = new Random(p.seed() * 31 + "agnews-train-8k".hashCode());
        for (List<Integer> g : byLabel.values()) {
            Collections.shuffle(g, random);
            for (int r = 0; r < g.size(); r++) fold[g.get(r)] = r % 5;
        }
        LabelMapping.Scheme scheme = LabelMapping.schemeFor(ag.stream().map(Item::label).toList());
        int correct = 0;
        for (int k = 0; k < 5; k++) {
            List<Integer> train = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) if (i >= ag.size() || fold[i] != k) train.add(i);
            Trained m = train(all, counts, dense, train, p, v);
            List<Trained> more = new ArrayList<>();
            for (int sd = 1; sd < v.seeds(); sd++) {
                more.add(train(all, counts, dense, train, new TrainingParameters(p.hashBits(), p.epochs(), p.lambda(), p.eta0(), p.seed() + 7919L * sd), v));
            }
            double[] logTheta = null;
            if (v.nbens() > 0) {
                int classes = m.classes, dims = vectorizer.dimensions();
                double[] sum = new double[dims * classes];
                double[] tot = new double[classes];
                for (int i : train) {
                    SparseVector x = vectorizer.weigh(counts[i], m.idf);
                    int y = m.topics.indexOf(all.get(i).topic());
                    for (int q = 0; q < x.indices().length; q++) {
                        if (v.cnb()) { for (int c = 0; c < classes; c++) if (c != y) { sum[x.indices()[q] * classes + c] += x.values()[q]; tot[c] += x.values()[q]; } }
                        else { sum[x.indices()[q] * classes + y] += x.values()[q]; tot[y] += x.values()[q]; }
                    }
                }
                logTheta = new double[dims * classes];
                for (int j = 0; j < dims; j++) for (int c = 0; c < classes; c++)
                    logTheta[j * classes + c] = Math.log((ALPHA + sum[j * classes + c]) / (ALPHA * dims + tot[c])) * (v.cnb() ? -1 : 1);
            }
            for (int i = 0; i < ag.size(); i++) {
                if (fold[i] != k) continue;
                double[] z = m.logits(counts[i], dense[i]);
                for (Trained o : more) {
                    double[] z2 = o.logits(counts[i], dense[i]);
                    for (int c = 0; c < z.length; c++) z[c] += z2[c];
                }
                if (logTheta != null) {
                    SparseVector x = vectorizer.weigh(counts[i], m.idf);
                    double[] nb = new double[z.length];
                    for (int q = 0; q < x.indices().length; q++)
                        for (int c = 0; c < z.length; c++) nb[c] += x.values()[q] * logTheta[x.indices()[q] * z.length + c];
                    double mean = Arrays.stream(nb).average().orElse(0);
                    for (int c = 0; c < z.length; c++) z[c] += v.nbens() * (nb[c] - mean);
                }
                int best = 0;
                for (int c = 1; c < z.length; c++) if (z[c] > z[best]) best = c;
                String gold = LabelMapping.goldClass(ag.get(i).label(), scheme).orElseThrow();
                if (gold.equals(LabelMapping.predictedClass(m.topics.get(best), scheme))) correct++;
            }
        }
        return (double) correct / ag.size();
    }

    static final class Trained {
        List<MediaTopic> topics;
        float[] idf;
        double[] w;
        double[] b;
        double[] wd;
        int classes;
        double vecScale;
        Vectorizer vectorizer;

        double[] logits(TermCounts c, float[] d) {
            SparseVector x = vectorizer.weigh(c, idf);
            double[] z = b.clone();
            for (int k = 0; k < x.indices().length; k++)
                for (int cl = 0; cl < classes; cl++) z[cl] += w[x.indices()[k] * classes + cl] * x.values()[k];
            if (d != null) for (int k = 0; k < d.length; k++)
                for (int cl = 0; cl < classes; cl++) z[cl] += wd[k * classes + cl] * d[k] * vecScale;
            return z;
        }
    }

    /** ModelTrainer.train with optional dense features appended (weights not NB-scaled). */
    static Trained train(List<Item> all, TermCounts[] counts, float[][] dense, List<Integer> idxs, TrainingParameters p, Variant v) {
        Vectorizer vectorizer = new Vectorizer(p.hashBits());
        int dims = vectorizer.dimensions();
        List<MediaTopic> topics = List.copyOf(new TreeSet<>(idxs.stream().map(i -> all.get(i).topic()).toList()));
        int classes = topics.size();
        List<TrainingExample> ex = new ArrayList<>();
        for (int i : idxs) ex.add(new TrainingExample(all.get(i).tokens(), counts[i], all.get(i).topic(), all.get(i).label(), ""));
        float[] idf = ModelTrainer.inverseDocumentFrequencies(ex, dims);
        int n = idxs.size();
        SparseVector[] xs = new SparseVector[n];
        float[][] ds = new float[n][];
        int[] ys = new int[n];
        for (int i = 0; i < n; i++) {
            xs[i] = vectorizer.weigh(counts[idxs.get(i)], idf);
            ds[i] = dense[idxs.get(i)];
            ys[i] = topics.indexOf(all.get(idxs.get(i)).topic());
        }
        double[] r = ModelTrainer.logCountRatios(xs, ys, dims, classes, v.nbMix());
        double[] w = new double[dims * classes];
        int dd = 100 + v.rf() + (VMAX > 0 ? 100 : 0);
        double[] wd = new double[dd * classes];
        double[] b = new double[classes];
        double scale = 1.0;
        double lambda = p.lambda(), eta0 = p.eta0();
        double vs = v.vecScale();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Random random = new Random(p.seed());
        double[] z = new double[classes];
        long t = 0;
        for (int epoch = 0; epoch < p.epochs(); epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int tmp = order[i]; order[i] = order[j]; order[j] = tmp;
            }
            for (int i : order) {
                double eta = eta0 / (1.0 + eta0 * lambda * t++);
                int[] idx = xs[i].indices();
                float[] val = xs[i].values();
                float[] d = vs > 0 ? ds[i] : null;
                Arrays.fill(z, 0);
                for (int k = 0; k < idx.length; k++) {
                    int base = idx[k] * classes;
                    for (int c = 0; c < classes; c++) z[c] += w[base + c] * r[base + c] * val[k];
                }
                if (d != null) for (int k = 0; k < dd; k++)
                    for (int c = 0; c < classes; c++) z[c] += wd[k * classes + c] * d[k] * vs;
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < classes; c++) {
                    z[c] = z[c] * scale + b[c];
                    max = Math.max(max, z[c]);
                }
                double sum = 0;
                for (int c = 0; c < classes; c++) { z[c] = Math.exp(z[c] - max); sum += z[c]; }
                for (int c = 0; c < classes; c++) z[c] = z[c] / sum - (c == ys[i] ? 1.0 : 0.0);
                scale *= 1.0 - eta * lambda;
                double step = eta / scale;
                for (int k = 0; k < idx.length; k++) {
                    int base = idx[k] * classes;
                    double vv = val[k] * step;
                    for (int c = 0; c < classes; c++) w[base + c] -= z[c] * vv * r[base + c];
                }
                if (d != null) for (int k = 0; k < dd; k++) {
                    double vv = d[k] * vs * step;
                    for (int c = 0; c < classes; c++) wd[k * classes + c] -= z[c] * vv;
                }
                for (int c = 0; c < classes; c++) b[c] -= eta * z[c];
                if (scale < 1e-6) {
                    for (int j = 0; j < w.length; j++) w[j] *= scale;
                    for (int j = 0; j < wd.length; j++) wd[j] *= scale;
                    scale = 1.0;
                }
            }
        }
        Trained m = new Trained();
        m.topics = topics;
        m.idf = idf;
        m.w = new double[w.length];
        for (int j = 0; j < w.length; j++) m.w[j] = w[j] * scale * r[j];
        m.wd = new double[wd.length];
        for (int j = 0; j < wd.length; j++) m.wd[j] = wd[j] * scale;
        m.b = b;
        m.classes = classes;
        m.vecScale = vs;
        m.vectorizer = vectorizer;
        return m;
    }
}
