package dev.newsflow.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.newsflow.runtime.Settings;
import dev.newsflow.schemas.Serdes;
import dev.newsflow.schemas.Topics;
import dev.newsflow.schemas.avro.DeadLetter;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
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
                + " exception, detail, key and the start of the value.",
                "Exit code: 0 when it read what there was (also none), 2 a bad option, 4 when Kafka cannot be read."})
final class DeadLettersCommand implements Callable<Integer> {

    private static final int PREVIEW_CHARS = 300;
    private static final Duration FIRST_ASSIGNMENT = Duration.ofSeconds(30);

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Option(names = "--stage", defaultValue = "all", description = "enrich, publish or all (default: ${DEFAULT-VALUE}).")
    String stage;

    @Option(names = "--reason", description = "Only dead letters with this reason, e.g. undecodable-record.")
    String reason;

    @Option(names = "--max", defaultValue = "1000", description = "Stop after this many (default: ${DEFAULT-VALUE}).")
    int max;

    @Option(names = "--follow", description = "Keep waiting for new dead letters until stopped (Ctrl-C).")
    boolean follow;

    private final ObjectMapper json = JsonMapper.builder().build();

    @Override
    public Integer call() throws Exception {
        List<String> topics = switch (stage) {
            case "enrich" -> List.of(Topics.ENRICH_DLQ);
            case "publish" -> List.of(Topics.PUBLISH_DLQ);
            case "all" -> List.of(Topics.ENRICH_DLQ, Topics.PUBLISH_DLQ);
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--stage must be enrich, publish or all, not " + stage);
        };
        List<String> known = new java.util.ArrayList<>(dev.newsflow.runtime.DeadLetters.REASONS);
        known.add("embargo-release-failed");
        if (reason != null && !known.contains(reason)) {
            // a typo would print nothing, and "none" and "filtered out" would look the same at 3 a.m.
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--reason must be one of " + known + ", not " + reason);
        }
        Settings settings = config.load();
        Properties props = settings.kafkaProperties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "newsflow-dead-letters-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"); // aborted transactions' letters never happened
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
        PrintWriter out = spec.commandLine().getOut();
        int printed = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(topics);
            Instant started = Instant.now();
            Map<org.apache.kafka.common.TopicPartition, Long> ends = null;
            while (printed < max) {
                var records = consumer.poll(Duration.ofMillis(500));
                if (consumer.assignment().isEmpty()) {
                    if (Duration.between(started, Instant.now()).compareTo(FIRST_ASSIGNMENT) > 0) {
                        throw new IllegalStateException("could not read " + topics + " from Kafka at "
                                + props.get("bootstrap.servers") + " within " + FIRST_ASSIGNMENT.toSeconds()
                                + " s: is it running and reachable from here (KAFKA_BOOTSTRAP_SERVERS, --bootstrap-servers)?");
                    }
                    continue;
                }
                if (ends == null && !follow) {
                    // what there is now is what is read: letters written meanwhile (or filtered out) never keep it going
                    ends = consumer.endOffsets(consumer.assignment());
                }
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    Map<String, Object> line = describe(record);
                    if (reason != null && !reason.equals(line.get("reason"))) {
                        continue;
                    }
                    out.println(json.writeValueAsString(line));
                    out.flush();
                    if (++printed >= max) {
                        break;
                    }
                }
                if (ends != null && reachedEnds(consumer, ends)) {
                    break;
                }
            }
        }
        // on stderr, so the NDJSON on stdout stays clean: "none" is said, not left to silence
        spec.commandLine().getErr().printf("%d dead letter%s%s in %s%n", printed, printed == 1 ? "" : "s",
                reason == null ? "" : " with reason " + reason, topics);
        spec.commandLine().getErr().flush();
        return 0;
    }

    private static boolean reachedEnds(KafkaConsumer<byte[], byte[]> consumer,
                                       Map<org.apache.kafka.common.TopicPartition, Long> ends) {
        // a transaction marker takes an offset too, so "at or past the end" is the test, not equality
        return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    /** One dead letter as a flat JSON object; a record that is not a readable DeadLetter says so instead. */
    static Map<String, Object> describe(ConsumerRecord<byte[], byte[]> record) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("dlq", record.topic() + "/" + record.partition() + "@" + record.offset());
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
