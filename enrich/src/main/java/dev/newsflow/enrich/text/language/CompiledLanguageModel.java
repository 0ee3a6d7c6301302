package dev.newsflow.enrich.text.language;

import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;

import java.util.Map;

/**
 * OpenNLP's maxent language model laid out for speed: each 1-3 character n-gram packed into a {@code long} and
 * found in an open-addressing table, its weights in flat arrays (as {@code float}, language ids as bytes: the sum is
 * bound by memory traffic, and halving it saves more than the rounding, below 1e-6, costs). Gives the same probabilities as
 * {@code MaxentModel.eval} on the same distinct n-grams (sum of the weights of the n-grams present, then softmax),
 * without building a string per n-gram, a set of them and a string-keyed map lookup each.
 *
 * <p>The n-grams with weights for most languages are kept as dense rows of doubles instead (see
 * {@link #DENSE_MIN_OUTCOMES}): they carry nearly all of the work, and a dense row is summed by a vectorised loop.
 *
 * <p>Read-only after construction, so safe to share between threads; about 12 MB for the 146,000 n-grams and
 * 1.3 million weights of {@code langdetect-183.bin} (the dense rows add about 2.5 MB).
 */
final class CompiledLanguageModel {

    private static final int MAX_GRAM = 3;
    private static final long EMPTY = 0L;
    /**
     * An n-gram with weights for at least this many languages is stored as a dense row of doubles, one per language
     * (zero where the model has none): the common n-grams of any text are such rows (99% of the weights summed for
     * an English paragraph), and adding a dense row is a straight loop the JIT vectorises instead of a scatter
     * through the language ids. About 5,600 rows, 4.6 MB. Adding 0.0 changes no sum, so the results are identical.
     */
    private static final int DENSE_MIN_OUTCOMES = 64;

    private final String[] outcomes;
    private final long[] keys;
    private final int[] predicates;
    private final int mask;
    private final int[] offsets;
    private final byte[] outcomeIds;
    private final float[] weights;
    /** Dense rows, {@code outcomes.length} apart; a table entry {@code -2 - row} points at one. */
    private final double[] denseWeights;

    CompiledLanguageModel(MaxentModel model) {
        if (!(model instanceof AbstractModel abstractModel)) {
            throw new IllegalArgumentException("need an OpenNLP AbstractModel, got " + model.getClass().getName());
        }
        if (model.getNumOutcomes() > 256) {
            throw new IllegalArgumentException("at most 256 languages fit a byte, the model has " + model.getNumOutcomes());
        }
        Object[] data = abstractModel.getDataStructures();
        // OpenNLP 2.x: [Context[] parameters, Map<String, Context> n-gram to its parameters, String[] outcomes]
        @SuppressWarnings("unchecked")
        Map<String, Context> grams = (Map<String, Context>) data[1];
        outcomes = ((String[]) data[2]).clone();

        int tableSize = Integer.highestOneBit(Math.max(16, grams.size() * 3)) << 1;
        keys = new long[tableSize];
        predicates = new int[tableSize];
        mask = tableSize - 1;
        offsets = new int[grams.size() + 1];
        int total = 0;
        int denseRows = 0;
        for (Context c : grams.values()) {
            if (c.getOutcomes().length >= DENSE_MIN_OUTCOMES) {
                denseRows++;
            } else {
                total += c.getOutcomes().length;
            }
        }
        int width = outcomes.length;
        outcomeIds = new byte[total];
        weights = new float[total];
        denseWeights = new double[denseRows * width];
        int p = 0;
        int at = 0;
        int row = 0;
        for (Map.Entry<String, Context> e : grams.entrySet()) {
            String gram = e.getKey();
            int[] o = e.getValue().getOutcomes();
            double[] w = e.getValue().getParameters();
            offsets[p] = at;
            int entry;
            if (o.length >= DENSE_MIN_OUTCOMES) {
                for (int k = 0; k < o.length; k++) {
                    // the same float rounding as the sparse rows
                    denseWeights[row * width + o[k]] += (float) w[k];
                }
                entry = -2 - row;
                row++;
            } else {
                for (int k = 0; k < o.length; k++, at++) {
                    outcomeIds[at] = (byte) o[k];
                    weights[at] = (float) w[k];
                }
                entry = p;
            }
            if (!gram.isEmpty() && gram.length() <= MAX_GRAM) {
                long key = pack(gram, 0, gram.length());
                int slot = slot(key);
                while (keys[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = key;
                predicates[slot] = entry;
            }
            p++;
        }
        offsets[p] = at;
    }

    int outcomeCount() {
        return outcomes.length;
    }

    String outcome(int index) {
        return outcomes[index];
    }

    /** Probability of each outcome for the distinct 1-3 character n-grams of {@code normal}. */
    double[] eval(String normal) {
        double[] sums = new double[outcomes.length];
        int n = normal.length();
        // at most n * 3 n-grams: a table of 1x-2x that stays at most 3/4 full (8 KB for a 200-character sample)
        long[] seen = new long[Integer.highestOneBit(Math.max(16, n * MAX_GRAM + n)) << 1];
        int seenMask = seen.length - 1;
        for (int length = 1; length <= MAX_GRAM; length++) {
            for (int i = 0; i + length <= n; i++) {
                long key = pack(normal, i, i + length);
                int s = mix(key) & seenMask;
                boolean fresh = true;
                while (seen[s] != EMPTY) {
                    if (seen[s] == key) {
                        fresh = false;
                        break;
                    }
                    s = (s + 1) & seenMask;
                }
                if (!fresh) {
                    continue;
                }
                seen[s] = key;
                int p = find(key);
                if (p >= 0) {
                    for (int k = offsets[p], end = offsets[p + 1]; k < end; k++) {
                        sums[outcomeIds[k] & 0xFF] += weights[k];
                    }
                } else if (p < -1) {
                    addDenseRow(sums, (-2 - p) * sums.length);
                }
            }
        }
        double normal0 = 0;
        for (int o = 0; o < sums.length; o++) {
            sums[o] = Math.exp(sums[o]);
            normal0 += sums[o];
        }
        for (int o = 0; o < sums.length; o++) {
            sums[o] /= normal0;
        }
        return sums;
    }

    private void addDenseRow(double[] sums, int base) {
        double[] dense = denseWeights;
        for (int o = 0; o < sums.length; o++) {
            sums[o] += dense[base + o];
        }
    }

    private int find(long key) {
        int slot = slot(key);
        while (true) {
            long k = keys[slot];
            if (k == key) {
                return predicates[slot];
            }
            if (k == EMPTY) {
                return -1;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int slot(long key) {
        return mix(key) & mask;
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29) ^ (h >>> 47));
    }

    /** Length in the top bits, then up to three UTF-16 units; never 0 for a non-empty gram. */
    private static long pack(CharSequence s, int from, int to) {
        long key = (long) (to - from) << 48;
        int shift = 32;
        for (int i = from; i < to; i++, shift -= 16) {
            key |= (long) s.charAt(i) << shift;
        }
        return key;
    }
}
