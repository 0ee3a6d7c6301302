package dev.newsflow.enrich.text.language;

import dev.newsflow.enrich.text.DetectedLanguage;
import dev.newsflow.enrich.text.LanguageDetector;
import opennlp.tools.langdetect.LanguageDetectorModel;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Detects an article's language with Apache OpenNLP's published language-detection model
 * ({@code langdetect-183.bin}, 103 languages, shipped in {@code org.apache.opennlp:opennlp-models-langdetect}).
 *
 * <p>Reads at most {@code maxChars} characters of the text (cut at a space), because the model's cost grows with
 * the number of character n-grams: the default of 200 is more than the longest paragraph of the test set
 * (80-140 characters, 100% detected). Writes an ISO 639-1 code
 * (the model answers in ISO 639-3, mapped here), or {@link DetectedLanguage#UNDETERMINED} when the text is too short,
 * has no letters, or the model is not confident enough.
 *
 * <p>Why not {@code LanguageDetectorME}: its context generator runs five regular-expression normalisers and builds
 * an n-gram model per call, about 65 µs for 230 characters, and the maxent model then looks each n-gram string up in
 * a map: together more than our whole budget. {@link NGramContext} does the same normalisation (URLs, handles,
 * digits, emoji removed; runs of white space and repeated letters shrunk; lower case) in one pass, and
 * {@link CompiledLanguageModel} scores the same distinct 1-3 character n-grams with the same weights from packed
 * arrays. Tests check that the probabilities equal OpenNLP's and that both pick the same language on the test set.
 *
 * <p>The model is loaded once per instance (about 10 MB, a second or so). The maxent model is read-only, so one
 * instance is safe to share between stream threads.
 */
public final class OpenNlpLanguageDetector implements LanguageDetector {

    public static final int DEFAULT_MAX_CHARS = 200;
    /** The model spreads probability over 103 languages: a clear English paragraph scores about 0.3. */
    public static final double DEFAULT_MIN_CONFIDENCE = 0.05;
    static final String MODEL_RESOURCE = "/langdetect-183.bin";
    private static final int MIN_LETTERS = 12;

    /** Macro-language members and individual codes the model uses that have no direct 639-2/T twin in the JDK. */
    private static final Map<String, String> EXTRA_ISO3 = Map.ofEntries(
            Map.entry("cmn", "zh"), Map.entry("pes", "fa"), Map.entry("zsm", "ms"), Map.entry("ekk", "et"),
            Map.entry("lvs", "lv"), Map.entry("azj", "az"), Map.entry("uzn", "uz"), Map.entry("npi", "ne"),
            Map.entry("swh", "sw"), Map.entry("khk", "mn"), Map.entry("arb", "ar"), Map.entry("ory", "or"),
            Map.entry("plt", "mg"), Map.entry("gug", "gn"), Map.entry("nob", "nb"), Map.entry("nno", "nn"),
            Map.entry("est", "et"), Map.entry("lav", "lv"), Map.entry("msa", "ms"), Map.entry("fas", "fa"),
            Map.entry("zho", "zh"), Map.entry("ara", "ar"), Map.entry("aze", "az"), Map.entry("uzb", "uz"),
            Map.entry("nep", "ne"), Map.entry("swa", "sw"), Map.entry("mon", "mn"), Map.entry("sqi", "sq"),
            Map.entry("als", "sq"), Map.entry("hbs", "sh"), Map.entry("yid", "yi"), Map.entry("ydd", "yi"));

    private final CompiledLanguageModel model;
    private final Map<String, String> iso3ToIso1;
    private final int maxChars;
    private final double minConfidence;

    public OpenNlpLanguageDetector() {
        this(loadBundledModel(), DEFAULT_MAX_CHARS, DEFAULT_MIN_CONFIDENCE);
    }

    public OpenNlpLanguageDetector(LanguageDetectorModel model, int maxChars, double minConfidence) {
        if (maxChars < 50) {
            throw new IllegalArgumentException("maxChars must be at least 50, was " + maxChars);
        }
        this.model = new CompiledLanguageModel(model.getMaxentModel());
        this.iso3ToIso1 = buildIso3ToIso1();
        this.maxChars = maxChars;
        this.minConfidence = minConfidence;
    }

    public static LanguageDetectorModel loadBundledModel() {
        try (InputStream in = OpenNlpLanguageDetector.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("language model " + MODEL_RESOURCE
                        + " not on the classpath: add org.apache.opennlp:opennlp-models-langdetect");
            }
            return new LanguageDetectorModel(new BufferedInputStream(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read language model " + MODEL_RESOURCE, e);
        }
    }

    @Override
    public DetectedLanguage detect(String text) {
        if (text == null) {
            return new DetectedLanguage(DetectedLanguage.UNDETERMINED, 0.0);
        }
        String sample = sample(text, maxChars);
        DetectedLanguage chineseOrJapanese = chineseOrJapanese(sample);
        if (chineseOrJapanese != null) {
            return chineseOrJapanese;
        }
        if (countLetters(sample) < MIN_LETTERS) {
            return new DetectedLanguage(DetectedLanguage.UNDETERMINED, 0.0);
        }
        double[] probabilities = model.eval(NGramContext.normalise(sample));
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        String code = toIso1(model.outcome(best));
        if (code == null || probabilities[best] < minConfidence) {
            return new DetectedLanguage(DetectedLanguage.UNDETERMINED, probabilities[best]);
        }
        return new DetectedLanguage(code, probabilities[best]);
    }

    @Override
    public double confidenceIn(String text, String iso1) {
        if (text == null) {
            return 0.0;
        }
        String sample = sample(text, maxChars);
        DetectedLanguage chineseOrJapanese = chineseOrJapanese(sample);
        if (chineseOrJapanese != null) {
            return chineseOrJapanese.code().equals(iso1) ? chineseOrJapanese.confidence() : 0.0;
        }
        double[] probabilities = model.eval(NGramContext.normalise(sample));
        double best = 0.0; // a language the model knows under several codes (Norwegian): the likeliest of them
        for (int i = 0; i < probabilities.length; i++) {
            if (DetectedLanguage.sameLanguage(iso1, toIso1(model.outcome(i)))) {
                best = Math.max(best, probabilities[i]);
            }
        }
        return best;
    }

    /** Han characters a Chinese or Japanese text needs, at least, to be called one by its script. */
    private static final int MIN_CJK_CHARS = 4;

    /**
     * Chinese or Japanese by script, or null for any other text. The model knows both, but scores them from character
     * n-grams of words between spaces, and these scripts write none: a clear Chinese paragraph got 0.036, below any
     * usable threshold, and fell to "undetermined" (and the English classifier). Text written mostly in Han and kana
     * is Japanese when kana are in it (every Japanese sentence has them; Chinese uses none), else Chinese. The
     * confidence is the share of the letters in those scripts.
     */
    static DetectedLanguage chineseOrJapanese(String sample) {
        int letters = 0;
        int han = 0;
        int kana = 0;
        for (int i = 0; i < sample.length(); ) {
            int c = sample.codePointAt(i);
            i += Character.charCount(c);
            if (!Character.isLetter(c)) {
                continue;
            }
            letters++;
            if (c < 0x3040) {
                continue; // below the kana and CJK blocks: no script lookup for Latin, Cyrillic, Arabic ... letters
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            if (script == Character.UnicodeScript.HAN) {
                han++;
            } else if (script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA) {
                kana++;
            }
        }
        int cjk = han + kana;
        if (cjk < MIN_CJK_CHARS || cjk * 2 < letters) {
            return null;
        }
        boolean japanese = kana * 20 >= cjk; // a share: a Taiwanese brand name may hold a "の"
        return new DetectedLanguage(japanese ? "ja" : "zh", (double) cjk / letters);
    }

    /** ISO 639-1 code for a 639-3 code the model answers with, or null when there is none. */
    String toIso1(String iso3) {
        return iso3ToIso1.get(iso3);
    }

    static String sample(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int cut = text.lastIndexOf(' ', maxChars);
        if (cut < maxChars / 2) {
            cut = maxChars;
        }
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return text.substring(0, cut);
    }

    private static int countLetters(String s) {
        int n = 0;
        for (int i = 0; i < s.length() && n < MIN_LETTERS; i++) {
            if (Character.isLetter(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    private static Map<String, String> buildIso3ToIso1() {
        Map<String, String> map = new HashMap<>();
        for (String iso1 : Locale.getISOLanguages()) {
            String iso3 = new Locale(iso1).getISO3Language();
            // the JDK lists the withdrawn codes too (iw, in, ji): Hebrew is "he", Indonesian "id", Yiddish "yi"
            if (!iso3.isEmpty() && !DetectedLanguage.WITHDRAWN.containsKey(iso1)) {
                map.put(iso3, iso1);
            }
        }
        map.putAll(EXTRA_ISO3);
        return Map.copyOf(map);
    }
}
