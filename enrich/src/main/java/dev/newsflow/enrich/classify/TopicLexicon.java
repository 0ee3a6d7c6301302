package dev.newsflow.enrich.classify;

import dev.newsflow.schemas.MediaTopic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Curated, weighted term lists for the Media Topics the training data has no labels for (crime, disaster, health,
 * environment, weather, conflict, education, religion, labour, lifestyle, society, human interest). Read from
 * {@code topic-lexicon.txt}; written by hand, not learned, and not measured on labelled data.
 *
 * <p>Scoring: for each topic, {@code raw = sum over distinct terms hit of weight * (1 + ln count)}, divided by
 * {@code sqrt(max(1, tokens / 100))} so that a long article needs more evidence than a short item, then
 * {@code confidence = 1 - exp(-score / 4)}. A topic counts only when at least {@value #MIN_DISTINCT_TERMS}
 * different terms were found.
 *
 * <p>File format: {@code [topic-slug]} starts a section; {@code weight: term, term, ...} lines follow (weight 1 to
 * 3, a term is 1 to 3 words); {@code #} starts a comment.
 */
public final class TopicLexicon {

    public static final String RESOURCE = "topic-lexicon.txt";
    static final int MIN_DISTINCT_TERMS = 2;
    private static final double SCALE = 4.0;
    private static final double TOKENS_PER_UNIT = 100.0;

    /** One topic's evidence in one text. */
    public record Score(MediaTopic topic, double confidence, int distinctTerms) {
    }

    private final TermMatcher matcher;
    private final MediaTopic[] termTopic;
    private final double[] termWeight;

    private TopicLexicon(List<String> terms, List<MediaTopic> topics, List<Double> weights) {
        this.matcher = new TermMatcher(terms);
        this.termTopic = topics.toArray(MediaTopic[]::new);
        this.termWeight = weights.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public static TopicLexicon loadDefault() {
        try (InputStream in = TopicLexicon.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("bundled lexicon missing: " + RESOURCE);
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled lexicon", e);
        }
    }

    public static TopicLexicon parse(Reader source) throws IOException {
        List<String> terms = new ArrayList<>();
        List<MediaTopic> topics = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        MediaTopic section = null;
        java.util.Set<String> listed = new java.util.HashSet<>();
        BufferedReader reader = new BufferedReader(source);
        String line;
        int lineNumber = 0;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            int hash = line.indexOf('#');
            String content = (hash >= 0 ? line.substring(0, hash) : line).trim();
            if (content.isEmpty()) {
                continue;
            }
            if (content.startsWith("[") && content.endsWith("]")) {
                String slug = content.substring(1, content.length() - 1);
                int at = lineNumber;
                section = MediaTopic.fromSlug(slug)
                        .orElseThrow(() -> new IOException("line " + at + ": unknown topic slug '" + slug + "'"));
                continue;
            }
            int colon = content.indexOf(':');
            if (section == null || colon < 0) {
                throw new IOException("line " + lineNumber + ": expected '[topic-slug]' or 'weight: term, term'");
            }
            double weight;
            try {
                weight = Double.parseDouble(content.substring(0, colon).trim());
            } catch (NumberFormatException e) {
                throw new IOException("line " + lineNumber + ": weight is not a number", e);
            }
            for (String term : content.substring(colon + 1).split(",")) {
                String t = term.trim().toLowerCase(Locale.ROOT);
                if (!t.isEmpty() && !listed.add(section + ":" + Tokenizer.termKey(t))) {
                    continue; // listed twice for one topic: counted once ("killed" may still serve two topics)
                }
                if (!t.isEmpty()) {
                    terms.add(t);
                    topics.add(section);
                    weights.add(weight);
                }
            }
        }
        return new TopicLexicon(terms, topics, weights);
    }

    /** Topics with at least {@value #MIN_DISTINCT_TERMS} distinct terms, highest confidence first. */
    public List<Score> score(long[] tokens) {
        int[] counts = matcher.count(tokens);
        MediaTopic[] all = MediaTopic.values();
        double[] raw = new double[all.length];
        int[] distinct = new int[all.length];
        for (int id = 0; id < counts.length; id++) {
            if (counts[id] > 0) {
                int t = termTopic[id].ordinal();
                raw[t] += termWeight[id] * (1.0 + StrictMath.log(counts[id]));
                distinct[t]++;
            }
        }
        double lengthFactor = Math.sqrt(Math.max(1.0, tokens.length / TOKENS_PER_UNIT));
        List<Score> scores = new ArrayList<>();
        for (MediaTopic topic : all) {
            int t = topic.ordinal();
            if (distinct[t] >= MIN_DISTINCT_TERMS) {
                scores.add(new Score(topic, 1.0 - StrictMath.exp(-raw[t] / lengthFactor / SCALE), distinct[t]));
            }
        }
        scores.sort(Comparator.comparingDouble(Score::confidence).reversed().thenComparing(Score::topic));
        return scores;
    }
}
