package dev.newsflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.runtime.testing.KafkaBroker;
import dev.newsflow.runtime.testing.KafkaBrokerExtension;
import dev.newsflow.schemas.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Through a real broker: the limits are the topics' own settings, as the broker reports them. */
@ExtendWith(KafkaBrokerExtension.class)
class RecordLimitsIT {

    @Test
    void shouldRefuseToStartOnATopicThatTakesSmallerRecordsThanThePipelineWrites(KafkaBroker broker) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String full = "limits-full-" + suffix;
        String small = "limits-small-" + suffix; // made by hand at the broker's default
        String missing = "limits-missing-" + suffix;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(List.of(
                    new NewTopic(full, 1, (short) 1).configs(Map.of("max.message.bytes", Topics.MAX_MESSAGE_BYTES)),
                    new NewTopic(small, 1, (short) 1))).all().get();
        }
        var kafka = Settings.of(Map.of(), Map.of("bootstrap.servers", broker.bootstrapServers())).kafkaProperties();

        assertThatThrownBy(() -> RecordLimits.requireFullSize(kafka, List.of(full, small, missing), Duration.ofSeconds(10)))
                .isInstanceOf(TopicSetup.TopicMismatch.class)
                .hasMessageContaining("topics [" + small + " (max.message.bytes=1048588)]")
                .hasMessageContaining("--add-config max.message.bytes=" + Topics.MAX_MESSAGE_BYTES)
                .hasMessageNotContaining(full);
        // a topic not there yet is Kafka Streams' to report (it waits for it), not this check's
        assertThatCode(() -> RecordLimits.requireFullSize(kafka, List.of(full, missing), Duration.ofSeconds(10)))
                .doesNotThrowAnyException();
        // what ingest compares with the largest article it accepts
        assertThat(RecordLimits.maxMessageBytes(kafka, small, Duration.ofSeconds(10))).hasValue(1_048_588L);
        assertThat(RecordLimits.maxMessageBytes(kafka, full, Duration.ofSeconds(10))).hasValue(Long.parseLong(Topics.MAX_MESSAGE_BYTES));
        assertThat(RecordLimits.maxMessageBytes(kafka, missing, Duration.ofSeconds(2))).isEmpty();
    }
}
