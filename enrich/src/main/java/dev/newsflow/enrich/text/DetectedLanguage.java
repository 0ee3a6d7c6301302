package dev.newsflow.enrich.text;

/**
 * @param code       ISO 639-1 code, or {@code und} when undetermined
 * @param confidence in [0, 1]
 */
public record DetectedLanguage(String code, double confidence) {
    public static final String UNDETERMINED = "und";

    /** ISO 639-1 codes withdrawn, and what replaced them: a sender's system may still send them. */
    public static final java.util.Map<String, String> WITHDRAWN = java.util.Map.of("iw", "he", "in", "id", "ji", "yi",
            "mo", "ro");

    /** {@code code} with a withdrawn code replaced by its successor: a sender's "iw" is published as "he". */
    public static String current(String code) {
        return WITHDRAWN.getOrDefault(code, code);
    }

    /**
     * Whether two ISO 639-1 codes name the same language for a sender's declaration: withdrawn codes as their
     * successors, and Norwegian as one ("no", Bokmål "nb", Nynorsk "nn").
     */
    public static boolean sameLanguage(String a, String b) {
        return a != null && b != null && canonical(a).equals(canonical(b));
    }

    private static String canonical(String code) {
        String c = WITHDRAWN.getOrDefault(code, code);
        return c.equals("nb") || c.equals("nn") ? "no" : c;
    }
}
