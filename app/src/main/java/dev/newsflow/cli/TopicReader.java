package dev.newsflow.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Reads topics for the CLI's readers (dead-letters, posts): from the start, committed records only, every partition
 * assigned directly (no consumer group is created: each run used to leave one behind), up to the end offsets found
 * when it started, or on and on with follow. The pipeline's partition count never changes (Topics.PARTITIONS), so a
 * follow does not look for new partitions.
 */
final class TopicReader {

    private static final Duration FIRST_ASSIGNMENT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private TopicReader() {
    }

    /**
     * Prints, one JSON object a line on the command's output, each record {@code describe} turns into a line (null: left
     * out), until the options' limit; returns how many were printed.
     */
    static int printNdjson(Properties kafka, String purpose, List<String> topics, ReadOptions options, CommandSpec spec,
                           Function<ConsumerRecord<byte[], byte[]>, Map<String, Object>> describe) {
        int limit = limit(options, spec);
        PrintWriter out = spec.commandLine().getOut();
        int[] printed = {0};
        read(kafka, purpose, topics, options.follow, record -> {
            Map<String, Object> line = describe.apply(record);
            if (line != null) {
                out.println(json(line, record));
                out.flush();
                printed[0]++;
            }
            return printed[0] < limit;
        });
        return printed[0];
    }

    /** What {@link #printInTimeOrder} printed, and how many records matched in all. */
    record Printed(int printed, long matched) {
    }

    /**
     * As {@link #printNdjson}, but across partitions in time order (record timestamp, then topic, partition, offset):
     * the oldest {@code --max} of all that match, or with {@code newest} the newest, read to the end offsets first.
     * Poll order had given whole partitions first ("the oldest" 1,000 of 1,500 were 517, 478 and 5 of the three
     * partitions). With {@code --follow}, records are printed as they come. Keeps only the lines it will print.
     */
    static Printed printInTimeOrder(Properties kafka, String purpose, List<String> topics, ReadOptions options,
                                    boolean newest, CommandSpec spec,
                                    Function<ConsumerRecord<byte[], byte[]>, Map<String, Object>> describe) {
        if (options.follow) {
            int printed = printNdjson(kafka, purpose, topics, options, spec, describe);
            return new Printed(printed, printed);
        }
        int limit = limit(options, spec);
        java.util.Comparator<Line> byTime = java.util.Comparator.comparingLong(Line::timestamp)
                .thenComparing(Line::topic).thenComparingInt(Line::partition).thenComparingLong(Line::offset);
        // the heap's head is the line to drop first: the newest when keeping the oldest, and the other way round
        java.util.PriorityQueue<Line> kept = new java.util.PriorityQueue<>(newest ? byTime : byTime.reversed());
        long[] matched = {0};
        read(kafka, purpose, topics, false, record -> {
            Map<String, Object> line = describe.apply(record);
            if (line != null) {
                matched[0]++;
                kept.add(new Line(record.timestamp(), record.topic(), record.partition(), record.offset(),
                        json(line, record)));
                if (kept.size() > limit) {
                    kept.poll();
                }
            }
            return true;
        });
        List<Line> lines = new java.util.ArrayList<>(kept);
        lines.sort(byTime);
        PrintWriter out = spec.commandLine().getOut();
        lines.forEach(line -> out.println(line.json()));
        out.flush();
        return new Printed(lines.size(), matched[0]);
    }

    private record Line(long timestamp, String topic, int partition, long offset, String json) {
    }

    /** The options' --max, or the command's usage error. */
    private static int limit(ReadOptions options, CommandSpec spec) {
        try {
            return options.limit();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static String json(Map<String, Object> line, ConsumerRecord<byte[], byte[]> record) {
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + position(record) + " as JSON", e);
        }
    }

    /** Where a record is: {@code topic/partition@offset}. */
    static String position(ConsumerRecord<?, ?> record) {
        return record.topic() + "/" + record.partition() + "@" + record.offset();
    }

    /**
     * @param sink takes each record in order per partition; returns false to stop
     * @throws IllegalStateException when Kafka gives the consumer no partitions within 30 s (not reachable)
     */
    static void read(Properties kafka, String purpose, List<String> topics, boolean follow,
                     Predicate<ConsumerRecord<byte[], byte[]>> sink) {
        Properties props = new Properties();
        props.putAll(kafka);
        // no group: the partitions are assigned here, so no consumer group is left behind on the cluster per run
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-" + purpose + "-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"); // aborted transactions never happened
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            Map<String, List<org.apache.kafka.common.PartitionInfo>> existing;
            try {
                existing = consumer.listTopics(Duration.ofSeconds(30));
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                throw new IllegalStateException("could not reach Kafka at " + props.get("bootstrap.servers")
                        + " within 30 s: is it running and reachable from here (KAFKA_BOOTSTRAP_SERVERS, --bootstrap-servers)?", e);
            }
            List<String> missing = topics.stream().filter(t -> !existing.containsKey(t)).toList();
            if (!missing.isEmpty()) {
                throw new IllegalStateException("no topic " + missing + " on Kafka at " + props.get("bootstrap.servers")
                        + ": has the pipeline run against this cluster?");
            }
            List<TopicPartition> partitions = topics.stream().flatMap(t -> existing.get(t).stream()
                    .map(p -> new TopicPartition(t, p.partition()))).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant started = Instant.now();
            Map<TopicPartition, Long> ends = null;
            while (true) {
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
                    // what there is now is what is read: records written meanwhile (or filtered out) never keep it going
                    ends = consumer.endOffsets(consumer.assignment());
                }
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    if (!sink.test(record)) {
                        return;
                    }
                }
                if (ends != null && reachedEnds(consumer, ends)) {
                    return;
                }
            }
        }
    }

    private static boolean reachedEnds(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
        // a transaction marker takes an offset too, so "at or past the end" is the test, not equality
        return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
