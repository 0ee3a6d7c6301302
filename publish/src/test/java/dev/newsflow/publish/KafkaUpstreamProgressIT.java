package dev.newsflow.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.runtime.TopicSetup;
import dev.newsflow.runtime.testing.KafkaBroker;
import dev.newsflow.runtime.testing.KafkaBrokerExtension;
import dev.newsflow.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What publish asks before it releases an embargo, against a real broker: enrich's and publish's committed offsets
 * on the raw and enriched partitions (made here with offsets committed for two groups of this run's own, as enrich
 * and publish commit them).
 */
@ExtendWith(KafkaBrokerExtension.class)
class KafkaUpstreamProgressIT {

    private static final TopicPartition RAW = new TopicPartition(Topics.ARTICLES_RAW, 0);
    private static final TopicPartition ENRICHED = new TopicPartition(Topics.ARTICLES_ENRICHED, 0);

    @Test
    void shouldSayCaughtUpOnlyOnceWhatWasWrittenBeforeTheTimeHasBeenThroughEnrichAndPublish(KafkaBroker kafka)
            throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String enrichGroup = "enrich-" + run;
        String publishGroup = "publish-" + run;
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        Instant embargo = Instant.now();
        try (Admin admin = Admin.create(props);
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
             KafkaUpstreamProgress progress = new KafkaUpstreamProgress(props, enrichGroup, publishGroup, Duration.ofSeconds(10))) {
            TopicSetup.ensure(admin, Topics.all(), Duration.ofSeconds(60)); // as the stages make them
            // a kill the desk sent ten seconds before the embargo, on the raw topic; enrich has not read it
            write(producer, RAW, embargo.minusSeconds(10), "kill-" + run);

            assertThat(progress.check(0, embargo)).isFalse();

            // enrich has read it and written its output; publish has not read that yet
            commit(admin, enrichGroup, RAW, end(admin, RAW));
            write(producer, ENRICHED, Instant.now(), "kill-" + run);

            assertThat(progress.check(0, embargo)).isFalse();

            commit(admin, publishGroup, ENRICHED, end(admin, ENRICHED));

            assertThat(progress.check(0, embargo)).isTrue();
            // another article sent before the embargo, not yet enriched, holds it back again
            write(producer, RAW, embargo.minusSeconds(3), "update-" + run);
            assertThat(progress.check(0, embargo)).isFalse();
            commit(admin, enrichGroup, RAW, end(admin, RAW)); // enriched into nothing publish must read (dead-lettered)
            assertThat(progress.check(0, embargo)).isTrue();
            // what is written at or after the embargo does not hold it back
            write(producer, RAW, embargo.plusSeconds(5), "later-" + run);
            assertThat(progress.check(0, embargo)).isTrue();

            // as enrich writes: in a transaction, whose commit marker follows the record. A publish that has read the
            // record but whose committed offset has not passed the marker yet is not caught up; past it, it is
            write(producer, RAW, embargo.minusSeconds(2), "kill-2-" + run);
            Properties transactional = new Properties();
            transactional.putAll(props);
            transactional.put("transactional.id", "upstream-it-" + run);
            try (KafkaProducer<byte[], byte[]> enrich = new KafkaProducer<>(transactional, new ByteArraySerializer(),
                    new ByteArraySerializer())) {
                enrich.initTransactions();
                enrich.beginTransaction();
                long recordAt = enrich.send(new ProducerRecord<>(ENRICHED.topic(), ENRICHED.partition(),
                        ("kill-2-" + run).getBytes(StandardCharsets.UTF_8), new byte[] {1})).get().offset();
                // enrich's offsets may be committed before its output's marker is written: the kill is not readable
                // yet, and a check of the last committed record would find publish at the end and release early
                commit(admin, enrichGroup, RAW, end(admin, RAW));
                assertThat(progress.check(0, embargo)).isFalse();

                enrich.commitTransaction();
                // the coordinator writes the marker after the commit returns
                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> end(admin, ENRICHED) == recordAt + 2);
                commit(admin, publishGroup, ENRICHED, recordAt + 1); // the kill read, its marker not yet passed
                assertThat(progress.check(0, embargo)).isFalse();
                commit(admin, publishGroup, ENRICHED, recordAt + 2); // Streams commits the position past the marker
                assertThat(progress.check(0, embargo)).isTrue();
            }

            // the release timer's question never waits on Kafka: not known yet, then known, for good
            try (KafkaUpstreamProgress asked = new KafkaUpstreamProgress(props, enrichGroup, publishGroup, Duration.ofSeconds(10))) {
                assertThat(asked.caughtUp(0, embargo)).isFalse();
                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> asked.caughtUp(0, embargo));
                assertThat(asked.caughtUp(0, embargo.minusSeconds(60))).isTrue(); // an earlier time is clear too
            }
        }
    }

    private static void write(KafkaProducer<byte[], byte[]> producer, TopicPartition partition, Instant at, String key)
            throws Exception {
        producer.send(new ProducerRecord<>(partition.topic(), partition.partition(), at.toEpochMilli(),
                key.getBytes(StandardCharsets.UTF_8), new byte[] {1})).get();
    }

    private static long end(Admin admin, TopicPartition partition) throws Exception {
        return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition).get().offset();
    }

    private static void commit(Admin admin, String group, TopicPartition partition, long offset) throws Exception {
        admin.alterConsumerGroupOffsets(group, Map.of(partition, new OffsetAndMetadata(offset))).all().get();
    }
}
