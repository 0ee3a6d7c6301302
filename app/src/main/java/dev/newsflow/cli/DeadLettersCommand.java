package dev.newsflow.cli;

import dev.newsflow.schemas.Serdes;
import dev.newsflow.schemas.Topics;
import dev.newsflow.schemas.avro.DeadLetter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Reads the dead-letter topics for people and scripts: one JSON line per dead letter, with its reason, where it came
 * from, why, and the start of the value as text. Read-only, with a throwaway consumer group, committed records only.
 */
@Command(name = "dead-letters", mixinStandardHelpOptions = true, exitCodeOnExecutionException = 4,
        description = {"Print the dead letters of enrich and publish as NDJSON: stage, reason, source topic/partition/offset,"
                + " exception, detail, key and the start of the value; in time order across partitions, the oldest --max"
                + " (or with --newest the newest).",
                "Exit code: 0 when it read what there was (also none), 2 a bad option, 4 when Kafka cannot be read."})
final class DeadLettersCommand implements Callable<Integer> {

    private static final int PREVIEW_CHARS = 300;

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Option(names = "--stage", defaultValue = "all", description = "enrich, publish or all (default: ${DEFAULT-VALUE}).")
    String stage;

    @Option(names = "--reason", description = "Only dead letters with this reason, e.g. undecodable-record.")
    String reason;

    @Option(names = "--id", description = "Only dead letters of this article id (their key).")
    String id;

    @Option(names = "--newest", description = "The newest --max dead letters instead of the oldest (both in time"
            + " order across partitions).")
    boolean newest;

    @Mixin
    ReadOptions read;

    @Override
    public Integer call() throws Exception {
        List<String> topics = switch (stage) {
            case "enrich" -> List.of(Topics.ENRICH_DLQ);
            case "publish" -> List.of(Topics.PUBLISH_DLQ);
            case "all" -> List.of(Topics.ENRICH_DLQ, Topics.PUBLISH_DLQ);
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--stage must be enrich, publish or all, not " + stage);
        };
        List<String> known = dev.newsflow.runtime.DeadLetterReason.codes();
        if (reason != null && !known.contains(reason)) {
            // a typo would print nothing, and "none" and "filtered out" would look the same at 3 a.m.
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--reason must be one of " + known + ", not " + reason);
        }
        TopicReader.Printed result = TopicReader.printInTimeOrder(config.load().kafkaProperties(), "dead-letters", topics,
                read, newest, spec, record -> {
                    Map<String, Object> line = describe(record);
                    return (reason == null || reason.equals(line.get("reason")))
                            && (id == null || id.equals(keyOf(record))) ? line : null;
                });
        int printed = result.printed();
        // on stderr, so the NDJSON on stdout stays clean: "none" is said, not left to silence, nor what was left out
        boolean capped = result.matched() > printed;
        spec.commandLine().getErr().printf("%d dead letter%s%s%s in %s%s%n", printed, printed == 1 ? "" : "s",
                reason == null ? "" : " with reason " + reason, id == null ? "" : " of id " + id, topics,
                capped ? " (the " + (newest ? "newest" : "oldest") + " " + printed + " of " + result.matched()
                        + ", in time order; --max raises the limit" + (newest ? "" : ", --newest shows the latest") + ")"
                        : "");
        spec.commandLine().getErr().flush();
        return 0;
    }

    /**
     * The article id a dead letter is about: its record's key, which every writer of dead letters sets to the source
     * record's key (the article id), so the value need not be decoded a second time.
     */
    private static String keyOf(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    }

    /** One dead letter as a flat JSON object; a record that is not a readable DeadLetter says so instead. */
    static Map<String, Object> describe(ConsumerRecord<byte[], byte[]> record) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("dlq", TopicReader.position(record));
        DeadLetter letter;
        try {
            letter = Serdes.DEAD_LETTER.decode(record.value());
        } catch (RuntimeException e) {
            line.put("error", "not a readable DeadLetter: " + e.getMessage());
            return line;
        }
        line.put("stage", String.valueOf(letter.getStage()));
        line.put("reason", String.valueOf(letter.getReason()));
        line.put("failedAt", String.valueOf(letter.getFailedAt()));
        line.put("source", letter.getSourceTopic() + "/" + letter.getSourcePartition() + "@" + letter.getSourceOffset());
        line.put("key", text(letter.getKey(), 200));
        line.put("exceptionClass", letter.getExceptionClass() == null ? null : letter.getExceptionClass().toString());
        line.put("detail", letter.getDetail() == null ? null : letter.getDetail().toString());
        line.put("valueBytes", letter.getValue() == null ? 0 : letter.getValue().remaining());
        line.put("valueStart", text(letter.getValue(), PREVIEW_CHARS));
        return line;
    }

    /** The bytes as UTF-8 text when they are text, cut; else their length in hex's stead, so a terminal stays sane. */
    private static String text(ByteBuffer bytes, int maxChars) {
        if (bytes == null) {
            return null;
        }
        ByteBuffer copy = bytes.duplicate();
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(copy).toString();
            return dev.newsflow.runtime.LogValues.printable(s, maxChars);
        } catch (CharacterCodingException e) {
            // Avro single-object encoding and other binary: show the printable runs, as `strings` would
            StringBuilder sb = new StringBuilder();
            ByteBuffer raw = bytes.duplicate();
            while (raw.hasRemaining() && sb.length() < maxChars) {
                int b = raw.get() & 0xff;
                sb.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
            }
            return sb.toString();
        }
    }
}
