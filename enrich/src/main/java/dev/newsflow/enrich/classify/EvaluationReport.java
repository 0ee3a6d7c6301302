package dev.newsflow.enrich.classify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Accuracy, macro-F1 and confusion matrix of predicted against gold classes. Macro-F1 averages the F1 of every
 * gold class; a predicted class that is never gold (e.g. a topic outside BBC's five) only costs recall.
 */
public final class EvaluationReport {

    private final Map<String, Map<String, Integer>> confusion = new LinkedHashMap<>();
    private final TreeSet<String> goldClasses = new TreeSet<>();
    private final TreeSet<String> allClasses = new TreeSet<>();
    private int total;
    private int correct;

    public void add(String gold, String predicted) {
        confusion.computeIfAbsent(gold, g -> new LinkedHashMap<>()).merge(predicted, 1, Integer::sum);
        goldClasses.add(gold);
        allClasses.add(gold);
        allClasses.add(predicted);
        total++;
        if (gold.equals(predicted)) {
            correct++;
        }
    }

    public int total() {
        return total;
    }

    public double accuracy() {
        return total == 0 ? 0 : (double) correct / total;
    }

    public double macroF1() {
        if (goldClasses.isEmpty()) {
            return 0;
        }
        double sum = 0;
        for (String c : goldClasses) {
            sum += f1(c);
        }
        return sum / goldClasses.size();
    }

    public double f1(String c) {
        int tp = count(c, c);
        int goldCount = 0;
        int predictedCount = 0;
        for (String other : allClasses) {
            goldCount += count(c, other);
            predictedCount += count(other, c);
        }
        double precision = predictedCount == 0 ? 0 : (double) tp / predictedCount;
        double recall = goldCount == 0 ? 0 : (double) tp / goldCount;
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    public int count(String gold, String predicted) {
        return confusion.getOrDefault(gold, Map.of()).getOrDefault(predicted, 0);
    }

    /** A few lines of text: counts, accuracy, macro-F1, per-class F1 and the confusion matrix (rows gold). */
    public String format(String title) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s: n=%d accuracy=%.4f macro-F1=%.4f%n", title, total, accuracy(), macroF1()));
        List<String> columns = new ArrayList<>(allClasses);
        int width = Math.max(8, columns.stream().mapToInt(String::length).max().orElse(8) + 1);
        out.append(String.format(Locale.ROOT, "  %-" + width + "s", "gold\\pred"));
        for (String c : columns) {
            out.append(String.format(Locale.ROOT, "%" + width + "s", c));
        }
        out.append(String.format(Locale.ROOT, "%8s%n", "F1"));
        for (String gold : goldClasses) {
            out.append(String.format(Locale.ROOT, "  %-" + width + "s", gold));
            for (String c : columns) {
                out.append(String.format(Locale.ROOT, "%" + width + "d", count(gold, c)));
            }
            out.append(String.format(Locale.ROOT, "%8.4f%n", f1(gold)));
        }
        return out.toString();
    }
}
