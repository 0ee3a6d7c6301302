package dev.newsflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsflow.runtime.testing.KafkaBroker;
import dev.newsflow.runtime.testing.KafkaBrokerExtension;
import dev.newsflow.schemas.Serdes;
import dev.newsflow.schemas.avro.DeadLetter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Through a real broker: TopologyTestDriver does not write the handler's dead letters (KIP-1034). */
@ExtendWith(KafkaBrokerExtension.class)
class DeadLetterQueueHandlerIT {

    @Test
    void shouldDeadLetterARecordAProcessorThrowsOnAndCarryOn(KafkaBroker broker, @TempDir Path state) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String in = "dlq-in-" + suffix;
        String out = "dlq-out-" + suffix;
        String dlq = "dlq-dead-" + suffix;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(in, 1, (short) 1), new NewTopic(out, 1, (short) 1),
                    new NewTopic(dlq, 1, (short) 1))).all().get();
        }
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(in, Consumed.with(org.apache.kafka.common.serialization.Serdes.String(),
                        org.apache.kafka.common.serialization.Serdes.String()).withName("read"))
                .mapValues(v -> {
                    if (v.equals("boom")) {
                        throw new IllegalStateException("a bug nobody caught");
                    }
                    return v.toUpperCase();
                }, Named.as("shout"))
                .to(out, Produced.with(org.apache.kafka.common.serialization.Serdes.String(),
                        org.apache.kafka.common.serialization.Serdes.String()).withName("write"));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Properties props = StreamsSettings.forStage(Settings.of(Map.of(), Map.of("bootstrap.servers", broker.bootstrapServers())),
                "dlq-test-" + suffix, state, "test", dlq, registry);
        props.put("commit.interval.ms", "100");

        try (KafkaStreams streams = new KafkaStreams(builder.build(), props);
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            streams.start();
            producer.send(new ProducerRecord<>(in, "a-1", "boom")).get();
            producer.send(new ProducerRecord<>(in, "a-2", "fine")).get();

            List<DeadLetter> letters = new ArrayList<>();
            List<String> outputs = new ArrayList<>();
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "dlq-check-" + suffix,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                consumer.subscribe(Set.of(out, dlq));
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                        if (r.topic().equals(dlq)) {
                            letters.add(Serdes.DEAD_LETTER.deserializer().deserialize(dlq, r.value()));
                        } else {
                            outputs.add(new String(r.value(), StandardCharsets.UTF_8));
                        }
                    });
                    return !letters.isEmpty() && !outputs.isEmpty();
                });
            }

            assertThat(outputs).containsExactly("FINE");
            assertThat(letters).singleElement().satisfies(letter -> {
                assertThat(letter.getReason()).isEqualTo(DeadLetterQueueHandler.REASON.code());
                assertThat(letter.getSourceTopic()).isEqualTo(in);
                assertThat(letter.getSourceOffset()).isZero();
                assertThat(StandardCharsets.UTF_8.decode(letter.getValue()).toString()).isEqualTo("boom");
                assertThat(letter.getDetail()).isEqualTo("a bug nobody caught");
            });
            assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
            assertThat(registry.counter("newsflow.dead.letters", "stage", "test", "reason", DeadLetterQueueHandler.REASON.code())
                    .count()).isEqualTo(1.0);
        }
    }
}
