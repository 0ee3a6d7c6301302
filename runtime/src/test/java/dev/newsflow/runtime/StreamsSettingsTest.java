package dev.newsflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsSettingsTest {

    private final Properties props = StreamsSettings.forStage(
            Settings.of(Map.of(), Map.of("bootstrap.servers", "localhost:9092")), "newsflow-test", Path.of("state"));

    @Test
    void shouldRunExactlyOnceWithExplicitNames() {
        StreamsConfig config = new StreamsConfig(props);

        assertThat(config.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(config.getBoolean(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG)).isTrue();
        assertThat(config.getString(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo("newsflow-test");
    }

    @Test
    void shouldKeepExactlyOnceAndExplicitNamesWhateverTheOperatorSet() {
        StreamsConfig config = new StreamsConfig(StreamsSettings.forStage(Settings.of(Map.of(), Map.of(
                "bootstrap.servers", "localhost:9092", "processing.guarantee", "at_least_once",
                "ensure.explicit.internal.resource.naming", "false", "num.stream.threads", "2")),
                "newsflow-test", Path.of("state")));

        assertThat(config.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(config.getBoolean(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG)).isTrue();
        assertThat(config.getInt(StreamsConfig.NUM_STREAM_THREADS_CONFIG)).isEqualTo(2); // negotiable: the operator's
    }

    @Test
    void shouldEnableTheGlobalProcessingExceptionHandlerWhereverStreamsReadsItsConfig() {
        StreamsConfig config = new StreamsConfig(props);

        assertThat(config.getBoolean(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG)).isTrue();
        // the partition assignor builds its own StreamsConfig from these, and warned at every start without the key
        Map<String, Object> assignorView = config.getMainConsumerConfigs("newsflow-test", "client", 0);
        assertThat(new StreamsConfig(assignorView)
                .getBoolean(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG)).isTrue();
    }

    @Test
    void shouldGiveInternalTopicsTheCopiesAndSizeOfOurOwn() {
        StreamsConfig config = new StreamsConfig(StreamsSettings.forStage(Settings.of(
                        Map.of("topics.replication.factor", "3", "topics.min.insync.replicas", "2"),
                        Map.of("bootstrap.servers", "localhost:9092")), "newsflow-test", Path.of("state")));

        assertThat(config.getInt(StreamsConfig.REPLICATION_FACTOR_CONFIG)).isEqualTo(3);
        assertThat(config.originals()).containsEntry("topic.min.insync.replicas", "2")
                .containsEntry("topic.max.message.bytes", "8388608")
                .containsEntry("topic.segment.ms", "3600000").containsEntry("topic.max.compaction.lag.ms", "3600000");
        assertThat(new StreamsConfig(props).getInt(StreamsConfig.REPLICATION_FACTOR_CONFIG)).isEqualTo(-1); // broker's
    }

    @Test
    void shouldRefuseZeroReplicasNamingTheSettingButIgnoreSettingsReplicationDoesNotRead() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StageConfig.replication(Map.of("topics.replication.factor", "0")))
                .isInstanceOf(org.apache.kafka.common.config.ConfigException.class)
                .hasMessageContaining("topics.replication.factor");
        assertThat(StageConfig.replication(Map.of("http.port", "not a port", "topics.min.insync.replicas", "2")))
                .isEqualTo(new TopicSetup.Replication(java.util.Optional.empty(), java.util.Optional.of(2)));
    }
}
