package dev.newsflow.enrich.text;

/**
 * @param code       ISO 639-1 code, or {@code und} when undetermined
 * @param confidence in [0, 1]
 */
public record DetectedLanguage(String code, double confidence) {
    public static final String UNDETERMINED = "und";
}
