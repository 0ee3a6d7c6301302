package dev.newsflow.schemas;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The category vocabulary: the 17 top-level IPTC Media Topics (https://cv.iptc.org/newscodes/mediatopic/).
 * Shared by every stage and by downstream consumers, because each topic has its own posts topic.
 */
public enum MediaTopic {
    ARTS_CULTURE_ENTERTAINMENT("medtop:01000000", "arts, culture, entertainment and media", "arts-culture-entertainment"),
    CRIME_LAW_JUSTICE("medtop:02000000", "crime, law and justice", "crime-law-justice"),
    DISASTER_ACCIDENT_EMERGENCY("medtop:03000000", "disaster, accident and emergency incident", "disaster-accident-emergency"),
    ECONOMY_BUSINESS_FINANCE("medtop:04000000", "economy, business and finance", "economy-business-finance"),
    EDUCATION("medtop:05000000", "education", "education"),
    ENVIRONMENT("medtop:06000000", "environment", "environment"),
    HEALTH("medtop:07000000", "health", "health"),
    HUMAN_INTEREST("medtop:08000000", "human interest", "human-interest"),
    LABOUR("medtop:09000000", "labour", "labour"),
    LIFESTYLE_LEISURE("medtop:10000000", "lifestyle and leisure", "lifestyle-leisure"),
    POLITICS("medtop:11000000", "politics", "politics"),
    RELIGION("medtop:12000000", "religion", "religion"),
    SCIENCE_TECHNOLOGY("medtop:13000000", "science and technology", "science-technology"),
    SOCIETY("medtop:14000000", "society", "society"),
    SPORT("medtop:15000000", "sport", "sport"),
    CONFLICT_WAR_PEACE("medtop:16000000", "conflict, war and peace", "conflict-war-peace"),
    WEATHER("medtop:17000000", "weather", "weather");

    private static final Map<String, MediaTopic> BY_CODE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(MediaTopic::code, Function.identity()));
    private static final Map<String, MediaTopic> BY_SLUG =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(MediaTopic::slug, Function.identity()));

    private final String code;
    private final String label;
    private final String slug;

    MediaTopic(String code, String label, String slug) {
        this.code = code;
        this.label = label;
        this.slug = slug;
    }

    /** The IPTC qcode, e.g. {@code medtop:15000000}. */
    public String code() {
        return code;
    }

    /** The English IPTC label. */
    public String label() {
        return label;
    }

    /** A short, topic-name-safe identifier, e.g. {@code sport}. */
    public String slug() {
        return slug;
    }

    public static Optional<MediaTopic> fromCode(String code) {
        return Optional.ofNullable(code).map(c -> BY_CODE.get(c.trim()));
    }

    public static Optional<MediaTopic> fromSlug(String slug) {
        return Optional.ofNullable(slug).map(s -> BY_SLUG.get(s.trim().toLowerCase(Locale.ROOT)));
    }
}
