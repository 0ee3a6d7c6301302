package dev.newsflow.enrich;

import dev.newsflow.runtime.DeadLetterReason;
import dev.newsflow.runtime.DeadLetters;
import dev.newsflow.runtime.KeyedDecoder;
import dev.newsflow.runtime.Outcome;
import dev.newsflow.schemas.Serdes;
import dev.newsflow.schemas.avro.EnrichedArticle;
import dev.newsflow.schemas.avro.RawArticle;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Clock;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads raw bytes from {@code news.articles.raw}, decodes and enriches them, and passes on either the enriched
 * article or a dead letter with the reason. Decoding happens here, not in a serde, so unreadable bytes become a
 * dead letter with their source coordinates instead of stopping the stream.
 */
final class EnrichProcessor implements FixedKeyProcessor<byte[], byte[], Outcome<EnrichedArticle>> {

    private static final Logger log = LoggerFactory.getLogger(EnrichProcessor.class);

    private final ArticleEnricher enricher;
    private final DeadLetters deadLetters;
    private final KeyedDecoder<RawArticle> decoder;
    private final Clock clock;
    private final Counter articlesIn;
    private final Timer enrichTime;
    private final MeterRegistry registry;
    private final java.util.Map<String, Counter> reviewCounters = new java.util.HashMap<>();
    private final java.util.Map<String, Counter> languageCounters = new java.util.HashMap<>();
    /** Review reasons, counted from the start at 0 so that an alert sees the first one. */
    static final java.util.List<String> REVIEW_REASONS = java.util.List.of(
            dev.newsflow.enrich.classify.TrainedCategorizer.REASON_LOW_CONFIDENCE,
            dev.newsflow.enrich.classify.TrainedCategorizer.REASON_UNSUPPORTED_LANGUAGE,
            dev.newsflow.enrich.classify.TrainedCategorizer.REASON_UNDETERMINED_LANGUAGE,
            dev.newsflow.enrich.classify.TrainedCategorizer.REASON_NO_TEXT,
            ArticleEnricher.REASON_LANGUAGE_MISMATCH);
    private FixedKeyProcessorContext<byte[], Outcome<EnrichedArticle>> context;

    EnrichProcessor(ArticleEnricher enricher, DeadLetters deadLetters, Clock clock, MeterRegistry registry) {
        this.enricher = enricher;
        this.deadLetters = deadLetters;
        this.decoder = new KeyedDecoder<>(Serdes.RAW_ARTICLE, RawArticle::getUri, deadLetters);
        this.clock = clock;
        this.registry = registry;
        REVIEW_REASONS.forEach(this::reviewCounter);
        this.articlesIn = Counter.builder("newsflow.articles.in").tag("stage", "enrich").register(registry);
        // buckets, not client-side percentiles: they add up across instances (histogram_quantile)
        this.enrichTime = Timer.builder("newsflow.enrich.duration").description("Time to enrich one article")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofNanos(10_000))
                .maximumExpectedValue(Duration.ofSeconds(10)).register(registry);
    }

    @Override
    public void init(FixedKeyProcessorContext<byte[], Outcome<EnrichedArticle>> context) {
        this.context = context;
    }

    /**
     * The output stamped with the time it is made, not the input's: a replay of the raw topic (kept forever) must not
     * write enriched articles and dead letters that look months old to the 30-day retention of their topics, which
     * would delete them before publish or an operator reads them (publish stamps its posts the same way).
     */
    private FixedKeyRecord<byte[], Outcome<EnrichedArticle>> stamped(FixedKeyRecord<byte[], byte[]> record,
                                                                     Outcome<EnrichedArticle> outcome) {
        return record.withValue(outcome).withTimestamp(clock.millis());
    }

    @Override
    public void process(FixedKeyRecord<byte[], byte[]> record) {
        articlesIn.increment();
        Outcome<RawArticle> decoded = decoder.decode(record.key(), record.value(), context.recordMetadata(), clock.instant());
        if (!decoded.isOk()) {
            context.forward(stamped(record, Outcome.failed(decoded.deadLetter())));
            return;
        }
        RawArticle raw = decoded.value();
        String invalid = invalidBecause(raw);
        if (invalid != null) {
            fail(record, DeadLetterReason.INVALID_ARTICLE, new IllegalArgumentException(invalid));
            return;
        }
        try {
            EnrichedArticle enriched = enrichTime.record(() -> enricher.enrich(raw, clock.instant()));
            log.debug("Enriched articleId={} version={} categories={}", raw.getUri(), raw.getVersion(),
                    enriched.getCategories().size());
            countOutcome(enriched);
            context.forward(stamped(record, Outcome.ok(enriched)));
        } catch (RuntimeException | StackOverflowError e) {
            // a StackOverflowError is one article's pathological text (deep recursion in a library), not a broken
            // JVM: dead-letter the record rather than let the thread die and re-read it forever
            fail(record, DeadLetterReason.PROCESSING_FAILED, e);
        }
    }

    /**
     * What breaks ingest's guarantees in a raw article, or null: the raw topic is the pipeline's, but anything with
     * write access can put a record there (a forged version -5, an empty live story became a post "[uncategorised]").
     */
    static String invalidBecause(RawArticle raw) {
        if (!dev.newsflow.schemas.ArticleIds.isValid(raw.getUri())) {
            // what ingest accepts (ArticleIds): a forged id must not reach publish's keys and log lines
            return "the id is not one ingest accepts: 1 to 256 letters, digits or :._~/@+-";
        }
        if (raw.getLanguage() != null && !dev.newsflow.schemas.LanguageCodes.FORM.matcher(raw.getLanguage()).matches()) {
            return "language " + dev.newsflow.runtime.LogValues.printable(raw.getLanguage(), 20) + " is not a code ingest accepts";
        }
        if (raw.getVersion() < 0) {
            return "version " + raw.getVersion() + " is negative";
        }
        if (raw.getPubStatus() == dev.newsflow.schemas.avro.PubStatus.USABLE) {
            if (raw.getVersion() < 1) {
                return "a live version must be 1 or more, not " + raw.getVersion();
            }
            if (!dev.newsflow.runtime.PlainText.hasText(raw.getHeadline()) && !dev.newsflow.runtime.PlainText.hasText(raw.getBody())) {
                return "neither headline nor body has a word";
            }
        }
        return null;
    }

    /**
     * What editors and operators watch: articles flagged for review, by reason (a flood of "undetermined-language"
     * or "unsupported-language" says a feed changed), and the language of each article.
     */
    private void countOutcome(EnrichedArticle enriched) {
        if (enriched.getPubStatus() != dev.newsflow.schemas.avro.PubStatus.USABLE) {
            return; // a kill or withhold carries no text to have a language
        }
        for (String reason : enriched.getReviewReasons()) {
            reviewCounter(reason).increment();
        }
        // bounded: ISO 639-1 codes (the detector's or the sender's, checked by ingest) and "und"
        String language = enriched.getLanguage() == null ? dev.newsflow.enrich.text.DetectedLanguage.UNDETERMINED
                : enriched.getLanguage();
        languageCounters.computeIfAbsent(language, code -> Counter.builder("newsflow.enrich.languages")
                .description("Articles enriched, by language (und: undetermined)").tag("language", code)
                .register(registry)).increment();
    }

    /** Looked up once per reason, not built and registered again for every article. */
    private Counter reviewCounter(String reason) {
        return reviewCounters.computeIfAbsent(reason, r -> Counter.builder("newsflow.enrich.review")
                .description("Articles flagged for editorial review, by reason").tag("reason", r).register(registry));
    }

    private void fail(FixedKeyRecord<byte[], byte[]> record, DeadLetterReason reason, Throwable error) {
        context.forward(stamped(record, Outcome.failed(deadLetters.create(record.key(), record.value(), reason, error,
                context.recordMetadata(), clock.instant()))));
    }
}
