package dev.newsflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.runtime.testing.KafkaBroker;
import dev.newsflow.runtime.testing.KafkaBrokerExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Through a real broker: lag is the group's committed offsets against the topic's last committed records. */
@ExtendWith(KafkaBrokerExtension.class)
class ConsumerLagIT {

    @Test
    void shouldCountTheRecordsAGroupHasNotCommittedYet(KafkaBroker broker) throws Exception {
        String topic = "lag-" + UUID.randomUUID().toString().substring(0, 8);
        String group = "lag-group-" + topic;
        Properties kafka = new Properties();
        kafka.put("bootstrap.servers", broker.bootstrapServers());
        try (Admin admin = Admin.create(kafka)) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                    broker.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
                for (int i = 0; i < 10; i++) {
                    producer.send(new ProducerRecord<>(topic, 0, "k", "v" + i)).get();
                }
                for (int i = 0; i < 4; i++) {
                    producer.send(new ProducerRecord<>(topic, 1, "k", "v" + i)).get();
                }
            }
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            try (ConsumerLag lag = new ConsumerLag(kafka, group, List.of(topic), Duration.ofSeconds(5), Duration.ZERO,
                    Clock.systemUTC())) {
                lag.bindTo(registry);
                assertThat(lag.lagByTopic()).containsEntry(topic, 14L); // nothing committed: all of it

                // the group has processed 7 of partition 0 and all of partition 1
                admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(7),
                        new TopicPartition(topic, 1), new OffsetAndMetadata(4))).all().get();

                assertThat(lag.lagByTopic()).containsEntry(topic, 3L);
                assertThat(registry.get("newsflow.consumer.lag").tag("topic", topic).gauge().value()).isEqualTo(3.0);

                // started, the gauge reads what the background thread measured, without asking Kafka itself
                admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(10))).all().get();
                lag.start();
                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                        registry.get("newsflow.consumer.lag").tag("topic", topic).gauge().value() == 0.0);
            }
        }
    }

    @Test
    void shouldShowNoValueRatherThanZeroWhenKafkaDoesNotAnswer() {
        Properties kafka = new Properties();
        kafka.put("bootstrap.servers", "127.0.0.1:1");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (ConsumerLag lag = new ConsumerLag(kafka, "g", List.of("t"), Duration.ofMillis(500), Duration.ZERO, Clock.systemUTC())) {
            lag.bindTo(registry);

            assertThat(registry.get("newsflow.consumer.lag").gauge().value()).isNaN();
        }
    }
}
