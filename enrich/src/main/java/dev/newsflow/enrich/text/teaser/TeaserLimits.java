package dev.newsflow.enrich.text.teaser;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How long a teaser may be, in user-perceived characters (grapheme clusters), per output channel.
 *
 * <p>Configured as {@code default=160} plus overrides written {@code app=120,push=90}: a channel without an override
 * gets the default. {@link #parse(int, String)} reads that form from a setting and fails fast with the offending
 * entry in the message.
 *
 * @param defaultLimit limit for any channel without an override
 * @param overrides    channel name to limit
 */
public record TeaserLimits(int defaultLimit, Map<String, Integer> overrides) {

    public static final int DEFAULT_LIMIT = 160;
    /** Shorter than this and a teaser cannot hold a useful clause. */
    public static final int MIN_LIMIT = 20;
    public static final TeaserLimits DEFAULT = new TeaserLimits(DEFAULT_LIMIT, Map.of());

    public TeaserLimits {
        requireValid("default", defaultLimit);
        overrides.forEach(TeaserLimits::requireValid);
        overrides = Map.copyOf(overrides);
    }

    /** Reads overrides such as {@code "app=120, push=90"}; null or blank means none. */
    public static TeaserLimits parse(int defaultLimit, String overrides) {
        Map<String, Integer> map = new LinkedHashMap<>();
        if (overrides != null && !overrides.isBlank()) {
            for (String entry : overrides.split(",")) {
                String[] pair = entry.split("=", 2);
                if (pair.length != 2 || pair[0].isBlank()) {
                    throw new IllegalArgumentException("teaser limit override '" + entry.trim()
                            + "' is not of the form channel=limit");
                }
                try {
                    map.put(pair[0].trim(), Integer.parseInt(pair[1].trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("teaser limit override '" + entry.trim()
                            + "' has no whole-number limit", e);
                }
            }
        }
        return new TeaserLimits(defaultLimit, map);
    }

    public int forChannel(String channel) {
        return channel == null ? defaultLimit : overrides.getOrDefault(channel, defaultLimit);
    }

    private static void requireValid(String channel, int limit) {
        if (limit < MIN_LIMIT) {
            throw new IllegalArgumentException("teaser limit for '" + channel + "' must be at least " + MIN_LIMIT
                    + ", was " + limit);
        }
    }
}
