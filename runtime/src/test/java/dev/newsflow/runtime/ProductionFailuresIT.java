package dev.newsflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsflow.runtime.testing.KafkaBroker;
import dev.newsflow.runtime.testing.KafkaBrokerExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sink topic that refuses the stage's records (its max.message.bytes set far too low by hand), through a real
 * broker: the failure is counted by topic and the thread deaths are counted.
 */
@ExtendWith(KafkaBrokerExtension.class)
class ProductionFailuresIT {

    @Test
    void shouldCountARecordTheBrokerRefusesByTopicAndTheThreadDeathsItCauses(KafkaBroker broker, @TempDir Path state)
            throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String in = "refused-in-" + suffix;
        String out = "refused-out-" + suffix;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(in, 1, (short) 1),
                    new NewTopic(out, 1, (short) 1).configs(Map.of("max.message.bytes", "100")))).all().get();
        }
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(in, Consumed.with(Serdes.String(), Serdes.String()).withName("read"))
                .to(out, Produced.with(Serdes.String(), Serdes.String()).withName("write"));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Properties props = StreamsSettings.forStage(Settings.of(Map.of(), Map.of("bootstrap.servers", broker.bootstrapServers())),
                "refused-test-" + suffix, state, "test", "refused-dlq-" + suffix, registry);
        props.put("commit.interval.ms", "100");
        // a dead thread does not leave the group: its replacement gets the partition after the session timeout, 45 s by
        // default; the broker's least, so the four deaths that make Streams give up take seconds, not minutes
        props.put(org.apache.kafka.streams.StreamsConfig.mainConsumerPrefix("session.timeout.ms"), "6000");

        try (StreamsRunner runner = new StreamsRunner("test", builder.build(), props, registry);
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringSerializer(),
                     new StringSerializer())) {
            assertThat(registry.counter("newsflow.stream.thread.deaths", "stage", "test").count()).isZero();
            runner.start();
            producer.send(new ProducerRecord<>(in, "urn:article:1", "x".repeat(2_000))).get();

            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                assertThat(registry.counter("newsflow.production.failures", "stage", "test", "topic", out).count())
                        .isGreaterThanOrEqualTo(1.0);
                assertThat(registry.counter("newsflow.stream.thread.deaths", "stage", "test").count())
                        .isGreaterThanOrEqualTo(1.0);
            });
            assertThat(runner.readiness().details().get("lastError").toString()).doesNotContain("\n");
            // every replacement thread dies on the same record: Streams gives up, and the stage's command exits 70
            // on this future (a stage left in ERROR would look alive with nothing flowing)
            String gaveUp = runner.gaveUp().get(120, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(gaveUp).contains("Kafka Streams of stage test stopped in ERROR");
            assertThat(runner.state()).isEqualTo(org.apache.kafka.streams.KafkaStreams.State.ERROR);
            assertThat(runner.liveness().up()).isFalse();
        }
    }

    @Test
    void shouldStopBeingLiveAndReadyWhileAThreadIsWedgedInAProcessorAndRecoverAfter(KafkaBroker broker,
                                                                                  @TempDir Path state) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String in = "wedged-in-" + suffix;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(in, 1, (short) 1))).all().get();
        }
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(in, Consumed.with(Serdes.String(), Serdes.String()).withName("read"))
                .foreach((key, value) -> { // a processor that does not return, as a library looping on one text
                    if (value.equals("wedge")) {
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }, org.apache.kafka.streams.kstream.Named.as("wedge"));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Properties props = StreamsSettings.forStage(Settings.of(Map.of(), Map.of("bootstrap.servers", broker.bootstrapServers())),
                "wedged-test-" + suffix, state, "test", "wedged-dlq-" + suffix, registry);
        props.put("max.poll.interval.ms", "4000");

        try (StreamsRunner runner = new StreamsRunner("test", builder.build(), props, registry);
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringSerializer(),
                     new StringSerializer())) {
            runner.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> runner.liveness().up() && runner.readiness().up());
            producer.send(new ProducerRecord<>(in, "urn:article:1", "wedge")).get();

            // Streams stays RUNNING throughout: only the poll gap tells
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                HealthStatus live = runner.liveness();
                assertThat(live.up()).isFalse();
                assertThat(runner.readiness().up()).isFalse();
                assertThat(live.details().get("wedged").toString()).contains("has not polled", "max.poll.interval.ms");
            });
            release.countDown();
            await().atMost(Duration.ofSeconds(90)).until(() -> runner.liveness().up() && runner.readiness().up());
        } finally {
            release.countDown();
        }
    }

    @Test
    void shouldSayWhatToCheckByWhatTheBrokerAnswered() {
        assertThat(ProductionFailures.advice(new org.apache.kafka.common.errors.RecordTooLargeException("big"), "news.posts.sport"))
                .contains("max.message.bytes", "kafka-configs", "news.posts.sport");
        assertThat(ProductionFailures.advice(new org.apache.kafka.common.errors.UnknownTopicOrPartitionException("gone"),
                "news.posts.sport")).contains("does not exist");
    }
}
