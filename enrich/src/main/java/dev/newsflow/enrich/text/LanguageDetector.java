package dev.newsflow.enrich.text;

/** Detects the language of clean text. */
public interface LanguageDetector {
    DetectedLanguage detect(String text);

    /**
     * How likely {@code text} is in the language {@code iso1} (ISO 639-1), on the scale of
     * {@link DetectedLanguage#confidence()}: to weigh a sender's declared language against the detected one. This
     * default knows only the detected language.
     */
    default double confidenceIn(String text, String iso1) {
        DetectedLanguage detected = detect(text);
        return detected.code().equals(iso1) ? detected.confidence() : 0.0;
    }
}
