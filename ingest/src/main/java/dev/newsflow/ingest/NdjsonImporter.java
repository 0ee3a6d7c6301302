package dev.newsflow.ingest;

import dev.newsflow.runtime.NdjsonLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;

/**
 * Imports NDJSON files of articles with the same validation as the HTTP API. Every line is accounted for:
 * accepted (Kafka acknowledged it), rejected (with its reasons) or failed (Kafka did not acknowledge it).
 */
public final class NdjsonImporter {

    /** Unacknowledged writes in flight before the importer waits; bounds memory on huge files. */
    private static final int MAX_IN_FLIGHT = 1_000;

    private final ArticleParser parser;
    private final ArticleWriter writer;
    private final long ackTimeoutMs;
    private final int maxLineBytes;

    public NdjsonImporter(ArticleParser parser, ArticleWriter writer, long ackTimeoutMs, int maxLineBytes) {
        this.parser = parser;
        this.writer = writer;
        this.ackTimeoutMs = ackTimeoutMs;
        this.maxLineBytes = maxLineBytes;
    }

    /** One line that was not imported, and why. */
    public record LineProblem(Path file, int line, String id, String status, List<String> reasons) {
    }

    /** Counts so far, for a progress line. */
    public record Progress(Path file, int lines, int accepted, int rejected, int failed) {
    }

    /**
     * What happened to the lines of the files.
     *
     * @param problems      the first {@link #KEPT_PROBLEMS} lines not imported (all of them go to the problem sink)
     * @param reasons       how many lines each reason refused or failed, the numbers in "(got N)" left out
     * @param ignoredFields how many imported lines carried each field newsflow does not know
     */
    public record Summary(int lines, int accepted, int rejected, int failed, List<LineProblem> problems,
                          Map<String, Integer> reasons, Map<String, Integer> ignoredFields) {
    }

    /** Lines not imported kept in the summary; a file of a million bad lines must not fill the heap. */
    public static final int KEPT_PROBLEMS = 50;

    /** @param dryRun validate only, write nothing (the importer may then be built without a writer) */
    public Summary importFiles(List<Path> files, String provider, boolean dryRun, Consumer<Progress> progress)
            throws IOException {
        return importFiles(files, provider, dryRun, progress, problem -> { });
    }

    /** As above, with every line not imported also handed to {@code problemSink} as it is known (for a report). */
    public Summary importFiles(List<Path> files, String provider, boolean dryRun, Consumer<Progress> progress,
                               Consumer<LineProblem> problemSink) throws IOException {
        int lines = 0;
        int accepted = 0;
        int rejected = 0;
        int failed = 0;
        Problems problems = new Problems(problemSink);
        CappedCounts ignoredFields = new CappedCounts();
        // once a send fails at once (Kafka unknown for max.block.ms), the rest are not sent: each would wait as long
        Throwable unavailable = null;
        for (Path file : files) {
            List<Pending> inFlight = new ArrayList<>();
            try (NdjsonLines reader = new NdjsonLines(Files.newInputStream(file), maxLineBytes)) {
                NdjsonLines.Line line;
                while ((line = reader.next()) != null) {
                    if (line.blank()) {
                        continue;
                    }
                    int lineNo = line.number();
                    lines++;
                    ParsedArticle parsed;
                    if (!line.validUtf8()) {
                        parsed = ParsedArticle.notUtf8();
                    } else if (line.tooLong()) { // in bytes, as the API counts a request: both take the same articles
                        parsed = ParsedArticle.refused("$", "line longer than " + maxLineBytes + " bytes (max.request.bytes)");
                    } else {
                        parsed = parser.parse(line.text(), provider);
                    }
                    parsed.ignoredFields().forEach(ignoredFields::add);
                    if (!parsed.valid()) {
                        rejected++;
                        problems.add(new LineProblem(file, lineNo, parsed.idOrNull(), "rejected",
                                parsed.errors().stream().map(FieldError::toString).toList()));
                    } else if (dryRun) {
                        accepted++;
                    } else if (unavailable != null) {
                        failed++;
                        problems.add(new LineProblem(file, lineNo, parsed.article().getUri(), "failed",
                                List.of("not sent: Kafka " + (KafkaWriteFailures.isPermanent(unavailable) ? "refused" : "failed")
                                        + " an earlier write of this import (" + unavailable + ")")));
                    } else {
                        CompletableFuture<RecordMetadata> ack = writer.write(parsed.article());
                        Throwable refused = ArticleWriter.failedAtOnce(ack);
                        inFlight.add(new Pending(lineNo, parsed.article().getUri(), ack));
                        if (refused != null && !(refused instanceof RecordTooLargeException)) {
                            unavailable = refused;
                        }
                        // settled now when Kafka failed: the report then lists this line before the ones not sent
                        if (inFlight.size() >= MAX_IN_FLIGHT || unavailable != null) {
                            int[] counts = settle(file, inFlight, problems);
                            accepted += counts[0];
                            rejected += counts[1];
                            failed += counts[2];
                        }
                    }
                    if (lines % 1_000 == 0) {
                        progress.accept(new Progress(file, lines, accepted, rejected, failed));
                    }
                }
            }
            int[] counts = settle(file, inFlight, problems);
            accepted += counts[0];
            rejected += counts[1];
            failed += counts[2];
            progress.accept(new Progress(file, lines, accepted, rejected, failed));
        }
        return new Summary(lines, accepted, rejected, failed, problems.kept, problems.reasons.counts, ignoredFields.counts);
    }

    /**
     * Counts by key, at most {@link #MAX_KEYS} distinct keys and the rest under "(others)": keys come from the file
     * (field names, parser messages quoting it), and a file of garbage must not grow the summary without bound.
     */
    private static final class CappedCounts {
        static final int MAX_KEYS = 50;
        private final Map<String, Integer> counts = new TreeMap<>();

        void add(String key) {
            String kept = counts.containsKey(key) || counts.size() < MAX_KEYS ? key : "(others)";
            counts.merge(kept, 1, Integer::sum);
        }
    }

    /** A write Kafka refused for good: what to fix before a retry can succeed. */
    static String refused(Throwable cause) {
        String fix = cause instanceof org.apache.kafka.common.errors.AuthorizationException
                || cause instanceof org.apache.kafka.common.errors.AuthenticationException
                ? "ingest's ACLs or credentials"
                : cause instanceof org.apache.kafka.common.errors.SerializationException
                ? "the record's serializer or schema" : "the cluster's or the topic's settings";
        return "Kafka refused the write (" + cause.getClass().getSimpleName() + "): a retry fails the same way until an "
                + "operator fixes " + fix + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    /** Waits for every write in flight; returns {accepted, rejected, failed}. */
    private int[] settle(Path file, List<Pending> inFlight, Problems problems) {
        if (inFlight.isEmpty()) {
            return new int[] {0, 0, 0}; // nothing sent (a dry run has no writer at all)
        }
        writer.producer().flush();
        int accepted = 0;
        int rejected = 0;
        int failed = 0;
        for (Pending p : inFlight) {
            try {
                p.ack().get(ackTimeoutMs, TimeUnit.MILLISECONDS);
                accepted++;
            } catch (ExecutionException | TimeoutException e) {
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                if (cause instanceof RecordTooLargeException) {
                    // the article's own fault, and permanent: refused as the API refuses it (413), never "retry"
                    rejected++;
                    problems.add(new LineProblem(file, p.line(), p.id(), "rejected",
                            List.of("$: Kafka refused the record as too large")));
                } else {
                    failed++;
                    problems.add(new LineProblem(file, p.line(), p.id(), "failed", List.of(KafkaWriteFailures.isPermanent(cause)
                            ? refused(cause) : "Kafka did not acknowledge the write: " + cause)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed++;
                problems.add(new LineProblem(file, p.line(), p.id(), "failed", List.of("interrupted")));
            }
        }
        inFlight.clear();
        return new int[] {accepted, rejected, failed};
    }

    /** Lines not imported: all to the sink, the first few kept, every reason counted. */
    private static final class Problems {
        private final Consumer<LineProblem> sink;
        private final List<LineProblem> kept = new ArrayList<>();
        private final CappedCounts reasons = new CappedCounts();

        Problems(Consumer<LineProblem> sink) {
            this.sink = sink;
        }

        void add(LineProblem problem) {
            sink.accept(problem);
            if (kept.size() < KEPT_PROBLEMS) {
                kept.add(problem);
            }
            problem.reasons().forEach(reason -> reasons.add(reason.replaceAll("\\(got .*\\)", "").strip()));
        }
    }

    private record Pending(int line, String id, CompletableFuture<RecordMetadata> ack) {
    }
}
