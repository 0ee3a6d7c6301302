package dev.newsflow.enrich.text.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares an extracted text with the expected one by word n-gram shingles (4-grams by default), the usual
 * measure of main-text extraction benchmarks.
 *
 * <p>Both texts are tokenised the same way: lowercased, a word is a maximal run of Unicode letters and digits.
 * Shingles are counted as <em>multisets</em>: a sentence that appears twice in the expected article must be found
 * twice to be fully recalled, and a paragraph extracted twice costs precision. precision = |A∩E| / |A|,
 * recall = |A∩E| / |E|, F1 their harmonic mean. A text shorter than n words is one shingle of all its words.
 * Two empty texts agree perfectly; one empty text against a non-empty one scores zero.
 */
public final class ShingleScorer {

    /** Precision, recall and F1 of one comparison, each in [0, 1]. */
    public record Score(double precision, double recall, double f1) {
        static Score of(double precision, double recall) {
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            return new Score(precision, recall, f1);
        }
    }

    private final int n;

    public ShingleScorer() {
        this(4);
    }

    public ShingleScorer(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("shingle size must be at least 1, was " + n);
        }
        this.n = n;
    }

    public Score score(String extracted, String expected) {
        Map<String, Integer> a = shingles(extracted);
        Map<String, Integer> e = shingles(expected);
        int sizeA = total(a);
        int sizeE = total(e);
        if (sizeA == 0 && sizeE == 0) {
            return new Score(1, 1, 1);
        }
        if (sizeA == 0 || sizeE == 0) {
            return new Score(0, 0, 0);
        }
        int common = 0;
        for (Map.Entry<String, Integer> entry : a.entrySet()) {
            common += Math.min(entry.getValue(), e.getOrDefault(entry.getKey(), 0));
        }
        return Score.of((double) common / sizeA, (double) common / sizeE);
    }

    /** Lowercased runs of letters and digits. */
    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            boolean word = Character.isLetterOrDigit(cp);
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                out.add(lower.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            out.add(lower.substring(start));
        }
        return out;
    }

    Map<String, Integer> shingles(String text) {
        List<String> words = tokens(text);
        Map<String, Integer> counts = new HashMap<>();
        if (words.isEmpty()) {
            return counts;
        }
        if (words.size() < n) {
            counts.put(String.join(" ", words), 1);
            return counts;
        }
        for (int i = 0; i + n <= words.size(); i++) {
            counts.merge(String.join(" ", words.subList(i, i + n)), 1, Integer::sum);
        }
        return counts;
    }

    private static int total(Map<String, Integer> counts) {
        int sum = 0;
        for (int c : counts.values()) {
            sum += c;
        }
        return sum;
    }
}
