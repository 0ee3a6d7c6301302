package dev.newsflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @Test
    void shouldMapKafkaEnvironmentVariablesToClientSettings() {
        Settings settings = Settings.load(null, Map.of("KAFKA_BOOTSTRAP_SERVERS", "k1:9092", "KAFKA_HEAP_OPTS", "-Xmx1g",
                "PATH", "/bin"));

        assertThat(settings.kafka()).containsExactly(Map.entry("bootstrap.servers", "k1:9092"));
    }

    @Test
    void shouldLetTheEnvironmentWinOverTheFileAndTheFileOverDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("newsflow.properties");
        Files.writeString(file, "http.port=9000\nkafka.client.id=from-file\nkafka.acks=1\n");

        Settings settings = Settings.load(file, Map.of("NEWSFLOW_HTTP_PORT", "9100", "KAFKA_ACKS", "all"));
        StageConfig config = new StageConfig(StageConfig.baseDefinition(8080), settings.newsflow());

        assertThat(config.httpPort()).isEqualTo(9100);
        assertThat(settings.kafka()).containsEntry("client.id", "from-file").containsEntry("acks", "all");
    }

    @Test
    void shouldRefuseASecretInTheFileAndNameTheEnvironmentVariableToUse(@TempDir Path dir) throws Exception {
        Path apiKeys = Files.writeString(dir.resolve("a.properties"), "http.port=9000\napi.keys=cms:0123456789abcdef\n");
        Path jaas = Files.writeString(dir.resolve("k.properties"), "kafka.sasl.jaas.config=user=x password=y\n");

        assertThatThrownBy(() -> Settings.load(apiKeys, Map.of()))
                .hasMessageContaining("api.keys is a secret").hasMessageContaining("NEWSFLOW_API_KEYS")
                .hasMessageNotContaining("0123456789abcdef");
        assertThatThrownBy(() -> Settings.load(jaas, Map.of()))
                .hasMessageContaining("KAFKA_SASL_JAAS_CONFIG").hasMessageNotContaining("password=y");
    }

    @Test
    void shouldLetAFileHoldSettingsThatOnlyLookSecretButMaskThemInLogs(@TempDir Path dir) throws Exception {
        Path oauth = Files.writeString(dir.resolve("o.properties"),
                "kafka.sasl.oauthbearer.token.endpoint.url=https://idp.example/token\n");

        Settings settings = Settings.load(oauth, Map.of());

        assertThat(settings.kafka()).containsEntry("sasl.oauthbearer.token.endpoint.url", "https://idp.example/token");
        assertThat(Settings.masked(settings.kafka()).toString()).doesNotContain("idp.example");
    }

    @Test
    void shouldReadTheFileNamedByTheEnvironment(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("n.properties");
        Files.writeString(file, "topics.create=false\n");

        Settings settings = Settings.load(null, Map.of(Settings.CONFIG_FILE_ENV, file.toString()));

        assertThat(new StageConfig(StageConfig.baseDefinition(1), settings.newsflow()).createTopics()).isFalse();
    }

    @Test
    void shouldNameTheBadSettingWhenAValueIsInvalid() {
        Settings settings = Settings.load(null, Map.of("NEWSFLOW_HTTP_PORT", "eighty"));

        assertThatThrownBy(() -> new StageConfig(StageConfig.baseDefinition(8080), settings.newsflow()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("http.port");
    }

    @Test
    void shouldMaskSecretsWhenPrinted() {
        Settings settings = Settings.of(Map.of("api.keys", "cms:s3cret"),
                Map.of("sasl.jaas.config", "user=x password=y", "ssl.truststore.password", "pw", "acks", "all"));

        assertThat(settings.toString()).doesNotContain("s3cret", "password=y", "pw,").contains("acks=all", "[hidden]");
    }

    @Test
    void shouldMaskEveryKafkaPasswordSettingEvenWithoutASecretLookingName() {
        Map<String, String> kafka = Map.of("ssl.keystore.key", "-----BEGIN PRIVATE KEY-----abc",
                "producer.ssl.keystore.key", "-----BEGIN PRIVATE KEY-----def", "ssl.keystore.type", "PEM");

        Map<String, String> masked = Settings.masked(kafka);

        assertThat(masked).containsEntry("ssl.keystore.key", "[hidden]").containsEntry("producer.ssl.keystore.key", "[hidden]")
                .containsEntry("ssl.keystore.type", "PEM");
    }
}
