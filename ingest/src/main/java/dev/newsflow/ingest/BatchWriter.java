package dev.newsflow.ingest;

import dev.newsflow.schemas.avro.RawArticle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;

/**
 * Writes the valid articles of one batch to Kafka together and answers line by line what became of each: accepted,
 * rejected (the sender must fix it) or failed (send it again), with the HTTP status that sums them up.
 */
final class BatchWriter {

    /** The batch's answer: its status, whether a retry is the client's move (Retry-After), and the JSON body. */
    record Outcome(int status, boolean retryLater, Map<String, Object> answer) {
    }

    /** The lines of one batch, parsed: each line's number, what it parsed to, and which were refused as forbidden. */
    record Lines(List<Integer> numbers, List<ParsedArticle> parsed, Set<Integer> forbidden) {
    }

    private final ArticleWriter writer;
    private final Duration ackTimeout;
    private final IngestMetrics metrics;

    BatchWriter(ArticleWriter writer, Duration ackTimeout, IngestMetrics metrics) {
        this.writer = writer;
        this.ackTimeout = ackTimeout;
        this.metrics = metrics;
    }

    /**
     * @param onAccepted told of every article Kafka acknowledged (for the log)
     */
    Outcome write(String provider, Lines lines, BiConsumer<RawArticle, RecordMetadata> onAccepted) {
        List<ParsedArticle> parsed = lines.parsed();
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        List<CompletableFuture<RecordMetadata>> acks = send(parsed, deadline);
        List<Map<String, Object>> results = new ArrayList<>();
        boolean permanent = false;
        boolean retriable = false;
        int accepted = 0;
        int rejected = 0;
        int failed = 0;
        for (int i = 0; i < parsed.size(); i++) {
            ParsedArticle p = parsed.get(i);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("line", lines.numbers().get(i));
            if (!p.valid()) {
                rejected++;
                if (!lines.forbidden().contains(i)) {
                    metrics.count("rejected", provider, "invalid");
                }
                if (p.sentId() != null) {
                    result.put("id", p.sentId()); // a well-formed id: the CMS can tell which story to fix
                }
                result.put("status", "rejected");
                result.put("errors", p.errors().stream().map(FieldError::toJson).toList());
            } else {
                result.put("id", p.article().getUri());
                result.put("version", p.article().getVersion());
                try {
                    long wait = Math.max(0, deadline - System.nanoTime());
                    RecordMetadata ack = acks.get(i).get(wait, TimeUnit.NANOSECONDS);
                    accepted++;
                    metrics.count("accepted", provider, "none");
                    result.put("status", IngestApi.acceptedStatus(p.article()));
                    onAccepted.accept(p.article(), ack);
                    result.put("partition", ack.partition());
                    result.put("offset", ack.offset());
                    if (!p.ignoredFields().isEmpty()) {
                        result.put("ignoredFields", p.ignoredFields());
                    }
                } catch (ExecutionException | TimeoutException e) {
                    Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                    if (cause instanceof RecordTooLargeException) {
                        // permanent: retrying the batch would fail the same way, so this line is refused, not failed
                        rejected++;
                        metrics.count("rejected", provider, "too-large");
                        result.put("status", "rejected");
                        result.put("errors", List.of(new FieldError("$",
                                "Kafka refused the record as too large: " + cause.getMessage()).toJson()));
                    } else {
                        failed++;
                        metrics.count("failed", provider, KafkaWriteFailures.reasonOf(cause));
                        result.put("status", "failed");
                        result.put("detail", failureDetail(cause));
                        if (isPermanentFailure(cause)) {
                            permanent = true;
                        } else {
                            retriable = true;
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failed++;
                    metrics.count("failed", provider, "interrupted");
                    result.put("status", "failed");
                    result.put("detail", "interrupted");
                }
            }
            results.add(result);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("accepted", accepted);
        answer.put("rejected", rejected);
        answer.put("failed", failed);
        answer.put("results", results);
        if (failed > 0 && permanent && !retriable) {
            return new Outcome(500, false, answer);
        } else if (failed > 0) {
            return new Outcome(503, true, answer);
        } else if (accepted == 0) {
            return new Outcome(400, false, answer);
        }
        return new Outcome(rejected > 0 ? 207 : 202, false, answer);
    }

    /**
     * Sends every valid article first, then the caller waits: the producer batches them. The deadline covers the
     * sending too, and once Kafka cannot take a write (send() blocked for max.block.ms) the rest are not even tried:
     * otherwise a 500-line batch could hold the request 500 x 5 s while Kafka is down. Null for an invalid line.
     */
    private List<CompletableFuture<RecordMetadata>> send(List<ParsedArticle> parsed, long deadline) {
        List<CompletableFuture<RecordMetadata>> acks = new ArrayList<>();
        Throwable unavailable = null;
        for (ParsedArticle p : parsed) {
            if (!p.valid()) {
                acks.add(null);
            } else if (unavailable != null || System.nanoTime() > deadline) {
                acks.add(CompletableFuture.failedFuture(new KafkaWriteFailures.NotSent(unavailable)));
            } else {
                CompletableFuture<RecordMetadata> ack = writer.write(p.article());
                acks.add(ack);
                Throwable error = ArticleWriter.failedAtOnce(ack);
                if (error != null && !(error instanceof RecordTooLargeException)) {
                    unavailable = error;
                }
            }
        }
        return acks;
    }

    /** A failure no retry of the batch mends: Kafka refused this line, or an earlier one, for good. */
    private static boolean isPermanentFailure(Throwable cause) {
        Throwable refusal = cause instanceof KafkaWriteFailures.NotSent ? cause.getCause() : cause;
        return refusal != null && KafkaWriteFailures.isPermanent(refusal);
    }

    private static String failureDetail(Throwable cause) {
        if (cause instanceof KafkaWriteFailures.NotSent notSent && isPermanentFailure(cause)) {
            return "not sent: Kafka refused an earlier line of this batch for good ("
                    + notSent.getCause().getClass().getSimpleName() + "); send it again once an operator has fixed that";
        } else if (cause instanceof KafkaWriteFailures.NotSent) {
            return "not sent: Kafka had already failed an earlier line of this batch, or the batch's acknowledgement"
                    + " deadline had passed; send this line again";
        } else if (KafkaWriteFailures.isPermanent(cause)) {
            return KafkaWriteFailures.refusedDetail(cause);
        }
        return "Kafka did not acknowledge the write: " + cause.getClass().getSimpleName()
                + "; the outcome is unknown, and retrying the same version is safe";
    }
}
