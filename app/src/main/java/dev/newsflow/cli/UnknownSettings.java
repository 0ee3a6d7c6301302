package dev.newsflow.cli;

import dev.newsflow.enrich.EnrichConfig;
import dev.newsflow.ingest.IngestConfig;
import dev.newsflow.publish.PublishConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * newsflow settings no stage reads: a misspelt {@code NEWSFLOW_RATE_LIMIT} would otherwise be ignored in silence
 * while the operator believes it is in force. Each is named with the closest setting that exists.
 */
final class UnknownSettings {

    /** Read by the launcher and logback, not by a stage. */
    static final Set<String> OUTSIDE_STAGES = Set.of("log.level", "root.log.level", "java.opts");
    /** Every newsflow setting some stage, the launcher or logback reads; sorted, so ties below break the same way. */
    private static final java.util.SortedSet<String> KNOWN = known();

    private UnknownSettings() {
    }

    private static java.util.SortedSet<String> known() {
        TreeSet<String> known = new TreeSet<>(OUTSIDE_STAGES);
        known.addAll(IngestConfig.settingNames());
        known.addAll(EnrichConfig.settingNames());
        known.addAll(PublishConfig.settingNames());
        return java.util.Collections.unmodifiableSortedSet(known);
    }

    /** Whether {@code key} is a newsflow setting (NEWSFLOW_*), not a Kafka client's. */
    static boolean isKnown(String key) {
        return KNOWN.contains(key);
    }

    static List<String> warnings(Set<String> given) {
        List<String> warnings = new ArrayList<>();
        for (String key : new TreeSet<>(given)) {
            if (!KNOWN.contains(key)) {
                String closest = KNOWN.stream().min(Comparator.comparingInt(k -> distance(k, key))).orElseThrow();
                warnings.add("unknown setting " + env(key) + " (" + key + ") is ignored; did you mean " + env(closest)
                        + " (" + closest + ")?");
            }
        }
        return warnings;
    }

    private static String env(String key) {
        return "NEWSFLOW_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** Levenshtein distance, with a bonus for a known key that starts with the given one ("rate.limit"). */
    private static int distance(String known, String given) {
        if (known.startsWith(given)) {
            return 0;
        }
        int[] previous = new int[given.length() + 1];
        int[] current = new int[given.length() + 1];
        for (int j = 0; j <= given.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= known.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= given.length(); j++) {
                int cost = known.charAt(i - 1) == given.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[given.length()];
    }
}
