package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class FailureReportTest {

    @Test
    void shouldNameTheEnvironmentVariableOfAMissingSetting() {
        String report = FailureReport.describe(new ConfigException("Missing required configuration \"api.keys\" which has no default value."));

        assertThat(report).contains("api.keys").contains("set NEWSFLOW_API_KEYS").doesNotContain("--config");
    }

    @Test
    void shouldPointABadKafkaClientSettingAtItsKafkaVariable() {
        // as KAFKA_SECURITY_PROTOCOL=SASL_SSL_ fails at the first client
        Properties kafka = new Properties();
        kafka.put("bootstrap.servers", "127.0.0.1:9");
        kafka.put("security.protocol", "SASL_SSL_");
        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> Admin.create(kafka).close());

        assertThat(FailureReport.describe(failure)).contains("security.protocol")
                .contains("set KAFKA_SECURITY_PROTOCOL (or kafka.security.protocol in the file --config names)")
                .doesNotContain("NEWSFLOW_SECURITY_PROTOCOL");
        // a secret is named by its variable only: a file naming one is refused
        assertThat(FailureReport.describe(new ConfigException("Invalid value x for configuration sasl.jaas.config")))
                .contains("set KAFKA_SASL_JAAS_CONFIG").doesNotContain("--config");
        assertThat(FailureReport.describe(new ConfigException("Invalid value 0 for configuration http.port")))
                .contains("set NEWSFLOW_HTTP_PORT (or http.port in the file --config names)");
    }

    @Test
    void shouldNeverPrintWhatKafkaQuotesFromAMalformedJaasConfig() {
        // a password without its quotes: Kafka takes it for a key and quotes it back
        Properties kafka = new Properties();
        kafka.put("bootstrap.servers", "127.0.0.1:9");
        kafka.put("security.protocol", "SASL_PLAINTEXT");
        kafka.put("sasl.mechanism", "PLAIN");
        kafka.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\""
                + " password=hunter2 S3cr3tPW;");
        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> Admin.create(kafka).close());

        assertThat(failure).isNotNull();
        assertThat(FailureReport.describe(failure)).contains("JAAS").doesNotContain("S3cr3tPW").doesNotContain("hunter2");
    }

    @Test
    void shouldSayHowToChooseAnotherPortWhenOneIsTaken() {
        String report = FailureReport.describe(new IllegalStateException("Port already in use.",
                new java.net.BindException("Address already in use")));

        assertThat(report).contains("--port").contains("NEWSFLOW_HTTP_PORT");
    }

    @Test
    void shouldSayEachCauseOnceFromTheTop() {
        Exception e = new IllegalStateException("Kafka at 127.0.0.1:1 did not answer the topic setup within 60000 ms",
                new IllegalStateException("topic setup failed while listing topics: java.util.concurrent.TimeoutException",
                        new java.util.concurrent.TimeoutException()));

        assertThat(FailureReport.describe(e)).startsWith("Kafka at 127.0.0.1:1 did not answer")
                .contains("listing topics").doesNotContain("\n");
    }
}
