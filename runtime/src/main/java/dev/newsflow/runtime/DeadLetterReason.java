package dev.newsflow.runtime;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Why a record went to a dead-letter topic: the stable code operators alert and filter on
 * ({@code newsflow_dead_letters_total{reason}}, {@code newsflow dead-letters --reason}), in one place, so a new reason
 * is known to the counters, the CLI and the log's bug/no-bug split at once. docs/operations.md says what to do for each.
 */
public enum DeadLetterReason {
    /** The value is not the stage's Avro record (a producer outside the pipeline, a schema upgraded in the wrong order). */
    UNDECODABLE_RECORD("undecodable-record", true, null),
    /** A record without a value where the pipeline never writes one. */
    NULL_VALUE("null-value", true, null),
    /** The record's key is not the article id its value names. */
    KEY_MISMATCH("key-mismatch", true, null),
    /** A value over what a stage reads (KeyedDecoder.MAX_VALUE_BYTES), refused before decoding. */
    RECORD_TOO_LARGE("record-too-large", true, null),
    /**
     * A readable raw article that breaks what ingest guarantees (an id ingest refuses, a negative version, a live one numbered 0, no word
     * in headline or body): written by something other than ingest, and never published as it is.
     */
    INVALID_ARTICLE("invalid-article", true, "enrich"),
    /** The stage's own work threw on this record. */
    PROCESSING_FAILED("processing-failed", false, null),
    /** An exception no processor caught, sent on by Kafka Streams' processing exception handler. */
    UNHANDLED_EXCEPTION("unhandled-exception", false, null),
    /** publish could not release an article held for its embargo. */
    EMBARGO_RELEASE_FAILED("embargo-release-failed", false, "publish");

    private final String code;
    private final boolean foreseen;
    private final String onlyStage;

    DeadLetterReason(String code, boolean foreseen, String onlyStage) {
        this.code = code;
        this.foreseen = foreseen;
        this.onlyStage = onlyStage;
    }

    /** The code in the dead letter, the metric's {@code reason} tag and the logs. */
    public String code() {
        return code;
    }

    /**
     * Whether the cause is bad input the pipeline expects now and then (its log line needs no stack trace), rather
     * than a failure that means a bug somewhere.
     */
    public boolean foreseen() {
        return foreseen;
    }

    /** The reasons a stage can dead-letter for: the common ones and its own. */
    public static List<DeadLetterReason> of(String stage) {
        return Arrays.stream(values()).filter(r -> r.onlyStage == null || r.onlyStage.equals(stage)).toList();
    }

    public static Optional<DeadLetterReason> ofCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(DeadLetterReason::code).toList();
    }

    @Override
    public String toString() {
        return code;
    }
}
