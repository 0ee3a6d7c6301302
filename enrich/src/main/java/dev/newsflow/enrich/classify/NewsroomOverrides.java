package dev.newsflow.enrich.classify;

import dev.newsflow.schemas.MediaTopic;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Editorial rules applied after the model, read from a properties file (example bundled as
 * {@code newsroom-overrides.example.properties}). Each rule has an id and these keys:
 * <pre>
 * rule.&lt;id&gt;.topic      = sport                 # Media Topic slug or code (required)
 * rule.&lt;id&gt;.source     = ESPN, espn.com        # matches when the article's source is one of these (case-insensitive)
 * rule.&lt;id&gt;.terms      = cricket, test match   # matches when these words/phrases occur ...
 * rule.&lt;id&gt;.min-hits   = 2                     # ... at least this often in all (default 1)
 * rule.&lt;id&gt;.primary    = true                  # true: becomes the primary category; false (default): added as secondary
 * rule.&lt;id&gt;.confidence = 0.9                   # confidence given to the topic (default 1.0)
 * </pre>
 * A rule needs {@code source} or {@code terms}; with both, both must match. Rules run in id order; the first
 * matching primary rule sets the primary, the others add their topic as secondary. A category set by a rule is
 * marked as decided by {@code override:<id>}.
 */
public final class NewsroomOverrides {

    public static final String EXAMPLE_RESOURCE = "newsroom-overrides.example.properties";
    private static final Pattern KEY = Pattern.compile("rule\\.([a-z0-9][a-z0-9-]*)\\.(topic|source|terms|min-hits|primary|confidence)");

    /** One parsed rule. */
    public record Rule(String id, MediaTopic topic, Set<String> sources, List<String> terms, int minHits,
                       boolean primary, double confidence) {

        public String decidedBy() {
            return "override:" + id;
        }
    }

    private final List<Rule> rules;
    private final List<TermMatcher> matchers;

    private NewsroomOverrides(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        this.matchers = rules.stream().map(r -> r.terms().isEmpty() ? null : new TermMatcher(r.terms())).toList();
    }

    public static NewsroomOverrides none() {
        return new NewsroomOverrides(List.of());
    }

    public static NewsroomOverrides load(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString());
        }
    }

    public static NewsroomOverrides loadExample() throws IOException {
        try (InputStream in = NewsroomOverrides.class.getResourceAsStream(EXAMPLE_RESOURCE)) {
            if (in == null) {
                throw new IOException("bundled example missing: " + EXAMPLE_RESOURCE);
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), EXAMPLE_RESOURCE);
        }
    }

    public static NewsroomOverrides parse(Reader reader, String origin) throws IOException {
        Properties properties = new Properties();
        properties.load(reader);
        Set<String> ids = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            Matcher m = KEY.matcher(key);
            if (!m.matches()) {
                throw new IllegalArgumentException(origin + ": unknown key '" + key + "'");
            }
            ids.add(m.group(1));
        }
        List<Rule> rules = new ArrayList<>();
        for (String id : ids) {
            String prefix = "rule." + id + ".";
            String topicValue = properties.getProperty(prefix + "topic");
            if (topicValue == null) {
                throw new IllegalArgumentException(origin + ": rule '" + id + "' has no topic");
            }
            MediaTopic topic = MediaTopic.fromSlug(topicValue).or(() -> MediaTopic.fromCode(topicValue))
                    .orElseThrow(() -> new IllegalArgumentException(origin + ": rule '" + id + "': unknown topic '" + topicValue + "'"));
            for (String listKey : List.of(prefix + "source", prefix + "terms")) {
                String value = properties.getProperty(listKey);
                if (value != null && value.contains("#")) {
                    throw new IllegalArgumentException(origin + ": rule '" + id + "': " + listKey.substring(prefix.length())
                            + " holds '#'" + commentHint(value));
                }
            }
            Set<String> sources = list(properties.getProperty(prefix + "source")).stream()
                    .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
            // the same words twice ("G7, G8": digits fold alike; "Flood, flood") count once toward min-hits
            java.util.Set<Long> seen = new java.util.HashSet<>();
            List<String> terms = list(properties.getProperty(prefix + "terms")).stream()
                    .filter(t -> seen.add(Tokenizer.termKey(t))).toList();
            if (sources.isEmpty() && terms.isEmpty()) {
                throw new IllegalArgumentException(origin + ": rule '" + id + "' needs source or terms");
            }
            int minHits = (int) number(properties, prefix + "min-hits", "1", origin, id, true);
            boolean primary = bool(properties, prefix + "primary", origin, id);
            double confidence = number(properties, prefix + "confidence", "1.0", origin, id, false);
            if (minHits < 1 || !(confidence >= 0 && confidence <= 1)) {
                throw new IllegalArgumentException(origin + ": rule '" + id + "': min-hits must be >= 1 and confidence in [0, 1]");
            }
            rules.add(new Rule(id, topic, sources, terms, minHits, primary, confidence));
        }
        return new NewsroomOverrides(rules);
    }

    /** A number, or an error naming the file, the rule and the value ("0.9 # strong" is not one). */
    private static double number(Properties properties, String key, String fallback, String origin, String id,
                                 boolean whole) {
        String value = properties.getProperty(key, fallback).trim();
        try {
            return whole ? Integer.parseInt(value) : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(origin + ": rule '" + id + "': " + key.substring(key.lastIndexOf('.') + 1)
                    + " must be " + (whole ? "a whole number" : "a number") + ", got '" + value + "'" + commentHint(value));
        }
    }

    /** true or false, nothing else: "yes" or "true # primary" must not silently mean false. */
    private static boolean bool(Properties properties, String key, String origin, String id) {
        String value = properties.getProperty(key, "false").trim();
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new IllegalArgumentException(origin + ": rule '" + id + "': primary must be true or false, got '" + value
                + "'" + commentHint(value));
    }

    private static String commentHint(String value) {
        return value.contains("#") ? " (a .properties value cannot end in a comment: put comments on their own line)" : "";
    }

    public List<Rule> rules() {
        return rules;
    }

    /**
     * Rules that match, in id order.
     *
     * @param tokens            token hashes of headline and body
     * @param source            the article's source, may be null
     * @param termRulesAllowed  false for text in a language the term lists are not written for: only source rules run
     */
    public List<Rule> matching(long[] tokens, String source, boolean termRulesAllowed) {
        List<Rule> matched = new ArrayList<>();
        String normalisedSource = source == null ? null : source.trim().toLowerCase(Locale.ROOT);
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            boolean sourceOk = rule.sources().isEmpty() || (normalisedSource != null && rule.sources().contains(normalisedSource));
            boolean termsOk = true;
            if (!rule.terms().isEmpty()) {
                termsOk = termRulesAllowed && Arrays.stream(matchers.get(i).count(tokens)).sum() >= rule.minHits();
            }
            if (sourceOk && termsOk) {
                matched.add(rule);
            }
        }
        return matched;
    }

    private static List<String> list(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
