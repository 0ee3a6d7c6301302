package dev.newsflow.enrich.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.schemas.MediaTopic;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Scratch experiment harness of round 4 (not a test; see docs/classifier.md): 5-fold CV of the short-item model
 * alone on AG with the shipped features ({@link Tokenizer#features}, {@link Vectorizer#count}: clusters and mean
 * vector included), trained like {@link ModelTrainer} (other AG folds plus all BBC, NB scaling 0.5, complement NB
 * folded in), scored in the four AG buckets. Run after {@code mvn -DskipTests -pl app -am package} with
 * {@code java -cp "enrich/target/classes:enrich/target/test-classes:app/target/lib/*"
 * dev.newsflow.enrich.classify.Round4Experiment DATA_DIR VARIANT...}; a variant is {@code ;}-separated options:
 * <ul>
 *   <li>{@code folds=K}, {@code sub=F} (keep a seeded fraction F of the AG training folds): learning curve</li>
 *   <li>{@code loss=lr|mh|sh} (modified Huber / squared hinge, one-vs-rest), {@code mix=A} (loss model + A x LR)</li>
 *   <li>{@code avg=E} (weights averaged over the ends of epochs E..last), {@code ep=N}, {@code l2=L}</li>
 *   <li>{@code dl=M}, {@code de=M}: L2 and learning rate of the dense features times M</li>
 *   <li>{@code cnb=W}, {@code nb=M}</li>
 *   <li>{@code aug=K;ap=P;ad=Q}: K extra copies of each AG training item, each word replaced by a GloVe neighbour
 *       with probability P and dropped with probability Q (seeded)</li>
 *   <li>{@code eta=E} (learning rate of the {@code loss} model), {@code drop=P} (feature dropout in SGD)</li>
 *   <li>extra features: {@code shape} (number / money / percent / ticker / product-version shapes), {@code punct}
 *       (punctuation runs), {@code cased} (capitalised words as written), {@code shp} (word shapes), {@code pw},
 *       {@code lead=N}, {@code cbi}, {@code ent}, {@code num}, {@code low}, {@code len}, {@code hg=G} (half-generalised bigrams), {@code skip=W},
 *       {@code tri}. Since round 4, {@code punct} and {@code cased} are shipped ({@link Tokenizer#surfaceFeatures})
 *       and so part of every variant; adding them again only doubles their counts.</li>
 *   <li>round 5: {@code bbcdense} (BBC articles keep their lead's mean vector), {@code bbclead=1|2} (BBC articles
 *       replaced by / plus their lead as a short item), {@code nbx=K} / {@code nbw=K} (each word also emits its K
 *       nearest GloVe neighbours, salted / as those words), {@code nbr=R} (only words of GloVe rank >= R, 2
 *       neighbours), {@code view=V;ew=W} (a second model on view V — {@code chars}, {@code clusters}, {@code +w}
 *       words, {@code +d} mean vector, or {@code same} with learner options {@code e2=nb~0:cnb~0} — probabilities
 *       averaged with weight W), {@code knn=K;ew=W} (cosine K-nearest AG training items averaged in)</li>
 *   <li>system property {@code dump=FILE}: the misclassified items (gold, predicted, probability, text)</li>
 * </ul>
 */
public final class Round4Experiment {

    record Item(String text, long[] tokens, TermCounts counts, MediaTopic topic, String label, boolean ag) {
    }

    static final ObjectMapper JSON = new ObjectMapper();
    static final Vectorizer VEC = new Vectorizer(TrainingParameters.DEFAULTS.hashBits());

    static List<String[]> readRaw(Path file) throws IOException {
        List<String[]> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) continue;
                JsonNode n = JSON.readTree(line);
                out.add(new String[]{n.path("label").asText(), ArticleText.plain(n.path("title").asText(""), n.path("body").asText("")), n.path("id").asText()});
            }
        }
        return out;
    }

    static Item item(String text, String label, boolean ag, String fk) {
        long[] tokens = Tokenizer.tokenize(text);
        long[] f = Tokenizer.features(text, tokens);
        if (fk.startsWith("VIEW:")) return new Item(text, tokens, viewCounts(text, tokens, fk.substring(5)), LabelMapping.trainingTopic(label).orElseThrow(), label, ag);
        if (tokens.length < CategoryModel.DEFAULT_SHORT_TEXT_TOKENS) f = concat(f, extra(text, tokens, fk));
        TermCounts c = fk.contains("bbcdense") ? VEC.count(text, tokens, f) : VEC.count(tokens, f);
        return new Item(text, tokens, c, LabelMapping.trainingTopic(label).orElseThrow(), label, ag);
    }

    static long[] concat(long[] a, long[] b) {
        long[] o = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, o, a.length, b.length);
        return o;
    }

    static Map<Long, int[]> clusterIds;

    static void loadClusterIds() throws IOException {
        clusterIds = new HashMap<>();
        Path res = Path.of("enrich/src/main/resources/dev/newsflow/enrich/classify");
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(res.resolve("word-clusters.txt.gz"))), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isEmpty()) continue;
                String[] p = line.split("\t");
                long[] t = Tokenizer.tokenize(p[0]);
                if (t.length == 1) clusterIds.putIfAbsent(t[0], new int[]{Integer.parseInt(p[1]), Integer.parseInt(p[2]), Integer.parseInt(p[3])});
            }
        }
    }

    /** Extra features by key: shape, hgG (half-generalised bigrams at granularity G), skipW, tri. */
    static long[] extra(String text, long[] tokens, String fk) {
        long[] out = new long[0];
        for (String k : fk.split(",")) {
            if (k.isEmpty() || k.equals("bbcdense") || k.startsWith("bbclead")) continue;
            if (k.startsWith("nbr")) { // rare words only (GloVe rank >= R): their 2 nearest neighbours as words
                int rr = Integer.parseInt(k.substring(3));
                if (tokenNeighbours == null) buildTokenNeighbours();
                List<Long> o = new ArrayList<>();
                for (long t : tokens) {
                    long[] nb = tokenNeighbours.get(t);
                    Integer rank = tokenRank.get(t);
                    if (nb == null || rank == null || rank < rr) continue;
                    for (int q = 0; q < Math.min(2, nb.length); q++) o.add(nb[q]);
                }
                out = concat(out, o.stream().mapToLong(Long::longValue).toArray());
                continue;
            }
            if (k.startsWith("nbx") || k.startsWith("nbw")) { // GloVe neighbour expansion: K nearest, salted (nbx) or as the word (nbw)
                int kk = Integer.parseInt(k.substring(3));
                if (tokenNeighbours == null) buildTokenNeighbours();
                List<Long> o = new ArrayList<>();
                for (long t : tokens) {
                    long[] nb = tokenNeighbours.get(t);
                    if (nb == null) continue;
                    for (int q = 0; q < Math.min(kk, nb.length); q++) o.add(k.startsWith("nbx") ? Tokenizer.mix(nb[q] ^ 0x4E42584EL) : nb[q]);
                }
                out = concat(out, o.stream().mapToLong(Long::longValue).toArray());
                continue;
            }
            if (k.equals("shape")) out = concat(out, shapes(text));
            else if (k.startsWith("hg")) {
                int g = Integer.parseInt(k.substring(2));
                long[] o = new long[2 * tokens.length];
                int n = 0;
                for (int i = 0; i + 1 < tokens.length; i++) {
                    int[] a = clusterIds.get(tokens[i]), b = clusterIds.get(tokens[i + 1]);
                    if (a != null) o[n++] = Tokenizer.combine(0xABCDEF01L ^ a[g], tokens[i + 1]) ^ 0x1111L;
                    if (b != null) o[n++] = Tokenizer.combine(tokens[i], 0xABCDEF01L ^ b[g]) ^ 0x2222L;
                }
                out = concat(out, Arrays.copyOf(o, n));
            } else if (k.startsWith("skip")) {
                int w = Integer.parseInt(k.substring(4));
                List<Long> o = new ArrayList<>();
                for (int i = 0; i < tokens.length; i++)
                    for (int d = 2; d <= w && i + d < tokens.length; d++) {
                        long a = Math.min(tokens[i], tokens[i + d]), b = Math.max(tokens[i], tokens[i + d]);
                        o.add(Tokenizer.combine(a, b) ^ 0x3333L);
                    }
                out = concat(out, o.stream().mapToLong(Long::longValue).toArray());
            } else if (k.equals("punct")) {
                Matcher m = PUNCT.matcher(text);
                List<Long> o = new ArrayList<>();
                while (m.find()) {
                    String p = m.group();
                    if (p.equals(" ")) continue;
                    long h = 0x9E37L;
                    for (int q = 0; q < p.length(); q++) h = Tokenizer.mix(h * 31 + p.charAt(q));
                    o.add(h ^ 0x5555L);
                }
                out = concat(out, o.stream().mapToLong(Long::longValue).toArray());
            } else if (k.equals("shp")) { // word shapes: Xx, XX, x, X.X, with digits d
                Matcher m = WSHAPE.matcher(text);
                List<Long> o = new ArrayList<>();
                while (m.find()) {
                    String w = m.group();
                    StringBuilder b = new StringBuilder();
                    char last = 0;
                    for (int q = 0; q < w.length(); q++) {
                        char c = w.charAt(q);
                        char sh = Character.isUpperCase(c) ? 'X' : Character.isLowerCase(c) ? 'x' : Character.isDigit(c) ? 'd' : c;
                        if (sh != last) b.append(sh);
                        last = sh;
                    }
                    String p = b.toString();
                    if (p.equals("x") || p.equals("Xx")) continue;
                    long h = 0x7777L;
                    for (int q = 0; q < p.length(); q++) h = Tokenizer.mix(h * 31 + p.charAt(q));
                    o.add(h);
                }
                out = concat(out, o.stream().mapToLong(Long::longValue).toArray());
            } else if (k.equals("cased")) {
                Matcher m = WSHAPE.matcher(text);
                List<Long> o = new ArrayList<>();
                while (m.find()) {
                    String w = m.group();
                    if (w.chars().noneMatch(Character::isUpperCase)) continue;
                    long h = 0xCA5EL;
                    for (int q = 0; q < w.length(); q++) h = Tokenizer.mix(h * 31 + w.charAt(q));
                    o.add(h);
                }
                out = concat(out, o.stream().mapToLong(Long::longValue).toArray());
            } else if (k.startsWith("lead")) {
                int nlead = Integer.parseInt(k.substring(4));
                String head = text.length() > 60 ? text.substring(0, 60) : text;
                Matcher m = Pattern.compile("\\S+").matcher(head);
                List<Long> o = new ArrayList<>();
                for (int q = 0; q < nlead && m.find(); q++) {
                    String w = m.group();
                    long h = 0x1EADL + q;
                    for (int c = 0; c < w.length(); c++) h = Tokenizer.mix(h * 31 + w.charAt(c));
                    o.add(h);
                }
                out = concat(out, o.stream().mapToLong(Long::longValue).toArray());
            } else if (k.equals("pw")) { // punctuation run + following word (lower case)
                Matcher m = Pattern.compile("([^\\p{L}\\p{N}]+)([\\p{L}\\p{N}]+)").matcher(text);
                List<Long> o = new ArrayList<>();
                while (m.find()) {
                    String p = m.group(1);
                    if (p.equals(" ")) continue;
                    String w = p + m.group(2).toLowerCase(Locale.ROOT);
                    long h = 0x9A9AL;
                    for (int c = 0; c < w.length(); c++) h = Tokenizer.mix(h * 31 + w.charAt(c));
                    o.add(h);
                }
                out = concat(out, o.stream().mapToLong(Long::longValue).toArray());
            } else if (k.equals("cbi") || k.equals("ent")) { // adjacent capitalised words as written / whole runs
                Matcher m = WSHAPE.matcher(text);
                List<Long> o = new ArrayList<>();
                String prev = null;
                StringBuilder run = new StringBuilder();
                int prevEnd = -2;
                while (m.find()) {
                    String w = m.group();
                    boolean cap = w.chars().anyMatch(Character::isUpperCase);
                    boolean adjacent = m.start() == prevEnd + 1 && text.charAt(prevEnd) == ' ';
                    if (k.equals("cbi")) {
                        if (cap && prev != null && adjacent) o.add(Tokenizer.mix((prev + " " + w).hashCode() * 0x9E3779B97F4A7C15L ^ 0xCB1L));
                    } else {
                        if (cap && adjacent && run.length() > 0) run.append(' ').append(w);
                        else {
                            if (run.indexOf(" ") > 0) o.add(Tokenizer.mix(run.toString().hashCode() * 0x9E3779B97F4A7C15L ^ 0xE47L));
                            run.setLength(0);
                            if (cap) run.append(w);
                        }
                    }
                    prev = cap ? w : null;
                    prevEnd = m.end();
                }
                if (k.equals("ent") && run.indexOf(" ") > 0) o.add(Tokenizer.mix(run.toString().hashCode() * 0x9E3779B97F4A7C15L ^ 0xE47L));
                out = concat(out, o.stream().mapToLong(Long::longValue).toArray());
            } else if (k.equals("num") || k.equals("low")) { // words with a digit / lower-case words with inner . & ' - as written
                Matcher m = WSHAPE.matcher(text);
                List<Long> o = new ArrayList<>();
                while (m.find()) {
                    String w = m.group();
                    boolean take = k.equals("num") ? w.chars().anyMatch(Character::isDigit)
                            : w.chars().noneMatch(Character::isUpperCase) && w.chars().anyMatch(ch -> ch == '.' || ch == '&' || ch == '-' || ch == '\'');
                    if (!take) continue;
                    long h = 0x4E4DL;
                    for (int q = 0; q < w.length(); q++) h = Tokenizer.mix(h * 31 + w.charAt(q));
                    o.add(h);
                }
                out = concat(out, o.stream().mapToLong(Long::longValue).toArray());
            } else if (k.equals("len")) { // token-count bucket (steps of 5) and whether the text ends with a full stop
                long b = Math.min(tokens.length / 5, 20);
                String t = text.strip();
                boolean stop = t.endsWith(".") || t.endsWith("\"") || t.endsWith("?");
                out = concat(out, new long[]{Tokenizer.mix(0x1E40L + b * 7919), Tokenizer.mix(0x1E41L + (stop ? 1 : 2))});
            } else if (k.equals("tri")) {
                long[] o = new long[Math.max(0, tokens.length - 2)];
                for (int i = 0; i + 2 < tokens.length; i++) o[i] = Tokenizer.combine(Tokenizer.combine(tokens[i], tokens[i + 1]), tokens[i + 2]) ^ 0x4444L;
                out = concat(out, o);
            } else throw new IllegalArgumentException(k);
        }
        return out;
    }

    static final Pattern PUNCT = Pattern.compile("[^\\p{L}\\p{N}]+");
    static final Pattern WSHAPE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}.&'-]*");

    // ---- shape features
    static final Pattern MONEY = Pattern.compile("[$\u00a3\u20ac\u00a5]\\s?\\d|\\d\\s?(?:bn|mln|m)\\b|\\b(?:billion|million)\\b");
    static final Pattern PCT = Pattern.compile("\\d\\s?%|\\bper ?cent\\b|\\bpct\\b");
    static final Pattern TICKER = Pattern.compile("\\((?:[A-Z]{2,6}[.:] ?)?[A-Z]{1,5}(?:\\.[A-Z]{1,2})?\\)|\\b(?:NYSE|NASDAQ|Nasdaq|LSE)\\s?:\\s?[A-Z]");
    static final Pattern DECIMAL = Pattern.compile("\\d\\.\\d");
    static final Pattern VERSION = Pattern.compile("\\b(?=[A-Za-z]*\\d)(?=\\d*[A-Za-z])[A-Za-z0-9]{2,}\\b|\\b\\d+(?:\\.\\d+){2,}\\b|\\bv\\d");
    static final Pattern ACRONYM = Pattern.compile("\\b[A-Z]{2,5}s?\\b");
    static final Pattern CAPSEQ = Pattern.compile("\\b[A-Z][a-z]+(?: [A-Z][a-z]+)+\\b");
    static final Pattern DOTCOM = Pattern.compile("\\.com\\b|\\bwww\\.|\\b\\w+\\.(?:net|org)\\b");
    static final Pattern[] SHAPES = {MONEY, PCT, TICKER, DECIMAL, VERSION, ACRONYM, CAPSEQ, DOTCOM};

    static long[] shapes(String text) {
        long[] out = new long[64];
        int n = 0;
        for (int s = 0; s < SHAPES.length; s++) {
            Matcher m = SHAPES[s].matcher(text);
            int c = 0;
            while (m.find() && c < 3) c++;
            for (int k = 0; k < c && n < out.length; k++) out[n++] = Tokenizer.mix(0x51ED270B27E3A2F1L * (s + 1) ^ 0x7A3C);
        }
        return Arrays.copyOf(out, n);
    }

    // ---- GloVe neighbours for augmentation: within the same 4096-cluster, top-3 by cosine, among vector words
    static Map<String, String[]> neighbours;

    static void loadNeighbours() throws IOException {
        Path res = Path.of("enrich/src/main/resources/dev/newsflow/enrich/classify");
        List<String> words = new ArrayList<>();
        List<Integer> fine = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(res.resolve("word-clusters.txt.gz"))), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isEmpty()) continue;
                String[] p = line.split("\t");
                words.add(p[0]);
                long[] tt = Tokenizer.tokenize(p[0]);
                if (tt.length == 1) tokenRank.putIfAbsent(tt[0], words.size() - 1);
                fine.add(Integer.parseInt(p[3]));
            }
        }
        float[][] vec;
        try (InputStream raw = Files.newInputStream(res.resolve("word-vectors.bin.gz"));
             DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(new GZIPInputStream(raw)))) {
            in.readInt();
            int n = in.readInt();
            in.readInt();
            vec = new float[n][100];
            byte[] row = new byte[104];
            for (int w = 0; w < n; w++) {
                in.readFully(row);
                float sc = ByteBuffer.wrap(row, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getFloat();
                double norm = 0;
                for (int k = 0; k < 100; k++) { vec[w][k] = row[4 + k] * sc; norm += vec[w][k] * vec[w][k]; }
                for (int k = 0; k < 100; k++) vec[w][k] /= (float) Math.sqrt(norm);
            }
        }
        Map<Integer, List<Integer>> byCluster = new HashMap<>();
        for (int w = 200; w < vec.length; w++) byCluster.computeIfAbsent(fine.get(w), c -> new ArrayList<>()).add(w);
        neighbours = new HashMap<>();
        for (List<Integer> group : byCluster.values()) {
            for (int w : group) {
                List<int[]> best = new ArrayList<>();
                double[] sims = new double[group.size()];
                Integer[] order = new Integer[group.size()];
                for (int q = 0; q < group.size(); q++) {
                    order[q] = q;
                    double s = 0;
                    for (int k = 0; k < 100; k++) s += vec[w][k] * vec[group.get(q)][k];
                    sims[q] = group.get(q) == w ? -9 : s;
                }
                Arrays.sort(order, (a, b) -> Double.compare(sims[b], sims[a]));
                List<String> nb = new ArrayList<>();
                for (int q = 0; q < Math.min(3, order.length); q++) if (sims[order[q]] > 0.5) nb.add(words.get(group.get(order[q])));
                if (!nb.isEmpty()) neighbours.put(words.get(w), nb.toArray(new String[0]));
            }
        }
        System.err.printf("neighbours for %d words%n", neighbours.size());
    }

    static Map<Long, long[]> tokenNeighbours;
    static Map<Long, Integer> tokenRank = new HashMap<>();

    static void buildTokenNeighbours() {
        try {
            if (neighbours == null) loadNeighbours();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        tokenNeighbours = new HashMap<>();
        for (Map.Entry<String, String[]> e : new TreeMap<>(neighbours).entrySet()) {
            long[] t = Tokenizer.tokenize(e.getKey());
            if (t.length != 1) continue;
            List<Long> nb = new ArrayList<>();
            for (String w : e.getValue()) {
                long[] u = Tokenizer.tokenize(w);
                if (u.length == 1) nb.add(u[0]);
            }
            if (!nb.isEmpty()) tokenNeighbours.putIfAbsent(t[0], nb.stream().mapToLong(Long::longValue).toArray());
        }
    }

    /** Counts of a second view: chars (character 3-5-grams of words), clusters (cluster ids only), plus "+w" for words. */
    static TermCounts viewCounts(String text, long[] tokens, String view) {
        List<Long> o = new ArrayList<>();
        if (view.contains("chars")) {
            Matcher m = Pattern.compile("[\\p{L}\\p{N}]+").matcher(text.toLowerCase(Locale.ROOT));
            while (m.find()) {
                String w = "<" + m.group() + ">";
                for (int n = 3; n <= 5; n++)
                    for (int i = 0; i + n <= w.length(); i++) {
                        long h = 0xC4A9L + n;
                        for (int q = i; q < i + n; q++) h = Tokenizer.mix(h * 31 + w.charAt(q));
                        o.add(h);
                    }
            }
        }
        if (view.contains("clusters")) {
            for (long t : tokens) {
                int[] c = clusterIds.get(t);
                if (c == null) continue;
                for (int g = 0; g < 3; g++) o.add(Tokenizer.mix(0xC1C1L * (g + 1) + c[g] * 0x9E3779B97F4A7C15L));
            }
        }
        long[] f = o.stream().mapToLong(Long::longValue).toArray();
        TermCounts c = VEC.count(view.contains("+w") ? tokens : new long[0], f);
        if (view.contains("+d") && c.dense() == null && tokens.length < CategoryModel.DEFAULT_SHORT_TEXT_TOKENS)
            c = new TermCounts(c.indices(), c.counts(), c.tokenCount(), WordEmbeddings.bundled().meanVector(tokens));
        return c;
    }

    static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+|[^\\p{L}\\p{N}']+");

    static String augment(String text, Random g, double pReplace, double pDrop) {
        StringBuilder b = new StringBuilder();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String tok = m.group();
            if (!Character.isLetterOrDigit(tok.charAt(0))) { b.append(tok); continue; }
            double u = g.nextDouble();
            if (u < pDrop) continue;
            if (u < pDrop + pReplace) {
                String[] nb = neighbours.get(tok.toLowerCase(Locale.ROOT));
                if (nb != null) { b.append(nb[g.nextInt(nb.length)]); continue; }
            }
            b.append(tok);
        }
        return b.toString();
    }

    // ---- variant
    static final class V {
        String name;
        int folds = 5;
        double sub = 1;
        String loss = "lr";
        double mix = 0;
        int avg = -1;
        int epochs = 30;
        double l2 = 2e-5;
        double dl = 1, de = 1;
        double cnb = ModelTrainer.SHORT_CNB_WEIGHT;
        double nb = ModelTrainer.SHORT_NB_MIX;
        int aug = 0;
        double ap = 0.1, ad = 0.1;
        String fk = "";
        double drop = 0;
        double eta = TrainingParameters.DEFAULTS.eta0();
        String view = null;
        double ew = 0.5;
        String e2 = "";
        int knn = 0;
        int subk = 1;
        boolean subbbc, subsum, worldsub, worldsum;
        int subit = 20;
        String ext = null;
        double el2 = 1e-4;
        int eep = 60;

        static V parse(String s) {
            V v = new V();
            v.name = s;
            for (String p : s.split(";")) {
                String[] kv = p.split("=", 2);
                String val = kv.length > 1 ? kv[1] : "";
                switch (kv[0]) {
                    case "folds" -> v.folds = Integer.parseInt(val);
                    case "sub" -> v.sub = Double.parseDouble(val);
                    case "loss" -> v.loss = val;
                    case "mix" -> v.mix = Double.parseDouble(val);
                    case "avg" -> v.avg = Integer.parseInt(val);
                    case "ep" -> v.epochs = Integer.parseInt(val);
                    case "l2" -> v.l2 = Double.parseDouble(val);
                    case "dl" -> v.dl = Double.parseDouble(val);
                    case "de" -> v.de = Double.parseDouble(val);
                    case "cnb" -> v.cnb = Double.parseDouble(val);
                    case "nb" -> v.nb = Double.parseDouble(val);
                    case "aug" -> v.aug = Integer.parseInt(val);
                    case "ap" -> v.ap = Double.parseDouble(val);
                    case "ad" -> v.ad = Double.parseDouble(val);
                    case "shape", "tri", "punct", "shp", "cased", "pw", "cbi", "ent", "num", "low", "len" -> v.fk += "," + kv[0];
                    case "hg", "skip", "lead" -> v.fk += "," + kv[0] + val;
                    case "bbcdense" -> v.fk += ",bbcdense";
                    case "bbclead" -> v.fk += ",bbclead" + val;
                    case "nbx", "nbw", "nbr" -> v.fk += "," + kv[0] + val;
                    case "view" -> v.view = val;
                    case "e2" -> v.e2 = val.replace(':', ';').replace('~', '=');
                    case "knn" -> v.knn = Integer.parseInt(val);
                    case "subk" -> v.subk = Integer.parseInt(val);
                    case "subbbc" -> v.subbbc = true;
                    case "worldsub" -> v.worldsub = true;
                    case "worldsum" -> v.worldsum = true;
                    case "subsum" -> v.subsum = true;
                    case "subit" -> v.subit = Integer.parseInt(val);
                    case "ew" -> v.ew = Double.parseDouble(val);
                    case "ext" -> v.ext = val;
                    case "el2" -> v.el2 = Double.parseDouble(val);
                    case "eep" -> v.eep = Integer.parseInt(val);
                    case "drop" -> v.drop = Double.parseDouble(val);
                    case "eta" -> v.eta = Double.parseDouble(val);
                    case "base", "" -> { }
                    default -> throw new IllegalArgumentException("unknown option " + p);
                }
            }
            return v;
        }
    }

    static final java.io.PrintStream DUMP = dumpStream();
    /** System property {@code logits=FILE}: every held-out item's gold bucket and logits (round 7: bias offsets). */
    static final java.io.PrintStream LOGITS = logitStream();

    static java.io.PrintStream logitStream() {
        try {
            String d = System.getProperty("logits");
            return d == null ? null : new java.io.PrintStream(d, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static java.io.PrintStream dumpStream() {
        try {
            String d = System.getProperty("dump");
            return d == null ? null : new java.io.PrintStream(d, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<String[]> agRaw, bbcRaw;
    static final Map<String, List<Item>> AG = new HashMap<>(), BBC = new HashMap<>();

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        loadClusterIds();
        agRaw = readRaw(dir.resolve("agnews-train-8k.jsonl"));
        bbcRaw = readRaw(dir.resolve("bbc-train.jsonl"));
        for (int a = 1; a < args.length; a++) {
            V v = V.parse(args[a]);
            long start = System.nanoTime();
            int[] r = cv(v);
            if (DUMP != null) DUMP.flush();
            if (LOGITS != null) LOGITS.flush();
            System.out.printf(Locale.ROOT, "%-50s AG %.4f (%d errors of %d; biz->sci %d, sci->biz %d)  %.0f s%n", v.name,
                    (double) r[0] / r[1], r[1] - r[0], r[1], r[2], r[3], (System.nanoTime() - start) / 1e9);
        }
    }

    static List<Item> items(List<String[]> raw, boolean ag, String fk) {
        Map<String, List<Item>> cache = ag ? AG : BBC;
        int lead = ag ? 0 : fk.contains("bbclead1") ? 1 : fk.contains("bbclead2") ? 2 : 0;
        return cache.computeIfAbsent(fk, s -> raw.stream().flatMap(x -> {
            if (lead == 0) return java.util.stream.Stream.of(item(x[1], x[0], ag, s));
            Item l = item(x[1].substring(0, Vectorizer.leadEnd(x[1])), x[0], ag, s);
            return lead == 1 ? java.util.stream.Stream.of(l) : java.util.stream.Stream.of(item(x[1], x[0], ag, s), l);
        }).toList());
    }

    static final Map<String, List<List<Item>>> AUG = new HashMap<>();

    static List<List<Item>> augmented(List<Item> ag, V v) throws IOException {
        if (v.aug == 0) return null;
        if (neighbours == null) loadNeighbours();
        String key = v.aug + "/" + v.ap + "/" + v.ad + "/" + v.fk;
        if (AUG.containsKey(key)) return AUG.get(key);
        List<List<Item>> out = new ArrayList<>();
        for (int i = 0; i < ag.size(); i++) {
            Random g = new Random(1_000_003L * i + 17);
            List<Item> copies = new ArrayList<>();
            for (int k = 0; k < v.aug; k++) copies.add(item(augment(ag.get(i).text(), g, v.ap, v.ad), ag.get(i).label(), true, v.fk));
            out.add(copies);
        }
        AUG.put(key, out);
        return out;
    }

    /** correct, total, business->scitech, scitech->business. */
    static int[] cv(V v) throws IOException {
        List<Item> ag = items(agRaw, true, v.fk);
        List<Item> bbc = items(bbcRaw, false, v.fk);
        List<List<Item>> aug = augmented(ag, v);
        boolean same = "same".equals(v.view);
        List<Item> ag2 = v.view == null ? null : same ? ag : items(agRaw, true, "VIEW:" + v.view);
        List<Item> bbc2 = v.view == null ? null : same ? bbc : items(bbcRaw, false, "VIEW:" + v.view);
        V v2 = V.parse(v.e2);
        long seed = TrainingParameters.DEFAULTS.seed();
        int[] fold = new int[ag.size()];
        Map<String, List<Integer>> byLabel = new TreeMap<>();
        for (int i = 0; i < ag.size(); i++) byLabel.computeIfAbsent(ag.get(i).label(), l -> new ArrayList<>()).add(i);
        Random random = new Random(seed * 31 + "agnews-train-8k".hashCode());
        for (List<Integer> g : byLabel.values()) {
            Collections.shuffle(g, random);
            for (int r = 0; r < g.size(); r++) fold[g.get(r)] = r % v.folds;
        }
        LabelMapping.Scheme scheme = LabelMapping.schemeFor(ag.stream().map(Item::label).toList());
        int correct = 0, bs = 0, sb = 0;
        for (int k = 0; k < v.folds; k++) {
            List<Item> train = new ArrayList<>();
            Random subR = new Random(seed + 7 * k);
            for (int i = 0; i < ag.size(); i++) {
                if (fold[i] == k) continue;
                if (v.sub < 1 && subR.nextDouble() >= v.sub) continue;
                train.add(ag.get(i));
                if (aug != null) train.addAll(aug.get(i));
            }
            train.addAll(bbc);
            if (v.worldsub) { // round 7: AG World items learned under our Media Topic labels (bucket "other" only)
                Map<String, WorldTopicLabels.Label> world = WorldTopicLabels.loadDefault();
                Map<Item, MediaTopic> byItem = new java.util.IdentityHashMap<>();
                for (int i = 0; i < ag.size(); i++) {
                    MediaTopic t = world.containsKey(agRaw.get(i)[2]) ? world.get(agRaw.get(i)[2]).topic() : null;
                    if (t != null && LabelMapping.isWorldTopic(t)) byItem.put(ag.get(i), t);
                }
                train.replaceAll(it -> byItem.containsKey(it) ? new Item(it.text(), it.tokens(), it.counts(), byItem.get(it), it.label(), true) : it);
            }
            LinearModel m = v.subk > 1 || v.subbbc ? trainSubclasses(train, v) : train(train, v);
            LinearModel m2 = null;
            List<SparseVector> trainVecs = new ArrayList<>();
            List<Integer> trainYs = new ArrayList<>();
            if (v.knn > 0) for (Item it : train) if (it.ag()) { trainVecs.add(m.vectorize(it.counts())); trainYs.add(m.topics().indexOf(it.topic())); }
            if (ag2 != null) {
                List<Item> train2 = new ArrayList<>();
                Random subR2 = new Random(seed + 7 * k);
                for (int i = 0; i < ag.size(); i++) {
                    if (fold[i] == k) continue;
                    if (v.sub < 1 && subR2.nextDouble() >= v.sub) continue;
                    train2.add(ag2.get(i));
                }
                train2.addAll(bbc2);
                m2 = train(train2, v2);
            }
            double[][] extW = null;
            if (v.ext != null) extW = trainExt(loadExt(v.ext), ag, fold, k, m.topics(), v);
            for (int i = 0; i < ag.size(); i++) {
                if (fold[i] != k) continue;
                double[] z = m.logits(m.vectorize(ag.get(i).counts()));
                if (extW != null) {
                    double[] p1 = LinearModel.softmax(z, 1.0), p2 = extProbs(extW, EXT.get(v.ext).get(agRaw.get(i)[2]));
                    for (int c = 0; c < z.length; c++) z[c] = (1 - v.ew) * p1[c] + v.ew * p2[c];
                }
                if (v.knn > 0) {
                    double[] p1 = LinearModel.softmax(z, 1.0), p2 = knn(m, trainVecs, trainYs, ag.get(i), v.knn, z.length);
                    for (int c = 0; c < z.length; c++) z[c] = (1 - v.ew) * p1[c] + v.ew * p2[c];
                }
                if (m2 != null) {
                    double[] p1 = LinearModel.softmax(z, 1.0), p2 = LinearModel.softmax(m2.logits(m2.vectorize(ag2.get(i).counts())), 1.0);
                    for (int c = 0; c < z.length; c++) z[c] = (1 - v.ew) * p1[c] + v.ew * p2[c];
                }
                int best = 0;
                for (int c = 1; c < z.length; c++) if (z[c] > z[best]) best = c;
                MediaTopic predicted = m.topics().get(best);
                if (v.worldsum) { // the bucket with the highest summed probability; its most probable topic
                    double[] p = LinearModel.softmax(z, 1.0);
                    Map<String, Double> byBucket = new HashMap<>();
                    for (int c = 0; c < z.length; c++) byBucket.merge(LabelMapping.bucketOf(m.topics().get(c)), p[c], Double::sum);
                    String bucket = Collections.max(byBucket.entrySet(), Map.Entry.comparingByValue()).getKey();
                    int bb = -1;
                    for (int c = 0; c < z.length; c++) if (LabelMapping.bucketOf(m.topics().get(c)).equals(bucket) && (bb < 0 || p[c] > p[bb])) bb = c;
                    predicted = m.topics().get(bb);
                }
                if (v.subsum) {
                    double[] p = LinearModel.softmax(z, 1.0);
                    Map<MediaTopic, Double> byTopic = new HashMap<>();
                    for (int c = 0; c < z.length; c++) byTopic.merge(m.topics().get(c), p[c], Double::sum);
                    predicted = Collections.max(byTopic.entrySet(), Map.Entry.comparingByValue()).getKey();
                }
                String gold = LabelMapping.goldClass(ag.get(i).label(), scheme).orElseThrow();
                if (LOGITS != null) { // every held-out item: gold bucket, then topic=logit pairs
                    StringBuilder line = new StringBuilder(gold);
                    for (int c = 0; c < z.length; c++) line.append('\t').append(m.topics().get(c).slug()).append('=').append(z[c]);
                    LOGITS.println(line);
                }
                String pred = LabelMapping.predictedClass(predicted, scheme);
                if (DUMP != null && !gold.equals(pred)) {
                    double[] p = LinearModel.softmax(z, 1.0);
                    DUMP.printf(Locale.ROOT, "%s\t%s\t%.2f\t%s%n", gold, pred, p[best], ag.get(i).text().replace('\n', ' '));
                }
                if (gold.equals(pred)) correct++;
                else if (gold.equals("business") && pred.equals("sci-tech")) bs++;
                else if (gold.equals("sci-tech") && pred.equals("business")) sb++;
            }
        }
        return new int[]{correct, ag.size(), bs, sb};
    }

    static final Map<String, Map<String, float[]>> EXT = new HashMap<>();

    /** External sentence embeddings (id, then floats), standardised per dimension over the file, plus a bias 1. */
    static Map<String, float[]> loadExt(String file) throws IOException {
        if (EXT.containsKey(file)) return EXT.get(file);
        Map<String, float[]> out = new HashMap<>();
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(Path.of(file))))) {
            int n = in.readInt(), d = in.readInt();
            for (int i = 0; i < n; i++) {
                String id = in.readUTF();
                float[] x = new float[d + 1];
                for (int j = 0; j < d; j++) x[j] = in.readFloat();
                x[d] = 1f;
                out.put(id, x);
            }
        }
        int d = out.values().iterator().next().length - 1;
        double[] mean = new double[d], sq = new double[d];
        for (float[] x : out.values()) for (int j = 0; j < d; j++) { mean[j] += x[j]; sq[j] += x[j] * x[j]; }
        int n = out.size();
        for (float[] x : out.values()) for (int j = 0; j < d; j++) {
            double mu = mean[j] / n, sd = Math.sqrt(Math.max(1e-12, sq[j] / n - mu * mu));
            x[j] = (float) ((x[j] - mu) / sd);
        }
        EXT.put(file, out);
        return out;
    }

    /** Softmax regression on the embeddings of the AG training folds (mini-batch SGD, L2); rows per topic. */
    static double[][] trainExt(Map<String, float[]> emb, List<Item> ag, int[] fold, int k, List<MediaTopic> topics, V v) {
        List<float[]> xs = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        for (int i = 0; i < ag.size(); i++) {
            if (fold[i] == k) continue;
            xs.add(emb.get(agRaw.get(i)[2]));
            ys.add(topics.indexOf(ag.get(i).topic()));
        }
        int d = xs.get(0).length, classes = topics.size();
        double[][] w = new double[classes][d];
        Integer[] order = new Integer[xs.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Random g = new Random(5);
        double[] z = new double[classes];
        for (int ep = 0; ep < v.eep; ep++) {
            Collections.shuffle(Arrays.asList(order), g);
            double eta = 0.05 / (1 + ep * 0.1);
            for (int i : order) {
                float[] x = xs.get(i);
                for (int c = 0; c < classes; c++) { double s = 0; for (int j = 0; j < d; j++) s += w[c][j] * x[j]; z[c] = s; }
                gradient(z, ys.get(i), "lr");
                for (int c = 0; c < classes; c++) {
                    double gc = z[c];
                    double[] wc = w[c];
                    for (int j = 0; j < d; j++) wc[j] -= eta * (gc * x[j] + v.el2 * wc[j]);
                }
            }
        }
        return w;
    }

    static double[] extProbs(double[][] w, float[] x) {
        double[] z = new double[w.length];
        for (int c = 0; c < w.length; c++) { double s = 0; for (int j = 0; j < x.length; j++) s += w[c][j] * x[j]; z[c] = s; }
        return LinearModel.softmax(z, 1.0);
    }

    /** Cosine k-nearest-neighbour class distribution (hashed part only, similarity-weighted, +0.01 smoothing). */
    static double[] knn(LinearModel m, List<SparseVector> xs, List<Integer> ys, Item q, int k, int classes) {
        SparseVector x = m.vectorize(q.counts());
        Map<Integer, Float> qm = new HashMap<>();
        int dims = VEC.dimensions();
        for (int j = 0; j < x.indices().length; j++) if (x.indices()[j] < dims) qm.put(x.indices()[j], x.values()[j]);
        double[] sim = new double[xs.size()];
        Integer[] order = new Integer[xs.size()];
        for (int t = 0; t < xs.size(); t++) {
            order[t] = t;
            SparseVector y = xs.get(t);
            double s = 0;
            for (int j = 0; j < y.indices().length; j++) { Float f = qm.get(y.indices()[j]); if (f != null) s += f * y.values()[j]; }
            sim[t] = s;
        }
        Arrays.sort(order, (a, b) -> Double.compare(sim[b], sim[a]));
        double[] p = new double[classes];
        Arrays.fill(p, 0.01);
        for (int t = 0; t < Math.min(k, order.length); t++) p[ys.get(order[t])] += sim[order[t]];
        double sum = 0;
        for (double d : p) sum += d;
        for (int c = 0; c < classes; c++) p[c] /= sum;
        return p;
    }

    /**
     * Round 6: each topic's AG items split into {@code subk} subclasses by seeded spherical k-means on their mean
     * word vector (BBC items go to the nearest centroid of their topic, or to a subclass of their own with
     * {@code subbbc}); the model is trained on the subclasses, and its topic list repeats each topic once per
     * subclass, so the best subclass decides (or, with {@code subsum}, the topic's summed probability).
     */
    static LinearModel trainSubclasses(List<Item> items, V v) {
        List<MediaTopic> topics = List.copyOf(new TreeSet<>(items.stream().map(Item::topic).toList()));
        List<MediaTopic> classTopics = new ArrayList<>();
        int[] ys = new int[items.size()];
        for (MediaTopic t : topics) {
            List<Integer> agIdx = new ArrayList<>(), bbcIdx = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) if (items.get(i).topic() == t) (items.get(i).ag() ? agIdx : bbcIdx).add(i);
            int k = agIdx.size() >= 2 * v.subk ? v.subk : 1;
            int base = classTopics.size();
            for (int c = 0; c < k; c++) classTopics.add(t);
            float[][] x = new float[agIdx.size()][];
            for (int q = 0; q < x.length; q++) x[q] = unit(items.get(agIdx.get(q)).counts().dense(), items.get(agIdx.get(q)).tokens());
            float[][] cent = kmeans(x, k, v.subit, t.ordinal());
            for (int q = 0; q < x.length; q++) ys[agIdx.get(q)] = base + nearest(cent, x[q]);
            if (v.subbbc && !bbcIdx.isEmpty()) classTopics.add(t);
            for (int i : bbcIdx) ys[i] = v.subbbc ? classTopics.size() - 1 : base + nearest(cent, unit(null, items.get(i).tokens()));
        }
        return train(items, v, ys, classTopics);
    }

    static float[] unit(float[] dense, long[] tokens) {
        float[] d = dense != null ? dense.clone() : WordEmbeddings.bundled().meanVector(tokens);
        if (d == null) d = new float[WordEmbeddings.DIMENSIONS];
        double n = 0;
        for (float f : d) n += f * f;
        n = Math.sqrt(n);
        if (n > 0) for (int j = 0; j < d.length; j++) d[j] /= (float) n;
        return d;
    }

    static int nearest(float[][] cent, float[] x) {
        int best = 0;
        double bs = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < cent.length; c++) {
            double s = 0;
            for (int j = 0; j < x.length; j++) s += cent[c][j] * x[j];
            if (s > bs) { bs = s; best = c; }
        }
        return best;
    }

    /** Seeded spherical k-means (farthest-first-ish init by seeded random picks). */
    static float[][] kmeans(float[][] x, int k, int iterations, long seed) {
        int dim = WordEmbeddings.DIMENSIONS;
        float[][] cent = new float[k][];
        Random g = new Random(seed * 7919 + k);
        for (int c = 0; c < k; c++) cent[c] = x.length == 0 ? new float[dim] : x[g.nextInt(x.length)].clone();
        for (int it = 0; it < iterations && k > 1; it++) {
            double[][] sum = new double[k][dim];
            for (float[] p : x) {
                int c = nearest(cent, p);
                for (int j = 0; j < dim; j++) sum[c][j] += p[j];
            }
            for (int c = 0; c < k; c++) {
                double n = 0;
                for (double d : sum[c]) n += d * d;
                n = Math.sqrt(n);
                if (n == 0) continue;
                for (int j = 0; j < dim; j++) cent[c][j] = (float) (sum[c][j] / n);
            }
        }
        return cent;
    }

    /** ModelTrainer.train with the round-4 options. */
    static LinearModel train(List<Item> items, V v) {
        List<MediaTopic> topics = List.copyOf(new TreeSet<>(items.stream().map(Item::topic).toList()));
        int[] ys = new int[items.size()];
        for (int i = 0; i < ys.length; i++) ys[i] = topics.indexOf(items.get(i).topic());
        return train(items, v, ys, topics);
    }

    static LinearModel train(List<Item> items, V v, int[] ys, List<MediaTopic> topics) {
        int dims = VEC.dimensions();
        int classes = topics.size();
        List<TrainingExample> ex = items.stream().map(it -> new TrainingExample(it.tokens(), it.counts(), it.topic(), it.label(), "")).toList();
        float[] idf = ModelTrainer.inverseDocumentFrequencies(ex, dims);
        int n = items.size();
        SparseVector[] xs = new SparseVector[n];
        for (int i = 0; i < n; i++) xs[i] = VEC.weigh(items.get(i).counts(), idf);
        int rows = dims + WordEmbeddings.DIMENSIONS;
        double[] r = Arrays.copyOf(ModelTrainer.logCountRatios(xs, ys, dims, classes, v.nb), rows * classes);
        Arrays.fill(r, dims * classes, r.length, 1.0);
        double[] w = sgd(xs, ys, r, classes, rows, dims, v, v.loss);
        if (v.mix > 0) {
            double[] w2 = sgd(xs, ys, r, classes, rows, dims, v, "lr");
            for (int j = 0; j < w.length; j++) w[j] += v.mix * w2[j];
        }
        double[] cnb = v.cnb > 0 ? ModelTrainer.complementNaiveBayes(xs, ys, dims, classes) : null;
        float[] weights = new float[rows * classes];
        for (int j = 0; j < weights.length; j++) weights[j] = (float) (w[j] * r[j] + (cnb != null && j < cnb.length ? v.cnb * cnb[j] : 0));
        float[] bias = new float[classes];
        for (int c = 0; c < classes; c++) bias[c] = (float) w[rows * classes + c];
        return new LinearModel(VEC.hashBits(), topics, idf, weights, bias, 1.0);
    }

    /** Returns v (unscaled by r) for rows*classes, then the biases. */
    static double[] sgd(SparseVector[] xs, int[] ys, double[] r, int classes, int rows, int dims, V v, String loss) {
        int n = xs.length;
        double[] w = new double[rows * classes];
        double[] b = new double[classes];
        double[] avgW = v.avg >= 0 ? new double[w.length] : null;
        double[] avgB = v.avg >= 0 ? new double[classes] : null;
        int averaged = 0;
        double scale = 1.0;
        double lambda = v.l2, eta0 = loss.equals(v.loss) ? v.eta : TrainingParameters.DEFAULTS.eta0();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Random random = new Random(TrainingParameters.DEFAULTS.seed());
        double[] z = new double[classes];
        Random dropR = new Random(99);
        int denseStart = dims * classes;
        long t = 0;
        for (int epoch = 0; epoch < v.epochs; epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int tmp = order[i]; order[i] = order[j]; order[j] = tmp;
            }
            for (int i : order) {
                double eta = eta0 / (1.0 + eta0 * lambda * t++);
                int[] idx = xs[i].indices();
                float[] val = xs[i].values();
                if (v.drop > 0) {
                    val = val.clone();
                    for (int k = 0; k < val.length; k++) val[k] = dropR.nextDouble() < v.drop ? 0f : (float) (val[k] / (1 - v.drop));
                }
                Arrays.fill(z, 0);
                for (int k = 0; k < idx.length; k++) {
                    int base = idx[k] * classes;
                    for (int c = 0; c < classes; c++) z[c] += w[base + c] * r[base + c] * val[k];
                }
                for (int c = 0; c < classes; c++) z[c] = z[c] * scale + b[c];
                gradient(z, ys[i], loss);
                scale *= 1.0 - eta * lambda;
                double step = eta / scale;
                for (int k = 0; k < idx.length; k++) {
                    int base = idx[k] * classes;
                    double vv = val[k] * step;
                    if (base >= denseStart) vv *= v.de;
                    for (int c = 0; c < classes; c++) w[base + c] -= z[c] * vv * r[base + c];
                }
                if (v.dl != 1) { // extra (or less) decay of the dense rows: total factor (1 - eta*lambda*dl)
                    double f = (1.0 - eta * lambda * v.dl * v.de) / (1.0 - eta * lambda);
                    for (int j = denseStart; j < w.length; j++) w[j] *= f;
                }
                for (int c = 0; c < classes; c++) b[c] -= eta * z[c];
                if (scale < 1e-6) {
                    for (int j = 0; j < w.length; j++) w[j] *= scale;
                    scale = 1.0;
                }
            }
            if (avgW != null && epoch >= v.avg) {
                for (int j = 0; j < w.length; j++) avgW[j] += w[j] * scale;
                for (int c = 0; c < classes; c++) avgB[c] += b[c];
                averaged++;
            }
        }
        double[] out = new double[w.length + classes];
        if (avgW != null) {
            for (int j = 0; j < w.length; j++) out[j] = avgW[j] / averaged;
            for (int c = 0; c < classes; c++) out[w.length + c] = avgB[c] / averaged;
        } else {
            for (int j = 0; j < w.length; j++) out[j] = w[j] * scale;
            System.arraycopy(b, 0, out, w.length, classes);
        }
        return out;
    }

    /** Replaces the scores z by the gradient of the loss with respect to them. */
    static void gradient(double[] z, int y, String loss) {
        int classes = z.length;
        switch (loss) {
            case "lr" -> {
                double max = Double.NEGATIVE_INFINITY;
                for (double x : z) max = Math.max(max, x);
                double sum = 0;
                for (int c = 0; c < classes; c++) { z[c] = Math.exp(z[c] - max); sum += z[c]; }
                for (int c = 0; c < classes; c++) z[c] = z[c] / sum - (c == y ? 1.0 : 0.0);
            }
            case "sh" -> {
                for (int c = 0; c < classes; c++) {
                    double s = c == y ? 1 : -1, m = s * z[c];
                    z[c] = m < 1 ? -2 * s * (1 - m) : 0;
                }
            }
            case "mh" -> {
                for (int c = 0; c < classes; c++) {
                    double s = c == y ? 1 : -1, m = s * z[c];
                    z[c] = m < -1 ? -4 * s : m < 1 ? -2 * s * (1 - m) : 0;
                }
            }
            default -> throw new IllegalArgumentException(loss);
        }
    }
}
