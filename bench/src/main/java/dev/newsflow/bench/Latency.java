package dev.newsflow.bench;

import dev.newsflow.schemas.Serdes;
import dev.newsflow.schemas.avro.ContentType;
import dev.newsflow.schemas.avro.PubStatus;
import dev.newsflow.schemas.avro.RawArticle;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * End-to-end latency at a steady, modest rate: each record's time from the producer's send to a read_committed
 * consumer of the output topic seeing it. Exactly-once output is visible only when its transaction commits, so this
 * is the latency a website's consumer sees, commit interval included.
 */
final class Latency {

    private Latency() {
    }

    record Result(int sent, int received, double p50Ms, double p95Ms, double p99Ms, double maxMs) {

        void print(String name, Result baseline) {
            String ratio = baseline == null ? "" : String.format("   (%.2fx baseline p50, %.2fx p99)",
                    p50Ms / baseline.p50Ms, p99Ms / baseline.p99Ms);
            System.out.printf("%-42s p50 %6.0f ms  p95 %6.0f ms  p99 %6.0f ms  max %6.0f ms  (%d of %d)%s%n",
                    name + ":", p50Ms, p95Ms, p99Ms, maxMs, received, sent, ratio);
        }
    }

    /** Sends {@code count} raw articles keyed {@code keyPrefix + i} at {@code ratePerSecond} and times each one out. */
    static Result probe(String bootstrap, String inTopic, String outTopic, String keyPrefix, int ratePerSecond,
                        int count, String body) throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        long[] latencies = new long[count];
        int[] received = {0};
        Thread reader;
        try (KafkaConsumer<byte[], byte[]> consumer = consumerAtEnd(bootstrap, outTopic)) {
            reader = new Thread(() -> {
                long deadline = System.nanoTime() + Duration.ofSeconds(count / ratePerSecond + 60).toNanos();
                while (received[0] < count && System.nanoTime() < deadline) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                        long now = System.nanoTime();
                        String key = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
                        Long sent = key.startsWith(keyPrefix) ? sentAt.remove(key) : null;
                        if (sent != null) {
                            latencies[received[0]++] = now - sent;
                        }
                    }
                }
            }, "bench-latency-" + outTopic);
            reader.start();
            send(bootstrap, inTopic, keyPrefix, ratePerSecond, count, body, sentAt);
            reader.join();
        }
        long[] seen = Arrays.copyOf(latencies, received[0]);
        Arrays.sort(seen);
        return new Result(count, seen.length, percentile(seen, 0.50), percentile(seen, 0.95), percentile(seen, 0.99),
                seen.length == 0 ? Double.NaN : seen[seen.length - 1] / 1e6);
    }

    private static KafkaConsumer<byte[], byte[]> consumerAtEnd(String bootstrap, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolves the end now, before the first record is sent
        return consumer;
    }

    private static void send(String bootstrap, String topic, String keyPrefix, int ratePerSecond, int count,
                             String body, Map<String, Long> sentAt) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), Serdes.RAW_ARTICLE.serializer())) {
            long start = System.nanoTime();
            long interval = 1_000_000_000L / ratePerSecond;
            for (int i = 0; i < count; i++) {
                long due = start + i * interval;
                while (System.nanoTime() < due) {
                    LockSupport.parkNanos(due - System.nanoTime());
                }
                String id = keyPrefix + i;
                RawArticle article = RawArticle.newBuilder().setUri(id).setVersion(1).setProvider("bench")
                        .setHeadline("Harbour City reach the semi-finals, latency probe " + i).setBody(body)
                        .setContentType(ContentType.HTML).setVersionCreated(Instant.now())
                        .setPubStatus(PubStatus.USABLE).setReceivedAt(Instant.now()).build();
                sentAt.put(id, System.nanoTime());
                producer.send(new ProducerRecord<>(topic, id, article));
            }
            producer.flush();
        }
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
